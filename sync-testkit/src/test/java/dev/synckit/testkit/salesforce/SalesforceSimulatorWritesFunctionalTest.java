package dev.synckit.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.testkit.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes, replication and the session / lock faults of the Salesforce simulator, spoken to over raw HTTP. */
class SalesforceSimulatorWritesFunctionalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXT = "SyncKit_Id__c";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-02T10:00:00Z"));
  private final SalesforceSimulator sf = SalesforceSimulator.builder().clock(clock).build();
  private String token;

  @BeforeEach
  void setUp() throws Exception {
    sf.registerClient("cid", "csecret");
    sf.registerExternalIdField("Account", EXT);
    token = newToken();
  }

  @AfterEach
  void close() {
    sf.close();
  }

  private String newToken() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sf.baseUri() + "/services/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=cid&client_secret=csecret"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("access_token").asText();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sf.baseUri() + "/services/data/v62.0" + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode account(String ext, String name) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("attributes").put("type", "Account");
    r.put(EXT, ext);
    if (name != null) {
      r.put("Name", name);
    }
    return r;
  }

  private static String collection(boolean allOrNone, ObjectNode... records) {
    ObjectNode body = JSON.createObjectNode().put("allOrNone", allOrNone);
    ArrayNode array = body.putArray("records");
    for (ObjectNode r : records) {
      array.add(r);
    }
    return body.toString();
  }

  @Test
  void singleUpsert_createsWith201_updatesWith200_andAnswers204InLegacyMode() throws Exception {
    HttpResponse<String> created = send("PATCH", "/sobjects/Account/" + EXT + "/C-1", "{\"Name\":\"Acme\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    assertThat(body.path("created").asBoolean()).isTrue();
    assertThat(body.path("id").asText()).startsWith("001").hasSize(18);
    assertThat(created.headers().firstValue("Sforce-Limit-Info")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("api-usage="));

    HttpResponse<String> updated = send("PATCH", "/sobjects/Account/" + EXT + "/C-1", "{\"Name\":\"Acme Ltd\"}");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(updated.body()).path("created").asBoolean()).isFalse();

    sf.legacyUpsertNoContent(true);
    HttpResponse<String> legacy = send("PATCH", "/sobjects/Account/" + EXT + "/C-1", "{\"Name\":\"Acme plc\"}");
    assertThat(legacy.statusCode()).isEqualTo(204);
    assertThat(legacy.body()).isEmpty();
    assertThat(sf.records("Account")).singleElement().satisfies(r -> assertThat(r.get("Name")).isEqualTo("Acme plc"));
  }

  @Test
  void singleUpsert_externalIdIsOnePercentEncodedSegment() throws Exception {
    HttpResponse<String> r = send("PATCH", "/sobjects/Account/" + EXT + "/a%2Fb%20c", "{\"Name\":\"Odd\"}");

    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(sf.records("Account")).singleElement().satisfies(a -> assertThat(a.get(EXT)).isEqualTo("a/b c"));
  }

  @Test
  void singleUpsert_severalMatches_answers300WithTheRecordUrls() throws Exception {
    sf.seedRecord("Account", Map.of("Name", "One", EXT, "DUP"));
    sf.seedRecord("Account", Map.of("Name", "Two", EXT, "DUP"));

    HttpResponse<String> r = send("PATCH", "/sobjects/Account/" + EXT + "/DUP", "{\"Name\":\"X\"}");

    assertThat(r.statusCode()).isEqualTo(300);
    assertThat(JSON.readTree(r.body())).hasSize(2).allSatisfy(u -> assertThat(u.asText())
        .startsWith("/services/data/v62.0/sobjects/Account/001"));
  }

  @Test
  void upsert_byAFieldNotFlaggedExternalId_is404NotFound() throws Exception {
    HttpResponse<String> r = send("PATCH", "/sobjects/Account/Namez/x", "{\"Name\":\"X\"}");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).path(0).path("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: Namez");
  }

  @Test
  void collectionUpsert_returnsOneResultPerRecordInOrder_andCountsOneApiCall() throws Exception {
    sf.seedRecord("Account", Map.of("Name", "Old", EXT, "B"));
    long before = sf.apiUsage();

    HttpResponse<String> r = send("PATCH", "/composite/sobjects/Account/" + EXT,
        collection(false, account("A", "Alpha"), account("B", "Beta"), account("C", null)));

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode results = JSON.readTree(r.body());
    assertThat(results).hasSize(3);
    assertThat(results.get(0).path("created").asBoolean()).isTrue();
    assertThat(results.get(1).path("created").asBoolean()).isFalse();
    assertThat(results.get(2).path("success").asBoolean()).isFalse();
    assertThat(results.get(2).path("errors").path(0).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(results.get(2).path("errors").path(0).path("fields").path(0).asText()).isEqualTo("Name");
    assertThat(sf.apiUsage() - before).isEqualTo(1);
    assertThat(sf.records("Account")).hasSize(2);
  }

  @Test
  void collectionUpsert_allOrNone_rollsBackAndFillsTheOthersWithRolledBack() throws Exception {
    HttpResponse<String> r = send("PATCH", "/composite/sobjects/Account/" + EXT,
        collection(true, account("A", "Alpha"), account("B", null)));

    JsonNode results = JSON.readTree(r.body());
    assertThat(results.get(0).path("errors").path(0).path("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(results.get(1).path("errors").path(0).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(sf.records("Account")).isEmpty();
  }

  @Test
  void collectionUpsert_unknownField_refusesTheWholeRequest() throws Exception {
    ObjectNode bad = account("B", "Beta").put("Nope__c", "x");

    HttpResponse<String> r = send("PATCH", "/composite/sobjects/Account/" + EXT,
        collection(false, account("A", "Alpha"), bad));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(JSON.readTree(r.body()).path(0).path("message").asText()).contains("'Nope__c'");
    assertThat(sf.records("Account")).isEmpty();
  }

  @Test
  void collectionUpsert_moreThan200Records_isRefused() throws Exception {
    ObjectNode[] records = new ObjectNode[201];
    for (int i = 0; i < records.length; i++) {
      records[i] = account("A" + i, "Name " + i);
    }

    HttpResponse<String> r = send("PATCH", "/composite/sobjects/Account/" + EXT, collection(false, records));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path(0).path("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
  }

  @Test
  void collectionUpsert_sameExternalIdTwice_refusesBothRecords() throws Exception {
    HttpResponse<String> r = send("PATCH", "/composite/sobjects/Account/" + EXT,
        collection(false, account("A", "One"), account("a", "Two"), account("B", "Three")));

    JsonNode results = JSON.readTree(r.body());
    assertThat(results.get(0).path("errors").path(0).path("statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
    assertThat(results.get(1).path("errors").path(0).path("statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
    assertThat(results.get(2).path("success").asBoolean()).isTrue();
  }

  @Test
  void lockRow_failsThatRecordWithUnableToLockRow_thenLetsItThrough() throws Exception {
    sf.lockRow("Account", "B", 1);
    String body = collection(false, account("A", "Alpha"), account("B", "Beta"));

    JsonNode first = JSON.readTree(send("PATCH", "/composite/sobjects/Account/" + EXT, body).body());
    JsonNode second = JSON.readTree(send("PATCH", "/composite/sobjects/Account/" + EXT, body).body());

    assertThat(first.get(0).path("success").asBoolean()).isTrue();
    assertThat(first.get(1).path("errors").path(0).path("statusCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(second.get(1).path("success").asBoolean()).isTrue();
  }

  @Test
  void writes_bumpSystemModstamp() throws Exception {
    send("PATCH", "/sobjects/Account/" + EXT + "/C-1", "{\"Name\":\"Acme\"}");
    clock.advance(Duration.ofMinutes(5));
    send("PATCH", "/sobjects/Account/" + EXT + "/C-1", "{\"Name\":\"Acme 2\"}");

    assertThat(sf.records("Account")).singleElement().satisfies(r -> {
      assertThat(r.get("CreatedDate")).isEqualTo("2024-05-02T10:00:00.000+0000");
      assertThat(r.get("SystemModstamp")).isEqualTo("2024-05-02T10:05:00.000+0000");
    });
  }

  @Test
  void expireSessionsAfter_letsThatManyCallsThrough_thenAnswersInvalidSessionId() throws Exception {
    sf.expireSessionsAfter(2);

    assertThat(send("GET", "/limits", "").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/limits", "").statusCode()).isEqualTo(200);
    HttpResponse<String> expired = send("GET", "/limits", "");

    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(expired.body()).path(0).path("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    token = newToken();
    assertThat(send("GET", "/limits", "").statusCode()).isEqualTo(200);
  }

  @Test
  void getDeleted_listsDeletionsOfTheWindow_cutToTheMinute() throws Exception {
    String a = sf.seedRecord("Account", Map.of("Name", "A"));
    String b = sf.seedRecord("Account", Map.of("Name", "B"));
    clock.advance(Duration.ofMinutes(2));
    sf.deleteRecord("Account", a);
    clock.advance(Duration.ofMinutes(10));
    sf.deleteRecord("Account", b);

    String start = URLEncoder.encode("2024-05-02T10:00:00+00:00", StandardCharsets.UTF_8);
    String end = URLEncoder.encode("2024-05-02T10:05:30+00:00", StandardCharsets.UTF_8);
    HttpResponse<String> r = send("GET", "/sobjects/Account/deleted/?start=" + start + "&end=" + end, "");

    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("deletedRecords")).singleElement().satisfies(d -> {
      assertThat(d.path("id").asText()).isEqualTo(a);
      assertThat(d.path("deletedDate").asText()).isEqualTo("2024-05-02T10:02:00.000+0000");
    });
    assertThat(body.path("latestDateCovered").asText()).isEqualTo("2024-05-02T10:05:00.000+0000");
    assertThat(body.path("earliestDateAvailable").asText()).isEqualTo("2024-04-17T10:12:00.000+0000");
  }

  @Test
  void getUpdated_listsIdsChangedInTheWindow() throws Exception {
    String a = sf.seedRecord("Account", Map.of("Name", "A"));
    clock.advance(Duration.ofMinutes(3));
    sf.seedRecord("Account", Map.of("Name", "B"));

    String start = URLEncoder.encode("2024-05-02T09:00:00Z", StandardCharsets.UTF_8);
    String end = URLEncoder.encode("2024-05-02T10:01:00Z", StandardCharsets.UTF_8);
    JsonNode body = JSON.readTree(send("GET", "/sobjects/Account/updated/?start=" + start + "&end=" + end, "").body());

    assertThat(body.path("ids")).singleElement().satisfies(id -> assertThat(id.asText()).isEqualTo(a));
  }
}
