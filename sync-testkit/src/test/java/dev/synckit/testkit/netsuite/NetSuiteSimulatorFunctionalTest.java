package dev.synckit.testkit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synckit.testkit.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetSuiteSimulatorFunctionalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-05-02T10:00:00Z");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger nonces = new AtomicInteger();
  private NetSuiteSimulator ns = NetSuiteSimulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private TbaSigner signer = new TbaSigner("1234567_SB1", "ck", "cs", "tid", "ts");

  @AfterEach
  void close() {
    ns.close();
  }

  private URI uri(String path) {
    return URI.create(ns.baseUri() + path);
  }

  private HttpRequest.Builder signed(String method, String path, String body) throws Exception {
    return signed(method, path, body, NOW.getEpochSecond(), "nonce-" + nonces.incrementAndGet() + "-abcdef");
  }

  private HttpRequest.Builder signed(String method, String path, String body, long ts, String nonce) throws Exception {
    URI uri = uri(path);
    return HttpRequest.newBuilder(uri)
        .header("Authorization", signer.header(method, uri, ts, nonce))
        .header("Content-Type", "application/json")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(signed(method, path, body));
  }

  private static JsonNode detail(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).path("o:errorDetails").get(0);
  }

  private void register() {
    ns.registerToken("ck", "cs", "tid", "ts");
  }

  @Test
  void tba_correctlySignedRequest_succeeds() throws Exception {
    register();
    String id = ns.seedRecord("customer", Map.of("companyName", "Acme"));
    HttpResponse<String> r = send("GET", "/services/rest/record/v1/customer/" + id + "?fields=companyName", "");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("companyName").asText()).isEqualTo("Acme");
    assertThat(ns.authFailures()).isEmpty();
  }

  @Test
  void tba_wrongSecret_reusedNonce_oldTimestamp_eachFailWithInvalidLogin() throws Exception {
    register();
    String path = "/services/rest/record/v1/customer?limit=5";
    signer = new TbaSigner("1234567_SB1", "ck", "wrong", "tid", "ts");
    assertInvalidLogin(send("GET", path, ""));
    signer = new TbaSigner("1234567_SB1", "ck", "cs", "tid", "ts");

    assertThat(send(signed("GET", path, "", NOW.getEpochSecond(), "same-nonce-1")).statusCode()).isEqualTo(200);
    assertInvalidLogin(send(signed("GET", path, "", NOW.getEpochSecond(), "same-nonce-1")));

    assertInvalidLogin(send(signed("GET", path, "", NOW.getEpochSecond() - 3600, "old-nonce-1")));

    assertThat(ns.authFailures()).hasSize(3);
    assertThat(ns.authFailures().get(0)).isEqualTo("bad signature");
    assertThat(ns.authFailures().get(1)).isEqualTo("nonce reused");
    assertThat(ns.authFailures().get(2)).startsWith("timestamp outside clock skew");
  }

  @Test
  void tba_realmInLowerCase_failsWithInvalidLogin() throws Exception {
    register();
    signer = new TbaSigner("1234567_sb1", "ck", "cs", "tid", "ts");
    assertInvalidLogin(send("GET", "/services/rest/record/v1/customer", ""));
    assertThat(ns.authFailures()).singleElement().satisfies(f -> assertThat(f).startsWith("realm mismatch"));
  }

  private static void assertInvalidLogin(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.oracle.resource+json; type=error");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
    assertThat(body.path("o:errorDetails").get(0).path("o:errorCode").asText()).isEqualTo("INVALID_LOGIN");
  }

  @Test
  void post_createsRecord_andReturnsLocation() throws Exception {
    register();
    HttpResponse<String> r = send("POST", "/services/rest/record/v1/customer",
        "{\"companyName\":\"Acme\",\"subsidiary\":{\"id\":\"1\"},\"externalId\":\"CRM-001\"}");
    assertThat(r.statusCode()).isEqualTo(204);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(ns.baseUri() + "/services/rest/record/v1/customer/");
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(ns.record("customer", id)).hasValueSatisfying(rec -> assertThat(rec)
        .containsEntry("companyName", "Acme").containsEntry("lastModifiedDate", "2024-05-02T10:00:00Z"));
  }

  @Test
  void putEid_twice_leavesOneRecordAndUpdatesIt() throws Exception {
    register();
    String path = "/services/rest/record/v1/customer/eid:CRM-42";
    assertThat(send("PUT", path, "{\"companyName\":\"First\",\"email\":\"a@x.test\"}").statusCode()).isEqualTo(204);
    assertThat(send("PUT", path, "{\"companyName\":\"Second\",\"email\":null}").statusCode()).isEqualTo(204);
    assertThat(ns.recordCount("customer")).isEqualTo(1);
    Map<String, Object> rec = ns.recordByExternalId("customer", "CRM-42").orElseThrow();
    assertThat(rec).containsEntry("companyName", "Second").doesNotContainKey("email");

    HttpResponse<String> withId = send("PUT", path, "{\"id\":\"5\",\"companyName\":\"X\"}");
    assertThat(withId.statusCode()).isEqualTo(400);
    assertThat(detail(withId).path("o:errorCode").asText()).isEqualTo("INVALID_CONTENT");
    HttpResponse<String> badEid = send("PUT", "/services/rest/record/v1/customer/eid:a.b", "{\"companyName\":\"X\"}");
    assertThat(badEid.statusCode()).isEqualTo(400);
    assertThat(detail(badEid).path("detail").asText()).contains("Invalid externalId");
  }

  @Test
  void getByEid_rendersReferencesWithRefNameAndLinks() throws Exception {
    register();
    String parent = ns.seedRecord("customer", Map.of("companyName", "Parent Co"));
    assertThat(send("PUT", "/services/rest/record/v1/customer/eid:CHILD-1",
        "{\"companyName\":\"Child\",\"parent\":{\"id\":\"" + parent + "\"},\"subsidiary\":{\"id\":\"1\"}}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> r = send("GET", "/services/rest/record/v1/customer/eid:CHILD-1", "");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("externalId").asText()).isEqualTo("CHILD-1");
    assertThat(body.path("id").isTextual()).isTrue();
    assertThat(body.path("links").get(0).path("rel").asText()).isEqualTo("self");
    assertThat(body.path("parent").path("id").asText()).isEqualTo(parent);
    assertThat(body.path("parent").path("refName").asText()).isEqualTo("Parent Co");
    assertThat(body.path("parent").path("links").get(0).path("href").asText())
        .endsWith("/services/rest/record/v1/customer/" + parent);
    assertThat(body.path("subsidiary").path("id").asText()).isEqualTo("1");

    HttpResponse<String> missing = send("GET", "/services/rest/record/v1/customer/99999", "");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(detail(missing).path("o:errorCode").asText()).isEqualTo("NONEXISTENT_ID");
  }

  @Test
  void invalidParentReference_answers400WithErrorPath() throws Exception {
    register();
    HttpResponse<String> r = send("POST", "/services/rest/record/v1/customer",
        "{\"companyName\":\"Child\",\"parent\":{\"id\":\"9999\"}}");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode d = detail(r);
    assertThat(d.path("o:errorCode").asText()).isEqualTo("INVALID_CONTENT");
    assertThat(d.path("o:errorPath").asText()).isEqualTo("parent");
    assertThat(d.path("detail").asText())
        .contains("You have entered an Invalid Field Value 9999 for the following field: parent");
    assertThat(ns.recordCount("customer")).isZero();
  }

  @Test
  void missingCompanyName_answersUserError() throws Exception {
    register();
    HttpResponse<String> r = send("POST", "/services/rest/record/v1/customer", "{\"email\":\"a@x.test\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(detail(r).path("o:errorCode").asText()).isEqualTo("USER_ERROR");
    assertThat(detail(r).path("detail").asText()).isEqualTo("Please enter value(s) for: Company Name");
    assertThat(detail(r).path("o:errorPath").asText()).isEqualTo("companyName");
  }

  @Test
  void propertyNameValidationError_rejectsUnknownProperty_otherwiseIgnored() throws Exception {
    register();
    String body = "{\"companyName\":\"Acme\",\"bogusField\":1}";
    HttpResponse<String> strict = send(signed("POST", "/services/rest/record/v1/customer", body)
        .header("X-NetSuite-PropertyNameValidation", "Error"));
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(detail(strict).path("detail").asText()).contains("bogusField");
    assertThat(send("POST", "/services/rest/record/v1/customer", body).statusCode()).isEqualTo(204);
  }

  @Test
  void patch_mergesAndClearsNulls_deleteRemoves() throws Exception {
    register();
    String id = ns.seedRecord("salesOrder", Map.of("memo", "m", "otherRefNum", "PO-1"));
    assertThat(send("PATCH", "/services/rest/record/v1/salesorder/" + id, "{\"memo\":null,\"tranId\":\"SO-1\"}")
        .statusCode()).isEqualTo(204);
    assertThat(ns.record("salesOrder", id).orElseThrow()).doesNotContainKey("memo")
        .containsEntry("tranId", "SO-1").containsEntry("otherRefNum", "PO-1");
    assertThat(send("DELETE", "/services/rest/record/v1/salesOrder/" + id, "").statusCode()).isEqualTo(204);
    assertThat(ns.recordCount("salesorder")).isZero();
  }

  @Test
  void concurrencyLimit_exceeded_answers429() throws Exception {
    ns.close();
    ns = NetSuiteSimulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).concurrencyLimit(2).build();
    register();
    ns.faults().add(FaultRule.latency(Duration.ofMinutes(1)).times(2));
    List<CompletableFuture<HttpResponse<String>>> held = List.of(
        client.sendAsync(signed("GET", "/services/rest/record/v1/customer", "").build(),
            HttpResponse.BodyHandlers.ofString()),
        client.sendAsync(signed("GET", "/services/rest/record/v1/customer", "").build(),
            HttpResponse.BodyHandlers.ofString()));
    assertThat(ns.awaitInFlight(2, Duration.ofSeconds(10))).isTrue();
    HttpResponse<String> third = send("GET", "/services/rest/record/v1/customer", "");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(detail(third).path("o:errorCode").asText()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
    assertThat(detail(third).path("detail").asText()).isEqualTo("Concurrent request limit exceeded. Request blocked.");
    ns.close();
    for (CompletableFuture<HttpResponse<String>> f : held) {
      f.handle((response, error) -> error).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void statusFault_answersNetSuiteErrorEnvelope() throws Exception {
    register();
    ns.faults().add(FaultRule.status(503));
    HttpResponse<String> r = send("GET", "/services/rest/record/v1/customer", "");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(r.body()).path("status").asInt()).isEqualTo(503);
    assertThat(JSON.readTree(r.body()).has("o:errorDetails")).isTrue();
  }
}
