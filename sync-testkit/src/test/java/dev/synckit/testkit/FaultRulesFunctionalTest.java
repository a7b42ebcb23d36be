package dev.synckit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultRulesFunctionalTest {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EchoSimulator sim = EchoSimulator.create();

  @AfterEach
  void close() {
    sim.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<Integer> statuses(int n, String path) throws IOException, InterruptedException {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(get(path).statusCode());
    }
    return out;
  }

  @Test
  void noRules_servesNormally_andLogsEveryRequestInOrder() throws Exception {
    get("/a?x=1");
    post("/b");
    List<LoggedRequest> log = sim.requests();
    assertThat(log).extracting(LoggedRequest::sequence).containsExactly(1L, 2L);
    assertThat(log).extracting(LoggedRequest::method).containsExactly("GET", "POST");
    assertThat(log.get(0).query()).isEqualTo("x=1");
    assertThat(log.get(1).body()).isEqualTo("{\"a\":1}");
    assertThat(log).allSatisfy(r -> {
      assertThat(r.responseStatus()).isEqualTo(200);
      assertThat(r.faultApplied()).isNull();
    });
    assertThat(sim.requestCount()).isEqualTo(2);
    sim.clearRequests();
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  void faultRule_statusOnRequestK_failsOnlyThatRequest() throws Exception {
    sim.faults().add(FaultRule.status(503).onRequest(3));
    assertThat(statuses(5, "/x")).containsExactly(200, 200, 503, 200, 200);
    LoggedRequest third = sim.requests().get(2);
    assertThat(third.responseStatus()).isEqualTo(503);
    assertThat(third.faultApplied()).isEqualTo("status(503)");
    assertThat(sim.requests()).filteredOn(LoggedRequest::faulted).hasSize(1);
  }

  @Test
  void faultRule_statusWithBody_answersThatBodyAndContentType() throws Exception {
    sim.faults().add(FaultRule.status(502).withBody("text/html", "<html>Bad Gateway</html>"));
    HttpResponse<String> r = get("/x");
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(r.body()).isEqualTo("<html>Bad Gateway</html>");
  }

  @Test
  void faultRule_onRequests_failsTheRangeInclusive() throws Exception {
    sim.faults().add(FaultRule.status(500).onRequests(2, 3));
    assertThat(statuses(4, "/x")).containsExactly(200, 500, 500, 200);
  }

  @Test
  void faultRule_times_failsOnlyTheFirstN() throws Exception {
    sim.faults().add(FaultRule.status(429).times(2));
    assertThat(statuses(4, "/x")).containsExactly(429, 429, 200, 200);
  }

  @Test
  void faultRule_matching_countsOnlyMatchingRequests() throws Exception {
    sim.faults().add(FaultRule.status(500).matching("POST", "/orders/.*").onRequest(2));
    assertThat(get("/orders/1").statusCode()).isEqualTo(200);
    assertThat(post("/orders/1").statusCode()).isEqualTo(200);
    assertThat(post("/other").statusCode()).isEqualTo(200);
    assertThat(post("/orders/2").statusCode()).isEqualTo(500);
    assertThat(post("/orders/3").statusCode()).isEqualTo(200);
  }

  @Test
  void faultRule_probability_isDeterministicForASeedAndRoughlyP() throws Exception {
    sim.faults().add(FaultRule.status(503).withProbability(0.3, 42L));
    List<Integer> first = statuses(200, "/x");
    sim.faults().clear();
    sim.faults().add(FaultRule.status(503).withProbability(0.3, 42L));
    List<Integer> second = statuses(200, "/x");
    assertThat(second).isEqualTo(first);
    long failures = first.stream().filter(s -> s == 503).count();
    assertThat(failures).isBetween(30L, 90L);
  }

  @Test
  void faultRule_latency_delaysAtLeastTheGivenDuration() throws Exception {
    Duration delay = Duration.ofMillis(300);
    sim.faults().add(FaultRule.latency(delay).onRequest(1));
    long start = System.nanoTime();
    HttpResponse<String> r = get("/slow");
    long elapsed = System.nanoTime() - start;
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(delay);
    assertThat(sim.requests().get(0).faultApplied()).isEqualTo("latency(PT0.3S)");
  }

  @Test
  void faultRule_latency_holdsTheRequestInFlight() throws Exception {
    sim.faults().add(FaultRule.latency(Duration.ofMinutes(1)).onRequest(1));
    var pending = client.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/held")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sim.awaitInFlight(1, Duration.ofSeconds(10))).isTrue();
    assertThat(get("/other").statusCode()).isEqualTo(200);
    sim.close();
    // closing releases the held request at once instead of after a minute; the client sees the connection go
    pending.handle((response, error) -> error).get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(sim.requests()).anySatisfy(r -> assertThat(r.faultApplied()).startsWith("latency(PT1M)"));
  }

  @Test
  void faultRule_dropConnection_clientSeesIoException() {
    sim.faults().add(FaultRule.dropConnection());
    assertThatThrownBy(() -> post("/x")).isInstanceOf(IOException.class);
    assertThat(sim.requests()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.responseStatus()).isZero();
      assertThat(r.faultApplied()).isEqualTo("dropConnection");
    });
  }

  @Test
  void faultRule_wrongContentType_keepsBodyButSaysHtml() throws Exception {
    sim.faults().add(FaultRule.wrongContentType());
    HttpResponse<String> r = get("/x");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.body()).startsWith("{\"method\":\"GET\"");
  }

  @Test
  void faultRule_malformedBody_truncatesJson() throws Exception {
    sim.faults().add(FaultRule.malformedBody());
    HttpResponse<String> r = get("/x");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"method\"").doesNotEndWith("}");
    assertThatThrownBy(() -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void faultRules_laterRuleShadowedByEarlierOne_keepsItsTimes() throws Exception {
    sim.faults().add(FaultRule.status(500).onRequest(1)).add(FaultRule.status(503).times(1));
    assertThat(statuses(3, "/x")).containsExactly(500, 503, 200);
    assertThat(sim.faults().rules()).hasSize(2);
  }
}
