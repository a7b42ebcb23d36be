package dev.synckit.testkit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.SimulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class ZendeskSimulatorFunctionalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(ZendeskSimulator sim, String method, String path, String body, String auth)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (!auth.isEmpty()) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String email, String token) {
    return "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void extension_resolvesTheSimulator_andWrongCredentialsGetZendesks401Body(ZendeskSimulator sim) throws Exception {
    sim.registerApiToken("a@b.test", "tok");
    HttpResponse<String> r = send(sim, "GET", "/api/v2/organizations.json", "", basic("a@b.test", "nope"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("Couldn't authenticate you");
    assertThat(sim.authFailures()).containsExactly("unknown API token for a@b.test");
  }

  @Test
  void createOrUpdate_answers201Then200_withLocation_andRateLimitHeaders() throws Exception {
    MutableClock clock = MutableClock.create();
    try (ZendeskSimulator sim = ZendeskSimulator.builder().clock(clock).requestsPerMinute(2).build().start()) {
      sim.registerApiToken("a@b.test", "tok");
      String body = "{\"organization\":{\"name\":\"Acme\",\"external_id\":\"C-1\"}}";
      HttpResponse<String> first = send(sim, "POST", "/api/v2/organizations/create_or_update", body,
          basic("a@b.test", "tok"));
      HttpResponse<String> second = send(sim, "POST", "/api/v2/organizations/create_or_update",
          body.replace("C-1", "c-1"), basic("a@b.test", "tok"));
      HttpResponse<String> third = send(sim, "GET", "/api/v2/organizations", "", basic("a@b.test", "tok"));

      assertThat(first.statusCode()).isEqualTo(201);
      assertThat(first.headers().firstValue("Location")).isPresent();
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.headers().firstValue("X-Rate-Limit-Remaining")).contains("0");
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).contains("60");
      clock.advance(Duration.ofSeconds(60));
      assertThat(send(sim, "GET", "/api/v2/organizations", "", basic("a@b.test", "tok")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void jobs_progressQueuedWorkingCompleted_withPerItemResults() throws Exception {
    MutableClock clock = MutableClock.create();
    try (ZendeskSimulator sim = ZendeskSimulator.builder().clock(clock)
        .jobDurations(Duration.ofSeconds(1), Duration.ofSeconds(1)).build().start()) {
      sim.registerApiToken("a@b.test", "tok");
      String auth = basic("a@b.test", "tok");
      JsonNode job = JSON.readTree(send(sim, "POST", "/api/v2/organizations/create_many",
          "{\"organizations\":[{\"name\":\"A\"},{\"name\":\"A\"}]}", auth).body()).path("job_status");
      String path = "/api/v2/job_statuses/" + job.path("id").asText() + ".json";
      assertThat(job.path("status").asText()).isEqualTo("queued");
      clock.advance(Duration.ofMillis(1500));
      assertThat(JSON.readTree(send(sim, "GET", path, "", auth).body()).path("job_status").path("status").asText())
          .isEqualTo("working");
      clock.advance(Duration.ofSeconds(1));
      JsonNode done = JSON.readTree(send(sim, "GET", path, "", auth).body()).path("job_status");
      assertThat(done.path("status").asText()).isEqualTo("completed");
      assertThat(done.path("results").get(0).path("index").asInt()).isZero();
      assertThat(done.path("results").get(1).path("error").asText()).isEqualTo("DuplicateValue");
      assertThat(send(sim, "POST", "/api/v2/organizations/create_many", "{\"organizations\":[]}", auth).statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void webhookSigner_matchesAnIndependentlyComputedVector() {
    // python3 hmac over "2021-03-25T05:09:27Z" + body with the literal test secret (platform-apis §3.10)
    assertThat(WebhookSigner.sign(WebhookSigner.TEST_SECRET, "2021-03-25T05:09:27Z",
        "{\"event\":\"ticket.updated\",\"id\":123}")).isEqualTo("S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM=");
  }
}
