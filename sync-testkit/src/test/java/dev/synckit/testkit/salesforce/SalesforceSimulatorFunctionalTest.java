package dev.synckit.testkit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synckit.testkit.FaultRule;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SalesforceSimulatorFunctionalTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-05-02T10:00:00Z");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private SalesforceSimulator sf = SalesforceSimulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  @AfterEach
  void close() {
    sf.close();
  }

  private HttpResponse<String> token(String form) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(sf.baseUri() + "/services/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String accessToken() throws Exception {
    sf.registerClient("cid", "csecret");
    return JSON.readTree(token("grant_type=client_credentials&client_id=cid&client_secret=csecret").body())
        .path("access_token").asText();
  }

  private HttpResponse<String> get(String pathAndQuery, String token, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sf.baseUri() + pathAndQuery))
        .header("Authorization", "Bearer " + token);
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> query(String soql, String token) throws Exception {
    return get("/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), token);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String jwt(KeyPair keys, String iss, String sub, String aud, long exp) throws Exception {
    String header = b64("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64(JSON.writeValueAsBytes(Map.of("iss", iss, "sub", sub, "aud", aud, "exp", exp)));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(keys.getPrivate());
    s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + b64(s.sign());
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  @Test
  void clientCredentials_validSecret_issuesBearerTokenWithInstanceUrl() throws Exception {
    sf.registerClient("cid", "csecret");
    HttpResponse<String> r = token("grant_type=client_credentials&client_id=cid&client_secret=csecret");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("instance_url").asText()).isEqualTo(sf.baseUri().toString());
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.path("issued_at").isTextual()).isTrue();
    assertThat(body.path("issued_at").asText()).isEqualTo(String.valueOf(NOW.toEpochMilli()));
    assertThat(body.path("id").asText()).startsWith(sf.baseUri() + "/id/00D");
    assertThat(body.has("signature")).isTrue();
    assertThat(sf.tokensIssued()).isEqualTo(1);

    HttpResponse<String> bad = token("grant_type=client_credentials&client_id=cid&client_secret=wrong");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void clientCredentials_basicAuth_isAccepted() throws Exception {
    sf.registerClient("cid", "csecret");
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sf.baseUri() + "/services/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("cid:csecret".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void jwtBearer_signedWithRegisteredKey_succeeds_otherwiseInvalidGrant() throws Exception {
    KeyPair keys = rsa();
    sf.registerJwtBearer("consumer", "integration@example.com", keys.getPublic());
    long exp = NOW.getEpochSecond() + 180;
    String grant = "grant_type=" + URLEncoder.encode(SalesforceSimulator.JWT_BEARER_GRANT, StandardCharsets.UTF_8)
        + "&assertion=";

    HttpResponse<String> ok = token(grant + jwt(keys, "consumer", "integration@example.com",
        "https://login.salesforce.com", exp));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).has("refresh_token")).isFalse();

    HttpResponse<String> wrongAud = token(grant + jwt(keys, "consumer", "integration@example.com",
        "https://example.com", exp));
    assertThat(wrongAud.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrongAud.body()).path("error_description").asText()).isEqualTo("audience is invalid");

    HttpResponse<String> expired = token(grant + jwt(keys, "consumer", "integration@example.com",
        "https://test.salesforce.com", NOW.getEpochSecond() - 1));
    assertThat(JSON.readTree(expired.body()).path("error").asText()).isEqualTo("invalid_grant");
    assertThat(JSON.readTree(expired.body()).path("error_description").asText())
        .isEqualTo("expired authorization code");

    HttpResponse<String> badSignature = token(grant + jwt(rsa(), "consumer", "integration@example.com",
        "https://login.salesforce.com", exp));
    assertThat(badSignature.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badSignature.body()).path("error").asText()).isEqualTo("invalid_grant");
    assertThat(sf.tokensIssued()).isEqualTo(1);
  }

  @Test
  void refreshToken_withRotation_issuesNewRefreshTokenAndRetiresOld() throws Exception {
    sf.registerRefreshToken("cid", "rt-1");
    sf.rotateRefreshTokens(true);
    HttpResponse<String> first = token("grant_type=refresh_token&client_id=cid&refresh_token=rt-1");
    assertThat(first.statusCode()).isEqualTo(200);
    String rotated = JSON.readTree(first.body()).path("refresh_token").asText();
    assertThat(rotated).isNotEmpty().isNotEqualTo("rt-1");

    HttpResponse<String> reused = token("grant_type=refresh_token&client_id=cid&refresh_token=rt-1");
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(reused.body()).path("error_description").asText())
        .isEqualTo("expired access/refresh token");

    assertThat(token("grant_type=refresh_token&client_id=cid&refresh_token=" + rotated).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unsupportedGrant_answersUnsupportedGrantType() throws Exception {
    HttpResponse<String> r = token("grant_type=password&username=a&password=b");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void expireAllSessions_laterCallsGetInvalidSessionId() throws Exception {
    String token = accessToken();
    assertThat(query("SELECT Id FROM Account", token).statusCode()).isEqualTo(200);
    sf.expireAllSessions();
    HttpResponse<String> r = query("SELECT Id FROM Account", token);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get(0).path("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
  }

  @Test
  void query_over5000Accounts_pagesIn3BatchesAndReturnsEachRecordOnce() throws Exception {
    for (int i = 0; i < 5000; i++) {
      sf.seedRecord("Account", Map.of("Name", "Account " + i));
    }
    String token = accessToken();
    HttpResponse<String> r = query("SELECT Id, Name FROM Account", token);
    Set<String> ids = new HashSet<>();
    int pages = 0;
    while (true) {
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode page = JSON.readTree(r.body());
      pages++;
      assertThat(page.path("totalSize").asInt()).isEqualTo(5000);
      for (JsonNode rec : page.path("records")) {
        assertThat(rec.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(rec.has("SystemModstamp")).isFalse();
        assertThat(ids.add(rec.path("Id").asText())).isTrue();
      }
      if (page.path("done").asBoolean()) {
        assertThat(page.has("nextRecordsUrl")).isFalse();
        break;
      }
      assertThat(page.path("nextRecordsUrl").asText()).matches("/services/data/v62\\.0/query/[A-Za-z0-9]+-\\d+");
      r = get(page.path("nextRecordsUrl").asText(), token);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(5000);
    assertThat(ids).allSatisfy(id -> assertThat(id).hasSize(18).startsWith("001"));
  }

  @Test
  void query_batchSizeHeader_shrinksPages() throws Exception {
    for (int i = 0; i < 500; i++) {
      sf.seedRecord("Contact", Map.of("LastName", "C" + i));
    }
    HttpResponse<String> r = get("/services/data/v62.0/query?q=SELECT+Id+FROM+Contact", accessToken(),
        "Sforce-Query-Options", "batchSize=200");
    JsonNode page = JSON.readTree(r.body());
    assertThat(page.path("records").size()).isEqualTo(200);
    assertThat(page.path("nextRecordsUrl").asText()).endsWith("-200");
  }

  @Test
  void query_whereSystemModstampAfterLiteral_orderedByStampAndId() throws Exception {
    Instant[] stamps = {Instant.parse("2024-04-30T00:00:00Z"), Instant.parse("2024-05-01T12:00:00Z"),
        Instant.parse("2024-05-01T08:00:00Z"), Instant.parse("2024-05-01T08:00:00Z")};
    String[] ids = new String[stamps.length];
    for (int i = 0; i < stamps.length; i++) {
      ids[i] = sf.seedRecord("Opportunity", Map.of("Name", "O" + i, "SystemModstamp", stamps[i], "Amount", i * 10));
    }
    HttpResponse<String> r = query("SELECT Id, Name, SystemModstamp FROM Opportunity WHERE SystemModstamp > "
        + "2024-05-01T00:00:00Z ORDER BY SystemModstamp, Id", accessToken());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode records = JSON.readTree(r.body()).path("records");
    assertThat(records.size()).isEqualTo(3);
    assertThat(records.get(0).path("Id").asText()).isEqualTo(ids[2]);
    assertThat(records.get(1).path("Id").asText()).isEqualTo(ids[3]);
    assertThat(records.get(2).path("Id").asText()).isEqualTo(ids[1]);
    assertThat(records.get(2).path("SystemModstamp").asText()).isEqualTo("2024-05-01T12:00:00.000+0000");

    HttpResponse<String> combined = query("SELECT Name FROM Opportunity WHERE (Amount >= 10 AND NOT Name = 'O3')"
        + " OR Name IN ('O0') ORDER BY Name DESC LIMIT 2", accessToken());
    JsonNode rows = JSON.readTree(combined.body()).path("records");
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.get(0).path("Name").asText()).isEqualTo("O2");
    assertThat(rows.get(1).path("Name").asText()).isEqualTo("O1");
  }

  @Test
  void query_malformedOrUnknown_answersSalesforceErrorCodes() throws Exception {
    String token = accessToken();
    HttpResponse<String> malformed = query("SELECT Id FROM Account WHERE", token);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get(0).path("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    HttpResponse<String> field = query("SELECT Nope__c FROM Account", token);
    assertThat(JSON.readTree(field.body()).get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
    HttpResponse<String> type = query("SELECT Id FROM Widget__c", token);
    assertThat(JSON.readTree(type.body()).get(0).path("errorCode").asText()).isEqualTo("INVALID_TYPE");
    HttpResponse<String> locator = get("/services/data/v62.0/query/01gXXXXXXXXXXXX-2000", token);
    assertThat(JSON.readTree(locator.body()).get(0).path("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
  }

  @Test
  void dataCalls_reportApiUsage_andStopAtTheDailyLimit() throws Exception {
    sf.close();
    sf = SalesforceSimulator.builder().dailyApiLimit(2).build();
    String token = accessToken();
    HttpResponse<String> first = query("SELECT Id FROM Account", token);
    assertThat(first.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/2");
    HttpResponse<String> second = query("SELECT Id FROM Account", token);
    assertThat(second.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=2/2");
    HttpResponse<String> third = query("SELECT Id FROM Account", token);
    assertThat(third.statusCode()).isEqualTo(403);
    JsonNode error = JSON.readTree(third.body()).get(0);
    assertThat(error.path("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(error.path("message").asText()).isEqualTo("TotalRequests Limit exceeded.");
  }

  @Test
  void queryAll_seesDeletedRows_queryDoesNot() throws Exception {
    String kept = sf.seedRecord("Account", Map.of("Name", "Kept"));
    String gone = sf.seedRecord("Account", Map.of("Name", "Gone"));
    sf.deleteRecord("Account", gone);
    String token = accessToken();
    JsonNode query = JSON.readTree(query("SELECT Id, IsDeleted FROM Account", token).body());
    assertThat(query.path("totalSize").asInt()).isEqualTo(1);
    assertThat(query.path("records").get(0).path("Id").asText()).isEqualTo(kept);
    JsonNode all = JSON.readTree(get("/services/data/v62.0/queryAll?q="
        + URLEncoder.encode("SELECT Id, IsDeleted FROM Account WHERE IsDeleted = true", StandardCharsets.UTF_8),
        token).body());
    assertThat(all.path("totalSize").asInt()).isEqualTo(1);
    assertThat(all.path("records").get(0).path("Id").asText()).isEqualTo(gone);
  }

  @Test
  void statusFault_answersSalesforceErrorArray() throws Exception {
    String token = accessToken();
    sf.faults().add(FaultRule.status(503).matching("GET", "/services/data/.*").onRequest(1));
    HttpResponse<String> r = query("SELECT Id FROM Account", token);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(r.body()).get(0).path("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
    assertThat(query("SELECT Id FROM Account", token).statusCode()).isEqualTo(200);
  }

  @Test
  void seedAndUpdate_maintainSystemFields() {
    String id = sf.seedRecord("Case", Map.of("Subject", "Broken"));
    assertThat(id).startsWith("500").hasSize(18);
    Map<String, Object> rec = sf.record("Case", id).orElseThrow();
    assertThat(rec).containsEntry("IsDeleted", false).containsEntry("SystemModstamp", "2024-05-02T10:00:00.000+0000");
    sf.updateRecord("Case", id, Map.of("Status", "Closed"));
    assertThat(sf.records("Case")).singleElement().satisfies(r -> assertThat(r).containsEntry("Status", "Closed"));
    assertThat(sf.seedRecord("Widget__c", Map.of())).startsWith("a00");
  }
}
