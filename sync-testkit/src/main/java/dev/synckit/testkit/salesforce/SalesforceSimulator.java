package dev.synckit.testkit.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synckit.testkit.PlatformSimulator;
import dev.synckit.testkit.SimRequest;
import dev.synckit.testkit.SimResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A stateful simulator of Salesforce's OAuth token endpoint and REST data API, written from Salesforce's
 * documentation. One server plays both the login host and the org's instance ({@code instance_url} is
 * {@link #baseUri()}).
 *
 * <p>Serves {@code POST /services/oauth2/token} (client_credentials, JWT bearer, refresh_token),
 * {@code GET /services/data}, and under {@code /services/data/vNN.N/} (bearer token required, API usage counted
 * and reported in {@code Sforce-Limit-Info}): {@code query}, {@code queryAll} and their
 * {@code nextRecordsUrl} pages, {@code limits}, {@code GET}/{@code DELETE} of {@code sobjects/{type}/{id}},
 * upsert by external id ({@code GET}/{@code PATCH sobjects/{type}/{field}/{value}}: 201 created, 200 updated or
 * 204 in {@linkplain #legacyUpsertNoContent legacy mode}, 300 for several matches, 404 for a field not flagged
 * External ID), sObject Collections upsert ({@code PATCH composite/sobjects/{type}/{field}}: at most 200 records,
 * always 200 with one result per record in input order, {@code allOrNone} rollback with
 * {@code ALL_OR_NONE_OPERATION_ROLLED_BACK} fillers, an unknown field or a structured value refusing the whole
 * request with 400), and {@code sobjects/{type}/updated|deleted} (getUpdated / getDeleted). Writes maintain
 * {@code SystemModstamp}, enforce required fields on create, read-only fields and text lengths; faults beyond
 * the shared {@link dev.synckit.testkit.FaultRule}s: {@link #lockRow} (UNABLE_TO_LOCK_ROW per record) and
 * {@link #expireSessionsAfter} (a session expiring mid-run).
 *
 * <p>Thread-safe: serves concurrent requests while tests seed and read records.
 */
public final class SalesforceSimulator extends PlatformSimulator {

  /** The grant type of the OAuth 2.0 JWT bearer flow. */
  public static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String ORG_ID = "00D5g000004ABCDEAU";
  private static final String USER_ID = "0055g000003XYZ1AAA";
  private static final Pattern DATA_PATH = Pattern.compile("/services/data/(v\\d+\\.\\d)(/.*)?");
  private static final Pattern QUERY_PAGE = Pattern.compile("/(query|queryAll)/([A-Za-z0-9]+)-(\\d+)");
  private static final Pattern SOBJECT_ROW = Pattern.compile("/sobjects/([A-Za-z0-9_]+)/([A-Za-z0-9]{15,18})");
  private static final Pattern SOBJECT_BY_EXTERNAL_ID =
      Pattern.compile("/sobjects/([A-Za-z0-9_]+)/([A-Za-z0-9_]+)/([^/]+)");
  private static final Pattern COLLECTION_UPSERT = Pattern.compile("/composite/sobjects/([A-Za-z0-9_]+)/([A-Za-z0-9_]+)");
  private static final Pattern REPLICATION = Pattern.compile("/sobjects/([A-Za-z0-9_]+)/(updated|deleted)/?");
  /** The most records one sObject Collections request takes. */
  public static final int MAX_COLLECTION_RECORDS = 200;
  private static final int MAX_TEXT_LENGTH = 255;
  private static final Set<String> LONG_TEXT_FIELDS =
      Set.of("Description", "BillingStreet", "ShippingStreet", "MailingStreet");
  private static final Set<String> READ_ONLY_FIELDS =
      Set.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp", "CreatedById",
          "LastModifiedById");
  private static final Map<String, Set<String>> READ_ONLY_BY_TYPE = Map.of(
      "Opportunity", Set.of("IsClosed", "IsWon"), "Case", Set.of("CaseNumber", "IsClosed"),
      "Contact", Set.of("Name"), "Lead", Set.of("Name"));
  private static final Map<String, List<String>> REQUIRED_ON_CREATE = Map.of(
      "Account", List.of("Name"), "Contact", List.of("LastName"),
      "Opportunity", List.of("Name", "StageName", "CloseDate"), "Lead", List.of("LastName", "Company"));
  private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Set<String> SYSTEM_FIELDS =
      Set.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "SystemModstamp", "CreatedById",
          "LastModifiedById", "OwnerId");
  private static final Map<String, String> KEY_PREFIXES =
      Map.of("Account", "001", "Contact", "003", "Opportunity", "006", "Case", "500", "Lead", "00Q",
          "User", "005", "Product2", "01t", "Order", "801", "Contract", "800");
  private static final Map<String, List<String>> STANDARD_FIELDS = Map.of(
      "Account", List.of("Name", "AccountNumber", "Type", "Industry", "Phone", "Fax", "Website", "Description",
          "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry", "ShippingStreet",
          "ShippingCity", "ShippingState", "ShippingPostalCode", "ShippingCountry", "ParentId",
          "NumberOfEmployees", "AnnualRevenue", "CurrencyIsoCode"),
      "Contact", List.of("FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "Title", "AccountId",
          "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry"),
      "Opportunity", List.of("Name", "StageName", "Amount", "CloseDate", "AccountId", "Probability", "Type",
          "IsClosed", "IsWon", "CurrencyIsoCode", "Description"),
      "Case", List.of("CaseNumber", "Subject", "Status", "Priority", "Origin", "AccountId", "ContactId",
          "Description", "IsClosed"),
      "Lead", List.of("FirstName", "LastName", "Name", "Company", "Email", "Phone", "Status"),
      "User", List.of("Username", "Name", "Email", "IsActive"),
      "Product2", List.of("Name", "ProductCode", "Description", "IsActive", "Family"),
      "Order", List.of("AccountId", "Status", "EffectiveDate", "TotalAmount", "OrderNumber"),
      "Contract", List.of("AccountId", "Status", "StartDate", "ContractTerm"));

  private final String apiVersion;
  private final int pageSize;
  private final int dailyApiLimit;
  private final SecureRandom random = new SecureRandom();

  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<String, JwtRegistration> jwtRegistrations = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private volatile boolean rotateRefreshTokens;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicLong apiUsage = new AtomicLong();

  private final Object storeLock = new Object();
  /** type name as registered → (Id → record); guarded by storeLock. */
  private final Map<String, Map<String, Map<String, Object>>> store = new LinkedHashMap<>();
  /** lower-case type → canonical type name; guarded by storeLock. */
  private final Map<String, String> typeNames = new HashMap<>();
  /** canonical type → (lower-case field → canonical field); guarded by storeLock. */
  private final Map<String, Map<String, String>> fieldNames = new HashMap<>();
  private final AtomicLong idCounter = new AtomicLong();
  private final AtomicLong locatorCounter = new AtomicLong();
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  /** canonical type → lower-case names of fields flagged External ID; guarded by storeLock. */
  private final Map<String, Set<String>> externalIdFields = new HashMap<>();
  /** Id → deletion time (wire format); guarded by storeLock. */
  private final Map<String, String> deletedAt = new HashMap<>();
  /** "type|lower-case external id value" → writes still to fail with UNABLE_TO_LOCK_ROW. */
  private final Map<String, AtomicInteger> lockedRows = new ConcurrentHashMap<>();
  private volatile boolean legacyUpsertNoContent;
  private final AtomicLong expireSessionsAtUsage = new AtomicLong(-1);
  /** While set, data requests wait on it before they are answered (slow responses, concurrency tests). */
  private volatile @Nullable CountDownLatch holdData;
  private final Object dataFlight = new Object();
  /** Data requests being handled now, and the most at once; guarded by dataFlight. */
  private int dataInFlight;
  private int maxDataInFlight;

  private record JwtRegistration(String username, PublicKey key) {}

  private record Cursor(String type, List<Map<String, Object>> rows) {}

  private SalesforceSimulator(Builder builder) {
    super(builder.clock);
    this.apiVersion = builder.apiVersion;
    this.pageSize = builder.pageSize;
    this.dailyApiLimit = builder.dailyApiLimit;
    synchronized (storeLock) {
      STANDARD_FIELDS.keySet().forEach(this::ensureType);
    }
  }

  /** A simulator with the defaults: API v62.0, page size 2000, 100,000 API calls a day, the system clock. */
  public static SalesforceSimulator create() {
    return builder().build();
  }

  /** A builder for a configured simulator. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public SalesforceSimulator start() {
    super.start();
    return this;
  }

  /** The API version this simulator advertises, such as {@code v62.0}. */
  public String apiVersion() {
    return apiVersion;
  }

  // ------------------------------------------------------------------------------------------ registration

  /** Registers a connected app for the client_credentials and refresh_token grants. */
  public void registerClient(String clientId, String clientSecret) {
    clients.put(Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"));
  }

  /** Registers a connected app's certificate key and the user a JWT bearer assertion may act as. */
  public void registerJwtBearer(String consumerKey, String username, PublicKey key) {
    jwtRegistrations.put(Objects.requireNonNull(consumerKey, "consumerKey"),
        new JwtRegistration(Objects.requireNonNull(username, "username"), Objects.requireNonNull(key, "key")));
  }

  /** Registers a refresh token issued to {@code clientId}. */
  public void registerRefreshToken(String clientId, String refreshToken) {
    refreshTokens.put(Objects.requireNonNull(refreshToken, "refreshToken"), Objects.requireNonNull(clientId, "clientId"));
  }

  /** Turns refresh token rotation on: each refresh returns a new refresh token and invalidates the old one. */
  public void rotateRefreshTokens(boolean rotate) {
    this.rotateRefreshTokens = rotate;
  }

  /** Invalidates every access token issued so far; later data calls get 401 INVALID_SESSION_ID. */
  public void expireAllSessions() {
    sessions.clear();
  }

  /**
   * Invalidates every access token once {@code calls} more data API calls have been served: the next call after
   * them gets 401 INVALID_SESSION_ID, as when a session times out in the middle of a run.
   */
  public void expireSessionsAfter(long calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("negative calls: " + calls);
    }
    expireSessionsAtUsage.set(apiUsage.get() + calls);
  }

  /**
   * Holds every data API request (not token requests) from now on until {@link #releaseDataResponses()}: the
   * request is received, counted in {@link #inFlight()} and answered only on release (at most after 30 s), as a
   * slow org would. For tests of concurrency limits without sleeping.
   */
  public void holdDataResponses() {
    if (holdData == null) {
      holdData = new CountDownLatch(1);
    }
  }

  /** Answers the data requests held by {@link #holdDataResponses()} and stops holding new ones. */
  public void releaseDataResponses() {
    CountDownLatch latch = holdData;
    holdData = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  /** The most data API requests that were being handled at the same time since the simulator started. */
  public int maxConcurrentDataRequests() {
    synchronized (dataFlight) {
      return maxDataInFlight;
    }
  }

  /**
   * Waits until at least {@code n} data requests are being handled at once (past the fault rules, inside the
   * handler; with {@link #holdDataResponses()} they stay there until released).
   *
   * @return whether that happened before the timeout
   */
  public boolean awaitDataRequestsInFlight(int n, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (dataFlight) {
      while (dataInFlight < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(dataFlight, left);
      }
      return true;
    }
  }

  /**
   * Flags a field as External ID (registering it if new), so that it can key upserts:
   * {@code PATCH sobjects/{type}/{field}/{value}} and sObject Collections upsert.
   */
  public void registerExternalIdField(String sobjectType, String field) {
    Objects.requireNonNull(field, "field");
    synchronized (storeLock) {
      String type = ensureType(Objects.requireNonNull(sobjectType, "sobjectType"));
      String canonical = canonicalField(type, field);
      externalIdFields.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(canonical.toLowerCase(Locale.ROOT));
    }
  }

  /** Registers a (custom) field, so that writes may set it; writing an unknown field fails with INVALID_FIELD. */
  public void registerField(String sobjectType, String field) {
    Objects.requireNonNull(field, "field");
    synchronized (storeLock) {
      canonicalField(ensureType(Objects.requireNonNull(sobjectType, "sobjectType")), field);
    }
  }

  /**
   * Makes the next {@code times} writes of the record with this external id value fail with UNABLE_TO_LOCK_ROW
   * (per record in a collection, 400 for a single upsert), as when another transaction holds the row.
   */
  public void lockRow(String sobjectType, String externalIdValue, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1: " + times);
    }
    lockedRows.put(lockKey(sobjectType, externalIdValue), new AtomicInteger(times));
  }

  /**
   * Legacy mode: an upsert that updates answers 204 No Content (API versions before the {@code created} flag)
   * instead of 200 with a body. Off by default.
   */
  public void legacyUpsertNoContent(boolean on) {
    this.legacyUpsertNoContent = on;
  }

  /** How many access tokens the token endpoint has issued. */
  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** How many data API calls have been counted against the daily limit. */
  public long apiUsage() {
    return apiUsage.get();
  }

  // ------------------------------------------------------------------------------------------ records

  /**
   * Stores a new record and returns its 18-character Id. Sets {@code Id}, {@code CreatedDate},
   * {@code LastModifiedDate}, {@code SystemModstamp} (from the clock) and {@code IsDeleted=false}; the given
   * fields may override all but {@code Id}. {@link Instant}, {@link OffsetDateTime} and {@link ZonedDateTime}
   * values are stored in Salesforce's wire format, {@link LocalDate} as {@code yyyy-MM-dd}.
   */
  public String seedRecord(String sobjectType, Map<String, Object> fields) {
    Objects.requireNonNull(sobjectType, "sobjectType");
    Objects.requireNonNull(fields, "fields");
    synchronized (storeLock) {
      String type = ensureType(sobjectType);
      String id = newId(type);
      String now = WIRE.format(clock().instant());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Id", id);
      row.put("IsDeleted", Boolean.FALSE);
      row.put("CreatedDate", now);
      row.put("LastModifiedDate", now);
      row.put("SystemModstamp", now);
      fields.forEach((k, v) -> {
        if (!k.equalsIgnoreCase("Id")) {
          row.put(canonicalField(type, k), normalize(v));
        }
      });
      store.get(type).put(id, row);
      return id;
    }
  }

  /** Merges {@code fields} into a record and bumps {@code LastModifiedDate} and {@code SystemModstamp}. */
  public void updateRecord(String sobjectType, String id, Map<String, Object> fields) {
    Objects.requireNonNull(fields, "fields");
    synchronized (storeLock) {
      Map<String, Object> row = row(sobjectType, id)
          .orElseThrow(() -> new IllegalArgumentException("no " + sobjectType + " with Id " + id));
      String type = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
      fields.forEach((k, v) -> {
        if (!k.equalsIgnoreCase("Id")) {
          row.put(canonicalField(type, k), normalize(v));
        }
      });
      touch(row);
    }
  }

  /** Soft-deletes a record (IsDeleted=true, as the recycle bin does): query no longer sees it, queryAll does. */
  public void deleteRecord(String sobjectType, String id) {
    synchronized (storeLock) {
      Map<String, Object> row = row(sobjectType, id)
          .orElseThrow(() -> new IllegalArgumentException("no " + sobjectType + " with Id " + id));
      row.put("IsDeleted", Boolean.TRUE);
      touch(row);
      deletedAt.put((String) row.get("Id"), (String) row.get("SystemModstamp"));
    }
  }

  /** Copies of the records of a type, deleted ones included, in creation order. */
  public List<Map<String, Object>> records(String sobjectType) {
    synchronized (storeLock) {
      String type = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
      if (type == null) {
        return List.of();
      }
      List<Map<String, Object>> out = new ArrayList<>();
      store.get(type).values().forEach(r -> out.add(copy(r)));
      return List.copyOf(out);
    }
  }

  /** A copy of one record, deleted or not. */
  public Optional<Map<String, Object>> record(String sobjectType, String id) {
    synchronized (storeLock) {
      return row(sobjectType, id).map(SalesforceSimulator::copy);
    }
  }

  private static Map<String, Object> copy(Map<String, Object> row) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row));
  }

  private Optional<Map<String, Object>> row(String sobjectType, String id) {
    String type = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
    if (type == null) {
      return Optional.empty();
    }
    Map<String, Map<String, Object>> rows = store.get(type);
    Map<String, Object> row = rows.get(id);
    if (row == null && id.length() == 15) {
      row = rows.get(id + checksum(id));
    }
    return Optional.ofNullable(row);
  }

  private void touch(Map<String, Object> row) {
    String now = WIRE.format(clock().instant());
    row.put("LastModifiedDate", now);
    row.put("SystemModstamp", now);
  }

  private static @Nullable Object normalize(@Nullable Object v) {
    if (v instanceof Instant i) {
      return WIRE.format(i);
    }
    if (v instanceof OffsetDateTime o) {
      return WIRE.format(o.toInstant());
    }
    if (v instanceof ZonedDateTime z) {
      return WIRE.format(z.toInstant());
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    return v;
  }

  /** Registers a type (and its standard fields) if new; returns its canonical name. Caller holds storeLock. */
  private String ensureType(String sobjectType) {
    String existing = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
    if (existing != null) {
      return existing;
    }
    typeNames.put(sobjectType.toLowerCase(Locale.ROOT), sobjectType);
    store.put(sobjectType, new LinkedHashMap<>());
    Map<String, String> fields = new HashMap<>();
    SYSTEM_FIELDS.forEach(f -> fields.put(f.toLowerCase(Locale.ROOT), f));
    STANDARD_FIELDS.getOrDefault(sobjectType, List.of()).forEach(f -> fields.put(f.toLowerCase(Locale.ROOT), f));
    fieldNames.put(sobjectType, fields);
    return sobjectType;
  }

  /** The canonical spelling of a field, registering it if new. Caller holds storeLock. */
  private String canonicalField(String type, String field) {
    return fieldNames.get(type).computeIfAbsent(field.toLowerCase(Locale.ROOT), k -> field);
  }

  private String newId(String type) {
    String prefix = KEY_PREFIXES.getOrDefault(type, "a00");
    long n = idCounter.incrementAndGet();
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      digits.append(BASE62.charAt((int) (n % 62)));
      n /= 62;
    }
    String id15 = prefix + "5g0" + digits.reverse();
    return id15 + checksum(id15);
  }

  /** Salesforce's 15-to-18 character suffix: one character per 5-character chunk, from its upper-case letters. */
  static String checksum(String id15) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    StringBuilder suffix = new StringBuilder();
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(alphabet.charAt(bits));
    }
    return suffix.toString();
  }

  // ------------------------------------------------------------------------------------------ dispatch

  @Override
  protected SimResponse handle(SimRequest request) {
    String path = request.path();
    if (path.equals("/services/oauth2/token")) {
      return request.method().equals("POST") ? token(request) : errorArray(405, "METHOD_NOT_ALLOWED",
          "HTTP Method '" + request.method() + "' not allowed. Allowed are POST");
    }
    if (path.equals("/services/data") || path.equals("/services/data/")) {
      return SimResponse.json(200, "[{\"label\":\"Summer '24\",\"url\":\"/services/data/" + apiVersion
          + "\",\"version\":\"" + apiVersion.substring(1) + "\"}]");
    }
    Matcher m = DATA_PATH.matcher(path);
    if (!m.matches()) {
      return errorArray(404, "NOT_FOUND", "The requested resource does not exist");
    }
    synchronized (dataFlight) {
      dataInFlight++;
      maxDataInFlight = Math.max(maxDataInFlight, dataInFlight);
      dataFlight.notifyAll();
    }
    try {
      CountDownLatch hold = holdData;
      if (hold != null) {
        try {
          hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return errorBody(503);
        }
      }
      return data(request, m.group(1), m.group(2) == null ? "" : m.group(2));
    } finally {
      synchronized (dataFlight) {
        dataInFlight--;
        dataFlight.notifyAll();
      }
    }
  }

  @Override
  protected SimResponse errorBody(int status) {
    return switch (status) {
      case 400 -> errorArray(400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
      case 401 -> errorArray(401, "INVALID_SESSION_ID", "Session expired or invalid");
      case 403 -> errorArray(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
      case 404 -> errorArray(404, "NOT_FOUND", "The requested resource does not exist");
      case 503 -> errorArray(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again later.");
      default -> errorArray(status, "UNKNOWN_EXCEPTION",
          "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 "
              + "(-1234567890)");
    };
  }

  private SimResponse data(SimRequest request, String version, String rest) {
    SimResponse response = authorizedData(request, version, rest);
    return response.withHeader("Sforce-Limit-Info", "api-usage=" + apiUsage.get() + "/" + dailyApiLimit);
  }

  private SimResponse authorizedData(SimRequest request, String version, String rest) {
    long expireAt = expireSessionsAtUsage.get();
    if (expireAt >= 0 && apiUsage.get() >= expireAt && expireSessionsAtUsage.compareAndSet(expireAt, -1)) {
      sessions.clear();
    }
    String auth = request.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || !sessions.contains(auth.substring(7).trim())) {
      return errorArray(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }
    long used;
    do {
      used = apiUsage.get();
      if (used >= dailyApiLimit) {
        return errorArray(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
      }
    } while (!apiUsage.compareAndSet(used, used + 1));

    String method = request.method();
    if ((rest.equals("/query") || rest.equals("/queryAll")) && method.equals("GET")) {
      Optional<String> q = request.queryParam("q");
      if (q.isEmpty()) {
        return errorArray(400, "MALFORMED_QUERY", "A query string has to be specified");
      }
      return query(request, version, q.get(), rest.equals("/queryAll"));
    }
    Matcher page = QUERY_PAGE.matcher(rest);
    if (page.matches() && method.equals("GET")) {
      return page(request, version, page.group(2), Integer.parseInt(page.group(3)));
    }
    if (rest.equals("/limits") && method.equals("GET")) {
      long remaining = Math.max(0, dailyApiLimit - apiUsage.get());
      return SimResponse.json(200, "{\"DailyApiRequests\":{\"Max\":" + dailyApiLimit + ",\"Remaining\":"
          + remaining + "}}");
    }
    Matcher collection = COLLECTION_UPSERT.matcher(rest);
    if (collection.matches()) {
      return method.equals("PATCH") ? collectionUpsert(request, collection.group(1), collection.group(2))
          : errorArray(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are PATCH");
    }
    Matcher replication = REPLICATION.matcher(rest);
    if (replication.matches() && method.equals("GET")) {
      return replication(request, replication.group(1), replication.group(2).equals("deleted"));
    }
    Matcher row = SOBJECT_ROW.matcher(rest);
    if (row.matches()) {
      return sobjectRow(method, version, row.group(1), row.group(2));
    }
    // the external id value is one percent-encoded path segment: match on the raw path, then decode it
    Matcher raw = DATA_PATH.matcher(request.url().getRawPath());
    Matcher byExternalId = SOBJECT_BY_EXTERNAL_ID.matcher(raw.matches() && raw.group(2) != null ? raw.group(2) : rest);
    if (byExternalId.matches()) {
      return byExternalId(request, version, byExternalId.group(1), byExternalId.group(2),
          SimRequest.percentDecode(byExternalId.group(3)));
    }
    return errorArray(404, "NOT_FOUND", "The requested resource does not exist");
  }

  private SimResponse sobjectRow(String method, String version, String sobjectType, String id) {
    synchronized (storeLock) {
      Optional<Map<String, Object>> found = row(sobjectType, id).filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")));
      if (found.isEmpty()) {
        return errorArray(404, "NOT_FOUND", "The requested resource does not exist");
      }
      Map<String, Object> r = found.get();
      String type = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
      if (method.equals("GET")) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(type, version, (String) r.get("Id")));
        out.putAll(r);
        return SimResponse.json(200, write(out));
      }
      if (method.equals("DELETE")) {
        r.put("IsDeleted", Boolean.TRUE);
        touch(r);
        deletedAt.put((String) r.get("Id"), (String) r.get("SystemModstamp"));
        return SimResponse.noContent(Map.of());
      }
      return errorArray(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are GET,DELETE");
    }
  }

  // ------------------------------------------------------------------------------------------ writes

  /** One record's outcome of a write: an Id (and whether it was created) or errors. */
  private record WriteResult(@Nullable String id, boolean created, List<Map<String, Object>> errors) {
    static WriteResult ok(String id, boolean created) {
      return new WriteResult(id, created, List.of());
    }

    static WriteResult failed(String statusCode, String message, String... fields) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("statusCode", statusCode);
      e.put("message", message);
      e.put("fields", List.of(fields));
      return new WriteResult(null, false, List.of(e));
    }

    boolean success() {
      return errors.isEmpty();
    }
  }

  /** A refusal of the whole request: HTTP status plus Salesforce's error array. */
  private static final class RequestRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SimResponse response;

    RequestRefused(SimResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  /** What to undo when an allOrNone request fails: created Ids, and the previous state of updated rows. */
  private record Undo(List<String> created, Map<String, Map<String, Object>> updated) {}

  private static String lockKey(String type, String externalIdValue) {
    return type.toLowerCase(Locale.ROOT) + "|" + externalIdValue.toLowerCase(Locale.ROOT);
  }

  /** The canonical type and external id field, or a refusal as Salesforce words it. Caller holds storeLock. */
  private String[] resolveUpsertTarget(String sobjectType, String field) throws RequestRefused {
    String type = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
    if (type == null) {
      throw new RequestRefused(errorArray(404, "NOT_FOUND", "The requested resource does not exist"));
    }
    String lower = field.toLowerCase(Locale.ROOT);
    if (!lower.equals("id") && !externalIdFields.getOrDefault(type, Set.of()).contains(lower)) {
      throw new RequestRefused(errorArray(404, "NOT_FOUND",
          "Provided external ID field does not exist or is not accessible: " + field));
    }
    return new String[] {type, lower.equals("id") ? "Id" : fieldNames.get(type).get(lower)};
  }

  /**
   * Checks the shape of one record body against the type's fields, as Salesforce's JSON deserializer does for
   * the whole request: an unknown field or a structured value refuses the request. Caller holds storeLock.
   */
  private Map<String, @Nullable Object> readFields(String type, JsonNode record) throws RequestRefused {
    if (!record.isObject()) {
      throw new RequestRefused(errorArray(400, "JSON_PARSER_ERROR", "Expected an sObject, was " + record.getNodeType()));
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    Map<String, String> known = fieldNames.get(type);
    for (Map.Entry<String, JsonNode> e : record.properties()) {
      String name = e.getKey();
      if (name.equals("attributes")) {
        String declared = e.getValue().path("type").asText(type);
        if (!declared.equalsIgnoreCase(type)) {
          throw new RequestRefused(errorArray(400, "INVALID_TYPE",
              "Record type " + declared + " does not match the upsert's type " + type));
        }
        continue;
      }
      String canonical = known.get(name.toLowerCase(Locale.ROOT));
      if (canonical == null) {
        throw new RequestRefused(errorArray(400, "INVALID_FIELD",
            "No such column '" + name + "' on sobject of type " + type));
      }
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        throw new RequestRefused(errorArray(400, "JSON_PARSER_ERROR",
            "Cannot deserialize instance of " + canonical + " from " + v.getNodeType() + " value"));
      }
      out.put(canonical, v.isNull() ? null : v.isBoolean() ? Boolean.valueOf(v.booleanValue())
          : v.isNumber() ? v.decimalValue() : v.asText());
    }
    return out;
  }

  /**
   * Upserts one record by {@code extField = value}: created when no live record matches, updated when one does,
   * refused with DUPLICATE_EXTERNAL_ID when several do. Caller holds storeLock.
   */
  private WriteResult upsertOne(String type, String extField, String value, Map<String, @Nullable Object> fields,
      @Nullable Undo undo, boolean updateOnly) {
    AtomicInteger lock = lockedRows.get(lockKey(type, value));
    if (lock != null && lock.getAndDecrement() > 0) {
      return WriteResult.failed("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records");
    }
    Set<String> readOnly = READ_ONLY_BY_TYPE.getOrDefault(type, Set.of());
    for (String f : fields.keySet()) {
      if (READ_ONLY_FIELDS.contains(f) || readOnly.contains(f)) {
        return WriteResult.failed("INVALID_FIELD_FOR_INSERT_UPDATE",
            "Unable to create/update fields: " + f + ". Please check the security settings of this field and verify"
                + " that it is read/write for your profile or permission set.", f);
      }
      Object v = fields.get(f);
      if (v instanceof String text && text.length() > MAX_TEXT_LENGTH && !LONG_TEXT_FIELDS.contains(f)) {
        return WriteResult.failed("STRING_TOO_LONG", f + ": data value too large: "
            + text.substring(0, 20) + "... (max length=" + MAX_TEXT_LENGTH + ")", f);
      }
    }
    Object own = fields.get(extField);
    if (own != null && !String.valueOf(own).equalsIgnoreCase(value)) {
      return WriteResult.failed("INVALID_FIELD", "The external id field " + extField
          + " in the body does not match the value of the request", extField);
    }
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Map<String, Object> r : store.get(type).values()) {
      Object v = r.get(extField);
      if (!Boolean.TRUE.equals(r.get("IsDeleted")) && v != null && String.valueOf(v).equalsIgnoreCase(value)) {
        matches.add(r);
      }
    }
    if (matches.size() > 1) {
      return WriteResult.failed("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value, extField);
    }
    List<String> required = REQUIRED_ON_CREATE.getOrDefault(type, List.of());
    if (matches.isEmpty()) {
      if (updateOnly || extField.equals("Id")) {
        return WriteResult.failed("NOT_FOUND", "Provided external ID field value not found: " + value, extField);
      }
      List<String> missing = required.stream().filter(f -> fields.get(f) == null
          || String.valueOf(fields.get(f)).isBlank()).toList();
      if (!missing.isEmpty()) {
        return WriteResult.failed("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing,
            missing.toArray(String[]::new));
      }
      String id = newId(type);
      String now = WIRE.format(clock().instant());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Id", id);
      row.put("IsDeleted", Boolean.FALSE);
      row.put("CreatedDate", now);
      row.put("LastModifiedDate", now);
      row.put("SystemModstamp", now);
      row.put(extField, value);
      fields.forEach((k, v) -> {
        if (v != null) {
          row.put(k, v);
        }
      });
      store.get(type).put(id, row);
      if (undo != null) {
        undo.created().add(id);
      }
      return WriteResult.ok(id, true);
    }
    Map<String, Object> row = matches.get(0);
    List<String> cleared = required.stream().filter(f -> fields.containsKey(f)
        && (fields.get(f) == null || String.valueOf(fields.get(f)).isBlank())).toList();
    if (!cleared.isEmpty()) {
      return WriteResult.failed("REQUIRED_FIELD_MISSING", "Required fields are missing: " + cleared,
          cleared.toArray(String[]::new));
    }
    if (undo != null) {
      undo.updated().putIfAbsent((String) row.get("Id"), new LinkedHashMap<>(row));
    }
    fields.forEach((k, v) -> {
      if (v == null) {
        row.remove(k);
      } else {
        row.put(k, v);
      }
    });
    touch(row);
    return WriteResult.ok((String) row.get("Id"), false);
  }

  private void rollBack(String type, Undo undo) {
    Map<String, Map<String, Object>> rows = store.get(type);
    undo.created().forEach(rows::remove);
    undo.updated().forEach(rows::put);
  }

  /** {@code PATCH /composite/sobjects/{type}/{field}}: sObject Collections upsert, results in input order. */
  private SimResponse collectionUpsert(SimRequest request, String sobjectType, String field) {
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (JsonProcessingException e) {
      return errorArray(400, "JSON_PARSER_ERROR", "Unexpected character in the request body");
    }
    if (body == null || !body.path("records").isArray()) {
      return errorArray(400, "JSON_PARSER_ERROR", "The request body must hold a records array");
    }
    JsonNode records = body.get("records");
    if (records.isEmpty()) {
      return errorArray(400, "REQUIRED_FIELD_MISSING", "At least 1 record is required.");
    }
    if (records.size() > MAX_COLLECTION_RECORDS) {
      return errorArray(400, "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than " + MAX_COLLECTION_RECORDS + " records into this call");
    }
    boolean allOrNone = body.path("allOrNone").asBoolean(false);
    synchronized (storeLock) {
      String type;
      String extField;
      List<Map<String, @Nullable Object>> parsed = new ArrayList<>();
      try {
        String[] target = resolveUpsertTarget(sobjectType, field);
        type = target[0];
        extField = target[1];
        for (JsonNode r : records) {
          parsed.add(readFields(type, r));
        }
      } catch (RequestRefused e) {
        return e.response;
      }
      // the same external id twice in one request: Salesforce refuses each of those records
      Map<String, Integer> seen = new HashMap<>();
      for (Map<String, @Nullable Object> f : parsed) {
        Object v = f.get(extField);
        if (v != null) {
          seen.merge(String.valueOf(v).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
      Undo undo = allOrNone ? new Undo(new ArrayList<>(), new LinkedHashMap<>()) : null;
      List<WriteResult> results = new ArrayList<>();
      for (Map<String, @Nullable Object> f : parsed) {
        Object v = f.get(extField);
        if (v == null || String.valueOf(v).isBlank()) {
          results.add(WriteResult.failed("REQUIRED_FIELD_MISSING",
              "Required fields are missing: [" + extField + "]", extField));
        } else if (seen.get(String.valueOf(v).toLowerCase(Locale.ROOT)) > 1) {
          results.add(WriteResult.failed("DUPLICATE_EXTERNAL_ID",
              "Duplicate external id specified: " + v, extField));
        } else {
          Map<String, @Nullable Object> fields = new LinkedHashMap<>(f);
          fields.remove(extField);
          results.add(upsertOne(type, extField, String.valueOf(v), fields, undo, false));
        }
      }
      if (undo != null && results.stream().anyMatch(r -> !r.success())) {
        rollBack(type, undo);
        List<WriteResult> rolledBack = new ArrayList<>();
        for (WriteResult r : results) {
          rolledBack.add(!r.success() ? r : WriteResult.failed("ALL_OR_NONE_OPERATION_ROLLED_BACK",
              "Record rolled back because not all records were valid and the request was using AllOrNone header"));
        }
        results = rolledBack;
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (WriteResult r : results) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (r.success()) {
          o.put("id", r.id());
        }
        o.put("success", r.success());
        o.put("errors", r.errors());
        if (r.success()) {
          o.put("created", r.created());
        }
        out.add(o);
      }
      return SimResponse.json(200, write(out));
    }
  }

  /** {@code GET|PATCH /sobjects/{type}/{field}/{value}}: read or upsert one record by external id. */
  private SimResponse byExternalId(SimRequest request, String version, String sobjectType, String field,
      String value) {
    String method = request.method();
    synchronized (storeLock) {
      String type;
      String extField;
      try {
        String[] target = resolveUpsertTarget(sobjectType, field);
        type = target[0];
        extField = target[1];
      } catch (RequestRefused e) {
        return e.response;
      }
      if (method.equals("GET")) {
        List<Map<String, Object>> matches = store.get(type).values().stream()
            .filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")) && r.get(extField) != null
                && String.valueOf(r.get(extField)).equalsIgnoreCase(value))
            .toList();
        if (matches.isEmpty()) {
          return errorArray(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (matches.size() > 1) {
          return multipleChoices(version, type, matches);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(type, version, (String) matches.get(0).get("Id")));
        out.putAll(matches.get(0));
        return SimResponse.json(200, write(out));
      }
      if (!method.equals("PATCH")) {
        return errorArray(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are GET,PATCH");
      }
      Map<String, @Nullable Object> fields;
      try {
        JsonNode body = JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
        fields = readFields(type, body == null ? JSON.createObjectNode() : body);
      } catch (JsonProcessingException e) {
        return errorArray(400, "JSON_PARSER_ERROR", "Unexpected character in the request body");
      } catch (RequestRefused e) {
        return e.response;
      }
      List<Map<String, Object>> matches = store.get(type).values().stream()
          .filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")) && r.get(extField) != null
              && String.valueOf(r.get(extField)).equalsIgnoreCase(value))
          .toList();
      if (matches.size() > 1) {
        return multipleChoices(version, type, matches);
      }
      boolean updateOnly = request.queryParam("updateOnly").map(Boolean::parseBoolean).orElse(false);
      WriteResult r = upsertOne(type, extField, value, fields, null, updateOnly);
      if (!r.success()) {
        Map<String, Object> e = r.errors().get(0);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.get("message"));
        error.put("errorCode", e.get("statusCode"));
        error.put("fields", e.get("fields"));
        return SimResponse.json("NOT_FOUND".equals(e.get("statusCode")) ? 404 : 400, write(List.of(error)));
      }
      if (!r.created() && legacyUpsertNoContent) {
        return SimResponse.noContent(Map.of());
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", r.id());
      out.put("success", true);
      out.put("errors", List.of());
      out.put("created", r.created());
      return SimResponse.json(r.created() ? 201 : 200, write(out))
          .withHeader("Location", "/services/data/" + version + "/sobjects/" + type + "/" + r.id());
    }
  }

  private static SimResponse multipleChoices(String version, String type, List<Map<String, Object>> matches) {
    List<String> urls = matches.stream().map(r -> "/services/data/" + version + "/sobjects/" + type + "/" + r.get("Id"))
        .toList();
    return SimResponse.json(300, write(urls));
  }

  // ------------------------------------------------------------------------------------------ replication

  /**
   * {@code GET /sobjects/{type}/updated|deleted/?start=&end=}: Ids changed (or deleted) in {@code [start, end)},
   * both cut to the minute as Salesforce does; {@code latestDateCovered} is the (cut) end, never after now.
   * getUpdated covers 30 days back, getDeleted 15.
   */
  private SimResponse replication(SimRequest request, String sobjectType, boolean deleted) {
    Optional<String> startText = request.queryParam("start");
    Optional<String> endText = request.queryParam("end");
    if (startText.isEmpty() || endText.isEmpty()) {
      return errorArray(400, "MISSING_ARGUMENT", "start and end must both be specified");
    }
    Instant start = Soql.toInstant(startText.get().strip());
    Instant end = Soql.toInstant(endText.get().strip());
    if (start == null || end == null) {
      return errorArray(400, "INVALID_REPLICATION_DATE", "start and end must be dateTimes");
    }
    Instant now = clock().instant();
    start = start.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant covered = (end.isAfter(now) ? now : end).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant earliest = now.minus(java.time.Duration.ofDays(deleted ? 15 : 30))
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    if (!start.isBefore(end)) {
      return errorArray(400, "INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate");
    }
    if (start.isBefore(earliest)) {
      return errorArray(400, "INVALID_REPLICATION_DATE", "startDate cannot be more than " + (deleted ? 15 : 30)
          + " days ago");
    }
    synchronized (storeLock) {
      String type = typeNames.get(sobjectType.toLowerCase(Locale.ROOT));
      if (type == null) {
        return errorArray(404, "NOT_FOUND", "The requested resource does not exist");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      List<Object> items = new ArrayList<>();
      for (Map<String, Object> r : store.get(type).values()) {
        boolean isDeleted = Boolean.TRUE.equals(r.get("IsDeleted"));
        if (deleted != isDeleted) {
          continue;
        }
        String stampText = deleted ? deletedAt.getOrDefault((String) r.get("Id"), (String) r.get("SystemModstamp"))
            : (String) r.get("SystemModstamp");
        Instant stamp = Soql.toInstant(stampText);
        if (stamp == null || stamp.isBefore(start) || !stamp.isBefore(covered)) {
          continue;
        }
        if (deleted) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("id", r.get("Id"));
          d.put("deletedDate", stampText);
          items.add(d);
        } else {
          items.add(r.get("Id"));
        }
      }
      if (deleted) {
        out.put("deletedRecords", items);
        out.put("earliestDateAvailable", WIRE.format(earliest));
      } else {
        out.put("ids", items);
      }
      out.put("latestDateCovered", WIRE.format(covered));
      return SimResponse.json(200, write(out));
    }
  }

  // ------------------------------------------------------------------------------------------ SOQL

  private SimResponse query(SimRequest request, String version, String soql, boolean all) {
    Soql.Query parsed;
    List<Map<String, Object>> rows = new ArrayList<>();
    String type;
    try {
      Soql.Query raw = Soql.parse(soql);
      synchronized (storeLock) {
        type = typeNames.get(raw.from().toLowerCase(Locale.ROOT));
        if (type == null) {
          throw new SoqlException("INVALID_TYPE", "\n" + soql + "\n^\nERROR at Row:1:Column:1\nsObject type '"
              + raw.from() + "' is not supported. If you are attempting to use a custom object, be sure to append"
              + " the '__c' after the entity name. Please reference your WSDL or the describe call for the"
              + " appropriate names.");
        }
        parsed = resolveFields(raw, type, soql);
        for (Map<String, Object> r : store.get(type).values()) {
          if (!all && Boolean.TRUE.equals(r.get("IsDeleted"))) {
            continue;
          }
          if (parsed.where() == null || parsed.where().test(r)) {
            rows.add(new LinkedHashMap<>(r));
          }
        }
      }
    } catch (SoqlException e) {
      return errorArray(400, e.errorCode(), e.getMessage());
    }
    if (!parsed.orderBy().isEmpty()) {
      rows.sort(comparator(parsed.orderBy()));
    }
    if (parsed.limit() != null && rows.size() > parsed.limit()) {
      rows = new ArrayList<>(rows.subList(0, parsed.limit()));
    }
    List<Map<String, Object>> projected = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("attributes", attributes(type, version, (String) r.get("Id")));
      for (String f : parsed.fields()) {
        out.put(f, r.get(f));
      }
      projected.add(out);
    }
    String locator = "01g5g0" + String.format(Locale.ROOT, "%09d", locatorCounter.incrementAndGet()) + "ABC";
    cursors.put(locator, new Cursor(type, List.copyOf(projected)));
    return page(request, version, locator, 0);
  }

  private Soql.Query resolveFields(Soql.Query raw, String type, String soql) throws SoqlException {
    Map<String, String> known = fieldNames.get(type);
    List<String> used = new ArrayList<>(raw.fields());
    raw.orderBy().forEach(o -> used.add(o.field()));
    if (raw.where() != null) {
      raw.where().collectFields(used);
    }
    for (String f : used) {
      if (!known.containsKey(f.toLowerCase(Locale.ROOT))) {
        throw new SoqlException("INVALID_FIELD", "\n" + soql + "\n^\nERROR at Row:1:Column:1\nNo such column '"
            + f + "' on entity '" + type + "'. If you are attempting to use a custom field, be sure to append the"
            + " '__c' after the custom field name. Please reference your WSDL or the describe call for the"
            + " appropriate names.");
      }
    }
    return raw.mapFields(f -> known.get(f.toLowerCase(Locale.ROOT)));
  }

  private static Comparator<Map<String, Object>> comparator(List<Soql.Order> orders) {
    Comparator<Map<String, Object>> result = null;
    for (Soql.Order o : orders) {
      Comparator<Object> values = o.descending() ? Soql.VALUE_ORDER.reversed() : Soql.VALUE_ORDER;
      Comparator<Object> withNulls = o.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
      Comparator<Map<String, Object>> c = Comparator.comparing(r -> r.get(o.field()), withNulls);
      result = result == null ? c : result.thenComparing(c);
    }
    return Objects.requireNonNull(result);
  }

  private SimResponse page(SimRequest request, String version, String locator, int offset) {
    Cursor cursor = cursors.get(locator);
    if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
      return errorArray(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    int size = batchSize(request);
    int end = Math.min(cursor.rows().size(), offset + size);
    boolean done = end >= cursor.rows().size();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totalSize", cursor.rows().size());
    out.put("done", done);
    if (!done) {
      out.put("nextRecordsUrl", "/services/data/" + version + "/query/" + locator + "-" + end);
    } else {
      cursors.remove(locator);
    }
    out.put("records", cursor.rows().subList(offset, end));
    return SimResponse.json(200, write(out));
  }

  private int batchSize(SimRequest request) {
    int size = pageSize;
    Optional<String> options = request.header("Sforce-Query-Options");
    if (options.isPresent()) {
      Matcher m = BATCH_SIZE.matcher(options.get());
      if (m.find()) {
        try {
          int asked = Integer.parseInt(m.group(1));
          if (asked >= 200 && asked <= 2000) {
            size = Math.min(size, asked);
          }
        } catch (NumberFormatException ignored) {
          // out of int range: ignore the hint, as Salesforce ignores hints it cannot use
        }
      }
    }
    return size;
  }

  private static Map<String, Object> attributes(String type, String version, String id) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", type);
    a.put("url", "/services/data/" + version + "/sobjects/" + type + "/" + id);
    return a;
  }

  // ------------------------------------------------------------------------------------------ OAuth

  private SimResponse token(SimRequest request) {
    Map<String, List<String>> form = request.form();
    String grant = first(form, "grant_type");
    if (grant == null) {
      return oauthError("invalid_request", "grant type not specified");
    }
    return switch (grant) {
      case "client_credentials" -> clientCredentials(request, form);
      case JWT_BEARER_GRANT -> jwtBearer(request, form);
      case "refresh_token" -> refresh(request, form);
      default -> oauthError("unsupported_grant_type", "grant type not supported");
    };
  }

  private SimResponse clientCredentials(SimRequest request, Map<String, List<String>> form) {
    String[] basic = basicAuth(request);
    String clientId = basic != null ? basic[0] : first(form, "client_id");
    String secret = basic != null ? basic[1] : first(form, "client_secret");
    if (clientId == null || !clients.containsKey(clientId)) {
      return oauthError("invalid_client_id", "client identifier invalid");
    }
    if (secret == null || !constantTimeEquals(clients.get(clientId), secret)) {
      return oauthError("invalid_client", "invalid client credentials");
    }
    return issue(secret, null);
  }

  private SimResponse jwtBearer(SimRequest request, Map<String, List<String>> form) {
    String assertion = first(form, "assertion");
    if (assertion == null) {
      return oauthError("invalid_grant", "invalid assertion");
    }
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return oauthError("invalid_grant", "invalid assertion");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      Base64.Decoder url = Base64.getUrlDecoder();
      header = JSON.readTree(url.decode(parts[0]));
      claims = JSON.readTree(url.decode(parts[1]));
      signature = url.decode(parts[2]);
    } catch (IllegalArgumentException | java.io.IOException e) {
      return oauthError("invalid_grant", "invalid assertion");
    }
    if (header == null || claims == null || !"RS256".equals(header.path("alg").asText())) {
      return oauthError("invalid_grant", "invalid assertion");
    }
    JwtRegistration registration = jwtRegistrations.get(claims.path("iss").asText(""));
    if (registration == null) {
      return oauthError("invalid_client_id", "client identifier invalid");
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(registration.key());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        return oauthError("invalid_grant", "invalid assertion");
      }
    } catch (GeneralSecurityException e) {
      return oauthError("invalid_grant", "invalid assertion");
    }
    if (!validAudience(claims.path("aud"))) {
      return oauthError("invalid_grant", "audience is invalid");
    }
    JsonNode exp = claims.path("exp");
    if (!exp.isNumber() || !exp.canConvertToLong()) {
      return oauthError("invalid_grant", "invalid assertion");
    }
    if (exp.asLong() <= clock().instant().getEpochSecond()) {
      return oauthError("invalid_grant", "expired authorization code");
    }
    if (!registration.username().equals(claims.path("sub").asText(""))) {
      return oauthError("invalid_grant", "user hasn't approved this consumer");
    }
    return issue(claims.path("iss").asText(), null);
  }

  private boolean validAudience(JsonNode aud) {
    List<String> accepted = List.of("https://login.salesforce.com", "https://test.salesforce.com",
        baseUri().toString());
    if (aud.isArray()) {
      for (JsonNode a : aud) {
        if (accepted.contains(stripSlash(a.asText()))) {
          return true;
        }
      }
      return false;
    }
    return aud.isTextual() && accepted.contains(stripSlash(aud.asText()));
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private SimResponse refresh(SimRequest request, Map<String, List<String>> form) {
    String[] basic = basicAuth(request);
    String clientId = basic != null ? basic[0] : first(form, "client_id");
    String token = first(form, "refresh_token");
    if (clientId == null) {
      return oauthError("invalid_client_id", "client identifier invalid");
    }
    String secret = basic != null ? basic[1] : first(form, "client_secret");
    if (secret != null && clients.containsKey(clientId) && !constantTimeEquals(clients.get(clientId), secret)) {
      return oauthError("invalid_client", "invalid client credentials");
    }
    if (token == null || !clientId.equals(refreshTokens.get(token))) {
      return oauthError("invalid_grant", "expired access/refresh token");
    }
    String rotated = null;
    if (rotateRefreshTokens) {
      if (!refreshTokens.remove(token, clientId)) {
        return oauthError("invalid_grant", "expired access/refresh token");
      }
      rotated = "5Aep861" + randomToken(48);
      refreshTokens.put(rotated, clientId);
    }
    return issue(clientId, rotated);
  }

  private SimResponse issue(String signingKey, @Nullable String refreshToken) {
    String accessToken = ORG_ID.substring(0, 15) + "!" + randomToken(96);
    sessions.add(accessToken);
    tokensIssued.incrementAndGet();
    String base = baseUri().toString();
    String id = base + "/id/" + ORG_ID + "/" + USER_ID;
    String issuedAt = String.valueOf(clock().millis());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", accessToken);
    if (refreshToken != null) {
      out.put("refresh_token", refreshToken);
    }
    out.put("signature", hmac(signingKey, id + issuedAt));
    out.put("scope", "api");
    out.put("instance_url", base);
    out.put("id", id);
    out.put("token_type", "Bearer");
    out.put("issued_at", issuedAt);
    return SimResponse.json(200, write(out));
  }

  private String randomToken(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(BASE62.charAt(random.nextInt(62)));
    }
    return sb.toString();
  }

  private static String hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String @Nullable [] basicAuth(SimRequest request) {
    String auth = request.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {SimRequest.formDecode(decoded.substring(0, colon)),
          SimRequest.formDecode(decoded.substring(colon + 1))};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable String first(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  // ------------------------------------------------------------------------------------------ JSON

  private static SimResponse oauthError(String error, String description) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", error);
    out.put("error_description", description);
    return SimResponse.json(400, write(out));
  }

  private static SimResponse errorArray(int status, String errorCode, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("message", message);
    e.put("errorCode", errorCode);
    return SimResponse.json(status, write(List.of(e)));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  @Override
  public String toString() {
    return "SalesforceSimulator[" + apiVersion + "]";
  }

  /** Builds a {@link SalesforceSimulator}. Not thread-safe; the built simulator is. */
  public static final class Builder {
    private String apiVersion = "v62.0";
    private int pageSize = 2000;
    private int dailyApiLimit = 100_000;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The API version advertised by {@code GET /services/data}, such as {@code v62.0}. */
    public Builder apiVersion(String apiVersion) {
      if (!apiVersion.matches("v\\d+\\.\\d")) {
        throw new IllegalArgumentException("API version must look like v62.0: " + apiVersion);
      }
      this.apiVersion = apiVersion;
      return this;
    }

    /** Query batch size, 1 to 2000 (default 2000); a smaller {@code Sforce-Query-Options} batchSize wins. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 2000) {
        throw new IllegalArgumentException("pageSize must be 1..2000: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Data API calls allowed before 403 REQUEST_LIMIT_EXCEEDED (default 100,000). */
    public Builder dailyApiLimit(int dailyApiLimit) {
      if (dailyApiLimit < 0) {
        throw new IllegalArgumentException("negative dailyApiLimit");
      }
      this.dailyApiLimit = dailyApiLimit;
      return this;
    }

    /** The clock for record timestamps, {@code issued_at} and JWT expiry checks. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A new simulator, not yet started ({@code baseUri()} and {@code start()} start it). */
    public SalesforceSimulator build() {
      return new SalesforceSimulator(this);
    }
  }

}
