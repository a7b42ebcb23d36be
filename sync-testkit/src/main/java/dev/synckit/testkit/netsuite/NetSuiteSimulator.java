package dev.synckit.testkit.netsuite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synckit.testkit.PlatformSimulator;
import dev.synckit.testkit.SimRequest;
import dev.synckit.testkit.SimResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stateful simulator of NetSuite SuiteTalk REST record services, written from Oracle's documentation.
 *
 * <p>Every request under {@code /services/rest} must carry a valid token-based authentication header (OAuth 1.0a,
 * HMAC-SHA256, realm = the account id in upper case); any failure answers 401 {@code INVALID_LOGIN} and the
 * internal reason is kept in {@link #authFailures()}. Records live under {@code /services/rest/record/v1/{type}}:
 * POST creates (204 + Location), GET reads by internal id or {@code eid:}, PATCH merges, PUT {@code eid:} upserts,
 * DELETE removes, GET on the collection lists ids. More than {@code concurrencyLimit} requests in flight answer
 * 429 {@code CONCURRENCY_LIMIT_EXCEEDED}.
 *
 * <p>Thread-safe: serves concurrent requests while tests seed and read records.
 */
public final class NetSuiteSimulator extends PlatformSimulator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR_TYPE = "application/vnd.oracle.resource+json; type=error";
  private static final String RECORD_TYPE = "application/vnd.oracle.resource+json; type=singular-resource";
  private static final String COLLECTION_TYPE = "application/vnd.oracle.resource+json; type=collection";
  private static final String RECORD_ROOT = "/services/rest/record/v1/";
  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String INVALID_LOGIN_DETAIL = "Invalid login attempt. For more details, see the Login Audit"
      + " Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";
  private static final Map<String, String> TYPE_NAMES = names("customer", "contact", "salesOrder", "invoice",
      "customerPayment", "vendor", "employee", "subsidiary", "supportCase", "inventoryItem",
      "nonInventorySaleItem", "serviceSaleItem", "creditMemo", "cashSale", "itemFulfillment", "currency",
      "partner", "opportunity", "estimate", "returnAuthorization", "vendorBill", "purchaseOrder");
  private static final Map<String, Set<String>> KNOWN_FIELDS = Map.of(
      "customer", fields("entityId", "companyName", "isPerson", "firstName", "lastName", "subsidiary", "email",
          "phone", "externalId", "parent", "entityStatus", "category", "currency", "terms", "addressBook",
          "dateCreated", "lastModifiedDate", "comments", "url", "isInactive", "salesRep", "creditLimit",
          "altName", "fax", "taxable", "taxItem", "vatRegNumber", "resaleNumber"),
      "contact", fields("firstName", "lastName", "email", "phone", "company", "subsidiary", "externalId",
          "entityId", "title", "dateCreated", "lastModifiedDate", "isInactive"),
      "salesorder", fields("entity", "tranDate", "tranId", "orderStatus", "subsidiary", "location", "currency",
          "memo", "otherRefNum", "externalId", "item", "total", "dateCreated", "lastModifiedDate", "status",
          "shipDate", "terms", "department", "class"),
      "invoice", fields("entity", "tranDate", "dueDate", "tranId", "status", "amountRemaining", "amountPaid",
          "total", "createdFrom", "item", "approvalStatus", "lastModifiedDate", "externalId", "subsidiary",
          "currency", "memo", "otherRefNum", "dateCreated", "terms"),
      "customerpayment", fields("customer", "payment", "tranDate", "apply", "externalId", "subsidiary",
          "currency", "memo", "tranId", "dateCreated", "lastModifiedDate", "paymentMethod", "account"));
  private static final Map<String, String> REFERENCE_TYPES = Map.of("parent", "customer", "customer", "customer",
      "entity", "customer", "company", "customer", "subsidiary", "subsidiary", "currency", "currency",
      "createdFrom", "salesOrder", "contact", "contact", "terms", "term", "location", "location");

  private static final String QUERY_PATH = "/services/rest/query/v1/suiteql";
  private static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";
  private static final String JOB_ROOT = "/services/rest/async/v1/job/";
  private static final String GOVERNANCE_PATH = "/services/rest/system/v1/governanceLimits";
  private static final int SUITEQL_MAX_LIMIT = 1000;
  private static final int BATCH_MAX = 100;
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
  private static final Set<String> ITEM_TYPES = Set.of("inventoryitem", "noninventorysaleitem", "servicesaleitem",
      "assemblyitem", "discountitem");
  private static final Map<String, String> TRANSACTION_TYPES = Map.of("salesorder", "SalesOrd", "invoice",
      "CustInvc", "customerpayment", "CustPymt");
  private static final Map<String, String> ITEM_TYPE_CODES = Map.of("inventoryitem", "InvtPart",
      "noninventorysaleitem", "NonInvtPart", "servicesaleitem", "Service", "assemblyitem", "Assembly",
      "discountitem", "Discount");

  private final String accountId;
  private final int concurrencyLimit;
  private final Duration latency;
  private final ZoneId timeZone;
  private final boolean requireTaxCode;
  private final int pollsUntilComplete;
  private final TbaVerifier verifier;
  private final M2mVerifier m2m;
  private final AtomicInteger admitted = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicLong concurrencyRejections = new AtomicLong();
  private final Object jobLock = new Object();
  /** job id → job; guarded by jobLock. */
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  /** idempotency key → job id; guarded by jobLock. */
  private final Map<String, String> idempotencyKeys = new HashMap<>();
  private final AtomicLong jobCounter = new AtomicLong();
  private final AtomicInteger responsesToLose = new AtomicInteger();
  private volatile @Nullable Pattern losePath;
  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch held = new CountDownLatch(1);
  private final List<String> authFailures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong idCounter = new AtomicLong(100);
  private final Object storeLock = new Object();
  /** lower-case type → (internal id → record); guarded by storeLock. */
  private final Map<String, Map<String, Map<String, Object>>> store = new LinkedHashMap<>();
  /** lower-case type → (external id → internal id); guarded by storeLock. */
  private final Map<String, Map<String, String>> externalIds = new HashMap<>();
  /** lower-case type → type as first seen; guarded by storeLock. */
  private final Map<String, String> typeNames = new HashMap<>(TYPE_NAMES);

  private NetSuiteSimulator(Builder builder) {
    super(builder.clock);
    this.accountId = builder.accountId;
    this.concurrencyLimit = builder.concurrencyLimit;
    this.latency = builder.latency;
    this.timeZone = builder.timeZone;
    this.requireTaxCode = builder.requireTaxCode;
    this.pollsUntilComplete = builder.pollsUntilComplete;
    this.verifier = new TbaVerifier(accountId.toUpperCase(Locale.ROOT), builder.clock, builder.timestampSkew);
    this.m2m = new M2mVerifier(builder.clock);
  }

  /** A simulator for account {@code 1234567_SB1}, 5 minutes of allowed clock skew, 15 concurrent requests. */
  public static NetSuiteSimulator create() {
    return builder().build();
  }

  /** A builder for a configured simulator. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NetSuiteSimulator start() {
    super.start();
    return this;
  }

  /** The account id, such as {@code 1234567_SB1}; the OAuth realm is its upper-case form. */
  public String accountId() {
    return accountId;
  }

  /** Registers TBA credentials: an integration record (consumer) and an access token bound to it. */
  public void registerToken(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
    verifier.register(new TbaVerifier.Credentials(Objects.requireNonNull(consumerKey, "consumerKey"),
        Objects.requireNonNull(consumerSecret, "consumerSecret"), Objects.requireNonNull(tokenId, "tokenId"),
        Objects.requireNonNull(tokenSecret, "tokenSecret")));
  }

  /**
   * The internal reasons of the authentication failures so far, oldest first (such as {@code bad signature},
   * {@code nonce reused}, {@code timestamp outside clock skew: ...}); the client only ever sees INVALID_LOGIN.
   */
  public List<String> authFailures() {
    synchronized (authFailures) {
      return List.copyOf(authFailures);
    }
  }

  // ------------------------------------------------------------------------------------------ records

  /** Stores a record as if created through the API and returns its internal id. */
  public String seedRecord(String type, Map<String, Object> fields) {
    Objects.requireNonNull(fields, "fields");
    synchronized (storeLock) {
      String id = String.valueOf(idCounter.incrementAndGet());
      Map<String, Object> body = new LinkedHashMap<>(fields);
      body.remove("id");
      insert(typeKey(type), id, body);
      return id;
    }
  }

  /** Copies of the records of a type (case-insensitive), in creation order. */
  public List<Map<String, Object>> records(String type) {
    synchronized (storeLock) {
      List<Map<String, Object>> out = new ArrayList<>();
      store.getOrDefault(typeKey(type), Map.of()).values().forEach(r -> out.add(copy(r)));
      return List.copyOf(out);
    }
  }

  /** A copy of a record by internal id. */
  public Optional<Map<String, Object>> record(String type, String internalId) {
    synchronized (storeLock) {
      return Optional.ofNullable(store.getOrDefault(typeKey(type), Map.of()).get(internalId))
          .map(NetSuiteSimulator::copy);
    }
  }

  /** A copy of a record by external id. */
  public Optional<Map<String, Object>> recordByExternalId(String type, String externalId) {
    synchronized (storeLock) {
      String id = externalIds.getOrDefault(typeKey(type), Map.of()).get(externalId);
      return id == null ? Optional.empty() : record(type, id);
    }
  }

  /** How many records of a type exist. */
  public int recordCount(String type) {
    synchronized (storeLock) {
      return store.getOrDefault(typeKey(type), Map.of()).size();
    }
  }

  private static Map<String, Object> copy(Map<String, Object> r) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(r));
  }

  private String typeKey(String type) {
    return type.toLowerCase(Locale.ROOT);
  }

  /** Caller holds storeLock. */
  private void insert(String key, String id, Map<String, Object> body) {
    String now = now();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    body.forEach((k, v) -> {
      if (v != null) {
        row.put(k, isSublist(v) ? mergeSublist(null, v, true) : normalizeRef(v));
      }
    });
    row.put("dateCreated", now);
    row.put("lastModifiedDate", now);
    store.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(id, row);
    Object ext = row.get("externalId");
    if (ext != null) {
      externalIds.computeIfAbsent(key, k -> new HashMap<>()).put(String.valueOf(ext), id);
    }
  }

  /** Caller holds storeLock. */
  private void merge(String key, Map<String, Object> row, Map<String, Object> body, Set<String> replace) {
    Object oldExt = row.get("externalId");
    body.forEach((k, v) -> {
      if (k.equals("id")) {
        return;
      }
      if (v == null) {
        row.remove(k);
      } else if (isSublist(v)) {
        row.put(k, mergeSublist(row.get(k), v, replace.contains(k.toLowerCase(Locale.ROOT))));
      } else {
        row.put(k, normalizeRef(v));
      }
    });
    row.put("lastModifiedDate", now());
    Object newExt = row.get("externalId");
    if (!Objects.equals(oldExt, newExt)) {
      Map<String, String> index = externalIds.computeIfAbsent(key, k -> new HashMap<>());
      if (oldExt != null) {
        index.remove(String.valueOf(oldExt));
      }
      if (newExt != null) {
        index.put(String.valueOf(newExt), String.valueOf(row.get("id")));
      }
    }
  }

  private static boolean isSublist(@Nullable Object v) {
    return v instanceof Map<?, ?> m && m.get("items") instanceof List<?>;
  }

  /**
   * PATCH semantics of a sublist (platform-apis §2.4): a line with {@code "line": n} updates line n, a line without
   * {@code line} is appended, and {@code ?replace=name} replaces the whole sublist. Lines are stored with their
   * 1-based {@code line} number.
   */
  @SuppressWarnings("unchecked") // JSON objects in a parsed body are maps with string keys
  private static Map<String, Object> mergeSublist(@Nullable Object existing, Object incoming, boolean replace) {
    List<Map<String, Object>> lines = new ArrayList<>();
    if (!replace && isSublist(existing)) {
      ((List<Object>) ((Map<String, Object>) existing).get("items"))
          .forEach(l -> lines.add(new LinkedHashMap<>((Map<String, Object>) l)));
    }
    int next = lines.stream().mapToInt(l -> ((Number) l.get("line")).intValue()).max().orElse(0);
    for (Object o : (List<Object>) ((Map<String, Object>) incoming).get("items")) {
      if (!(o instanceof Map<?, ?>)) {
        continue;
      }
      Map<String, Object> line = new LinkedHashMap<>();
      ((Map<String, Object>) o).forEach((k, v) -> line.put(k, normalizeRef(v)));
      Object number = line.get("line");
      Map<String, Object> target = number == null ? null : lines.stream()
          .filter(l -> String.valueOf(l.get("line")).equals(String.valueOf(number))).findFirst().orElse(null);
      if (target != null) {
        line.remove("line");
        target.putAll(line);
      } else {
        line.put("line", ++next);
        lines.add(line);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", lines);
    return out;
  }

  private static Set<String> replaceParam(SimRequest request) {
    Set<String> out = new java.util.HashSet<>();
    request.query().getOrDefault("replace", List.of()).forEach(v -> {
      for (String name : v.split(",")) {
        if (!name.isBlank()) {
          out.add(name.trim().toLowerCase(Locale.ROOT));
        }
      }
    });
    return out;
  }

  private static Object normalizeRef(Object v) {
    if (v instanceof Map<?, ?> m && m.containsKey("id") && !m.containsKey("items")) {
      Map<String, Object> ref = new LinkedHashMap<>();
      m.forEach((k, x) -> ref.put(String.valueOf(k), k.equals("id") ? String.valueOf(x) : x));
      return ref;
    }
    return v;
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock().instant().truncatedTo(ChronoUnit.SECONDS));
  }

  // ------------------------------------------------------------------------------------------ dispatch

  @Override
  protected SimResponse handle(SimRequest request) {
    if (!request.path().startsWith("/services/rest/")) {
      return error(404, "NONEXISTENT_ID", "The requested resource does not exist.", null);
    }
    // in flight = requests being processed here plus those a latency fault holds before handing them over
    int now = Math.max(admitted.incrementAndGet(), inFlight());
    try {
      if (now > concurrencyLimit) {
        concurrencyRejections.incrementAndGet();
        return error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.", null);
      }
      peak.accumulateAndGet(now, Math::max);
      if (!latency.isZero()) {
        sleep(latency);
      }
      SimResponse response = admittedRequest(request);
      Pattern lose = losePath;
      if (lose != null && lose.matcher(request.method() + " " + request.path()).matches()
          && responsesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        // processed, but the answer does not reach the client before its timeout: a lost acknowledgement
        held.countDown();
        awaitRelease();
      }
      return response;
    } finally {
      admitted.decrementAndGet();
    }
  }

  private SimResponse admittedRequest(SimRequest request) {
    if (request.path().equals(TOKEN_PATH)) {
      return token(request);
    }
    Optional<String> failure = authenticate(request);
    if (failure.isPresent()) {
      authFailures.add(failure.get());
      return error(401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL, null);
    }
    if (request.path().equals(QUERY_PATH)) {
      return suiteQl(request);
    }
    if (request.path().startsWith(JOB_ROOT)) {
      return job(request, request.path().substring(JOB_ROOT.length()).split("/", -1));
    }
    if (request.path().equals(GOVERNANCE_PATH) && request.method().equals("GET")) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("accountConcurrencyLimit", concurrencyLimit);
      out.put("accountUnallocatedConcurrencyLimit", concurrencyLimit);
      out.put("limitType", "accountLimit");
      return SimResponse.of(200, RECORD_TYPE, write(out));
    }
    if (!request.path().startsWith(RECORD_ROOT)) {
      return error(404, "NONEXISTENT_ID", "The requested resource " + request.path() + " does not exist.", null);
    }
    boolean async = request.headers("Prefer").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("respond-async"));
    if (!async) {
      return record(request);
    }
    return submitAsync(request);
  }

  private Optional<String> authenticate(SimRequest request) {
    String header = request.header("Authorization").orElse("");
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return m2m.accepts(header.substring(7).trim()) ? Optional.empty()
          : Optional.of("unknown or expired M2M access token");
    }
    return verifier.verify(request);
  }

  private SimResponse record(SimRequest request) {
    String[] segments = request.path().substring(RECORD_ROOT.length()).split("/", -1);
    if (segments.length == 1 && !segments[0].isEmpty()) {
      return switch (request.method()) {
        case "POST" -> create(request, segments[0]);
        case "GET" -> list(request, segments[0]);
        case "PUT", "PATCH", "DELETE" -> error(400, "INVALID_PARAMETER", "Batch collection operations require the"
            + " header Prefer: respond-async.", null);
        default -> error(405, "INVALID_REQUEST", "Method " + request.method() + " is not allowed here.", null);
      };
    }
    if (segments.length == 2 && !segments[0].isEmpty() && !segments[1].isEmpty()) {
      return switch (request.method()) {
        case "GET" -> get(request, segments[0], segments[1]);
        case "PATCH" -> patch(request, segments[0], segments[1]);
        case "PUT" -> upsert(request, segments[0], segments[1]);
        case "DELETE" -> delete(segments[0], segments[1]);
        default -> error(405, "INVALID_REQUEST", "Method " + request.method() + " is not allowed here.", null);
      };
    }
    return error(404, "NONEXISTENT_ID", "The requested resource " + request.path() + " does not exist.", null);
  }

  private void sleep(Duration d) {
    try {
      // simulated processing time: the request holds its concurrency slot meanwhile
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitRelease() {
    try {
      released.await(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------------------------------ governance

  /** The most requests this simulator admitted at once (never above the concurrency limit). */
  public int peakConcurrency() {
    return peak.get();
  }

  /** How many requests were refused with 429 CONCURRENCY_LIMIT_EXCEEDED. */
  public long concurrencyRejections() {
    return concurrencyRejections.get();
  }

  /**
   * Processes the next {@code count} requests matching {@code method} and {@code pathRegex} but withholds their
   * answers until {@link #releaseHeldResponses()} or {@link #close()}, so a client with a shorter timeout sees a lost
   * acknowledgement of a request that took effect.
   */
  public void loseResponses(String method, String pathRegex, int count) {
    this.losePath = Pattern.compile(Pattern.quote(method.toUpperCase(Locale.ROOT)) + " " + pathRegex);
    this.responsesToLose.set(count);
  }

  /** Waits until a request chosen by {@link #loseResponses} was processed and its answer is being withheld. */
  public boolean awaitHeldResponse(Duration timeout) throws InterruptedException {
    return held.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Lets the answers withheld by {@link #loseResponses} go out. */
  public void releaseHeldResponses() {
    released.countDown();
  }

  @Override
  public void close() {
    released.countDown();
    super.close();
  }

  // ------------------------------------------------------------------------------------------ M2M

  /**
   * Registers an OAuth 2.0 client credentials (M2M) mapping: the certificate id NetSuite shows after the upload
   * (the JWT {@code kid}), the integration's client id (the JWT {@code iss}) and the certificate's public key.
   */
  public void registerM2mCertificate(String certificateId, String clientId, java.security.PublicKey publicKey) {
    m2m.register(Objects.requireNonNull(certificateId, "certificateId"), Objects.requireNonNull(clientId, "clientId"),
        Objects.requireNonNull(publicKey, "publicKey"));
  }

  /** How many M2M access tokens were issued. */
  public long m2mTokensIssued() {
    return m2m.tokensIssued();
  }

  /** Makes every issued M2M access token invalid (as after a role change), so the next call gets 401. */
  public void revokeM2mTokens() {
    m2m.revokeAll();
  }

  /** The token endpoint URL as a client must put it in the assertion's {@code aud}. */
  public String tokenUrl() {
    return baseUri() + TOKEN_PATH;
  }

  private SimResponse token(SimRequest request) {
    if (!request.method().equals("POST")) {
      return error(405, "INVALID_REQUEST", "Use POST.", null);
    }
    if (!request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded")) {
      return error(400, "INVALID_PARAMETER", "The token request must be application/x-www-form-urlencoded.", null);
    }
    M2mVerifier.Result result = m2m.exchange(request.form(), tokenUrl());
    if (result.token() == null) {
      // §2.7: every auth failure, M2M included, is 401 INVALID_LOGIN; the reason is only in the login audit trail
      authFailures.add("M2M: " + result.failure());
      return error(401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL, null);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("access_token", result.token());
    out.put("expires_in", String.valueOf(M2mVerifier.TOKEN_LIFETIME.getSeconds()));
    out.put("token_type", "bearer");
    return SimResponse.json(200, write(out));
  }

  // ------------------------------------------------------------------------------------------ SuiteQL

  private SimResponse suiteQl(SimRequest request) {
    if (!request.method().equals("POST")) {
      return error(405, "INVALID_REQUEST", "Use POST for SuiteQL.", null);
    }
    if (request.headers("Prefer").stream().noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("transient"))) {
      return error(400, "INVALID_PARAMETER", "SuiteQL requests require the header Prefer: transient.", null);
    }
    int limit;
    int offset;
    try {
      limit = request.queryParam("limit").map(Integer::parseInt).orElse(SUITEQL_MAX_LIMIT);
      offset = request.queryParam("offset").map(Integer::parseInt).orElse(0);
    } catch (NumberFormatException e) {
      return error(400, "INVALID_PARAMETER", "limit and offset must be integers.", null);
    }
    if (limit < 1 || limit > SUITEQL_MAX_LIMIT || offset < 0) {
      return error(400, "INVALID_PARAMETER", "Invalid limit or offset: limit must be 1 to 1000.", null);
    }
    Object q;
    try {
      q = parseBody(request).get("q");
    } catch (InvalidContent e) {
      return e.response;
    }
    if (!(q instanceof String text)) {
      return error(400, "INVALID_CONTENT", "The request body must be {\"q\": \"SELECT ...\"}.", "q");
    }
    List<Map<String, Object>> result;
    try {
      SuiteQl.Query query = SuiteQl.parse(text);
      result = SuiteQl.run(query, suiteQlRows(query.from()));
    } catch (SuiteQl.SuiteQlException e) {
      return error(400, "INVALID_PARAMETER", "Invalid search query. Detailed unprocessed description follows. "
          + e.getMessage(), null);
    }
    int total = result.size();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> row : result.subList(Math.min(offset, total), Math.min(total, offset + limit))) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("links", List.of());
      item.putAll(row);
      items.add(item);
    }
    boolean hasMore = offset + items.size() < total;
    String self = baseUri() + QUERY_PATH;
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(link("self", self + "?limit=" + limit + "&offset=" + offset));
    if (hasMore) {
      links.add(link("next", self + "?limit=" + limit + "&offset=" + (offset + limit)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("links", links);
    out.put("count", items.size());
    out.put("hasMore", hasMore);
    out.put("items", items);
    out.put("offset", offset);
    out.put("totalResults", total);
    return SimResponse.of(200, COLLECTION_TYPE, write(out));
  }

  /** The table's rows as SuiteQL sees them: lower-case columns, typed values, account-local date-times. */
  private List<Map<String, Object>> suiteQlRows(String table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    synchronized (storeLock) {
      store.forEach((type, records) -> {
        boolean wanted = switch (table) {
          case "transaction" -> TRANSACTION_TYPES.containsKey(type);
          case "item" -> ITEM_TYPES.contains(type);
          case "customer", "contact" -> type.equals(table);
          default -> false;
        };
        if (!wanted) {
          return;
        }
        records.values().forEach(r -> {
          Map<String, Object> row = new LinkedHashMap<>();
          r.forEach((k, v) -> {
            Object typed = sqlValue(k, v);
            if (typed != null) {
              row.put(k.toLowerCase(Locale.ROOT), typed);
            }
          });
          if (table.equals("transaction")) {
            row.put("type", TRANSACTION_TYPES.get(type));
            row.put("recordtype", type);
          } else if (table.equals("item")) {
            row.put("itemtype", ITEM_TYPE_CODES.get(type));
          }
          rows.add(row);
        });
      });
    }
    if (rows.isEmpty() && !List.of("transaction", "item", "customer", "contact").contains(table)) {
      throw new SuiteQl.SuiteQlException("Unknown identifier '" + table + "'. The table is not supported here.");
    }
    return rows;
  }

  private @Nullable Object sqlValue(String field, @Nullable Object v) {
    if (v == null) {
      return null;
    }
    if (field.equals("id")) {
      return new java.math.BigDecimal(String.valueOf(v));
    }
    if (field.equals("lastModifiedDate") || field.equals("dateCreated")) {
      return java.time.Instant.parse(String.valueOf(v)).atZone(timeZone).toLocalDateTime();
    }
    if (v instanceof String str && str.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return java.time.LocalDate.parse(str);
    }
    if (v instanceof Map<?, ?> m) {
      return m.containsKey("items") ? null : m.get("id") == null ? null : String.valueOf(m.get("id"));
    }
    if (v instanceof Boolean b) {
      return b ? "T" : "F";
    }
    if (v instanceof Number n) {
      return new java.math.BigDecimal(n.toString());
    }
    return v instanceof List<?> ? null : String.valueOf(v);
  }

  /** The account time zone that SuiteQL date-times are shown and compared in. */
  public ZoneId timeZone() {
    return timeZone;
  }

  // ------------------------------------------------------------------------------------------ async jobs

  private record Task(SimResponse response, String start, String end) {
    boolean succeeded() {
      return response.status() / 100 == 2;
    }
  }

  private static final class Job {
    final String id;
    final List<Task> tasks;
    int polls;

    Job(String id, List<Task> tasks) {
      this.id = id;
      this.tasks = tasks;
    }
  }

  /** How many async jobs were accepted. */
  public int jobCount() {
    synchronized (jobLock) {
      return jobs.size();
    }
  }

  private String jobHref(String jobId) {
    return JOB_ROOT + jobId;
  }

  private SimResponse submitAsync(SimRequest request) {
    Optional<String> key = request.header("X-NetSuite-Idempotency-Key").map(String::trim);
    if (key.isPresent() && !UUID_FORM.matcher(key.get()).matches()) {
      return error(400, "INVALID_PARAMETER", "The idempotency key must be a UUID (RFC 4122).", null);
    }
    synchronized (jobLock) {
      if (key.isPresent() && idempotencyKeys.containsKey(key.get())) {
        return conflict(jobHref(idempotencyKeys.get(key.get())));
      }
      List<Task> tasks = new ArrayList<>();
      String[] segments = request.path().substring(RECORD_ROOT.length()).split("/", -1);
      if (segments.length == 1 && List.of("PUT", "PATCH").contains(request.method())) {
        List<Map<String, Object>> items;
        try {
          items = batchItems(request);
        } catch (InvalidContent e) {
          return e.response;
        }
        for (int i = 0; i < items.size(); i++) {
          tasks.add(batchTask(request, segments[0], items.get(i)));
        }
      } else {
        String start = now();
        tasks.add(new Task(withRecordLocation(record(request), request, segments), start, now()));
      }
      String id = String.valueOf(jobCounter.incrementAndGet());
      jobs.put(id, new Job(id, List.copyOf(tasks)));
      key.ifPresent(k -> idempotencyKeys.put(k, id));
      return new SimResponse(202, Map.of("Location", jobHref(id), "Preference-Applied", "respond-async"), "");
    }
  }

  private SimResponse withRecordLocation(SimResponse response, SimRequest request, String[] segments) {
    if (response.status() == 204 && request.method().equals("PUT") && segments.length == 2) {
      synchronized (storeLock) {
        Map<String, Object> row = find(typeKey(segments[0]), segments[1]);
        if (row != null) {
          return response.withHeader("Location", selfHref(typeKey(segments[0]), String.valueOf(row.get("id"))));
        }
      }
    }
    return response;
  }

  @SuppressWarnings("unchecked") // JSON objects in a parsed body are maps with string keys
  private static List<Map<String, Object>> batchItems(SimRequest request) throws InvalidContent {
    Object items = parseBody(request).get("items");
    if (!(items instanceof List<?> list) || list.isEmpty() || list.size() > BATCH_MAX
        || !list.stream().allMatch(x -> x instanceof Map)) {
      throw new InvalidContent(error(400, "INVALID_CONTENT", "A batch body is {\"items\": [...]} with 1 to "
          + BATCH_MAX + " records of one type.", "items"));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    list.forEach(x -> out.add(new LinkedHashMap<>((Map<String, Object>) x)));
    return out;
  }

  /** One record of a batch, run as its single-record equivalent; the result is that request's response. */
  private Task batchTask(SimRequest batch, String type, Map<String, Object> item) {
    String start = now();
    String idSegment;
    if (batch.method().equals("PUT")) {
      Object ext = item.get("externalId");
      if (ext == null) {
        return new Task(error(400, "INVALID_CONTENT", "An upsert needs the externalId of each record.",
            "externalId"), start, now());
      }
      idSegment = "eid:" + ext;
    } else {
      Object id = item.remove("id");
      if (id == null) {
        return new Task(error(400, "INVALID_CONTENT", "An update needs the id of each record.", "id"), start, now());
      }
      idSegment = String.valueOf(id);
    }
    String path = RECORD_ROOT + type + "/" + idSegment;
    SimRequest single = new SimRequest(batch.method(), path, batch.query(), batch.headers(), write(item),
        java.net.URI.create(baseUri() + RECORD_ROOT + type + "/" + idSegment.replace(":", "%3A")));
    SimResponse response = batch.method().equals("PUT") ? upsert(single, type, idSegment)
        : patch(single, type, idSegment);
    return new Task(withRecordLocation(response, single, new String[] {type, idSegment}), start, now());
  }

  private SimResponse job(SimRequest request, String[] s) {
    if (!request.method().equals("GET")) {
      return error(405, "INVALID_REQUEST", "Jobs are read-only.", null);
    }
    synchronized (jobLock) {
      Job job = jobs.get(s[0]);
      if (job == null) {
        return error(404, "NONEXISTENT_ID", "The job " + s[0] + " does not exist.", null);
      }
      String self = baseUri() + JOB_ROOT + job.id;
      if (s.length == 1) {
        job.polls++;
        boolean done = job.polls > pollsUntilComplete;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", List.of(link("self", self)));
        out.put("completed", done);
        out.put("id", job.id);
        out.put("progress", !done ? "pending" : job.tasks.stream().allMatch(Task::succeeded) ? "succeeded" : "failed");
        out.put("task", Map.of("links", List.of(link("self", self + "/task"))));
        return SimResponse.of(200, RECORD_TYPE, write(out));
      }
      boolean done = job.polls > pollsUntilComplete;
      if (s.length == 2 && s[1].equals("task")) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= job.tasks.size(); i++) {
          items.add(Map.of("links", List.of(link("self", self + "/task/" + i)), "id", String.valueOf(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", List.of(link("self", self + "/task")));
        out.put("count", items.size());
        out.put("hasMore", false);
        out.put("items", items);
        out.put("offset", 0);
        out.put("totalResults", items.size());
        return SimResponse.of(200, COLLECTION_TYPE, write(out));
      }
      int index;
      try {
        index = s.length >= 3 && s[1].equals("task") ? Integer.parseInt(s[2]) : -1;
      } catch (NumberFormatException e) {
        index = -1;
      }
      if (index < 1 || index > job.tasks.size()) {
        return error(404, "NONEXISTENT_ID", "The task does not exist.", null);
      }
      Task task = job.tasks.get(index - 1);
      if (s.length == 3) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("completed", done);
        if (done) {
          out.put("startTime", task.start());
          out.put("endTime", task.end());
        }
        out.put("id", String.valueOf(index));
        out.put("progress", !done ? "pending" : task.succeeded() ? "succeeded" : "failed");
        out.put("links", List.of(link("related", self + "/task/" + index + "/result")));
        return SimResponse.of(200, RECORD_TYPE, write(out));
      }
      if (s.length == 4 && s[3].equals("result")) {
        return done ? task.response() : error(404, "NONEXISTENT_ID", "The task has not finished yet.", null);
      }
      return error(404, "NONEXISTENT_ID", "The requested resource " + request.path() + " does not exist.", null);
    }
  }

  private static SimResponse conflict(String originalJob) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("detail", "A request with the same idempotency key is already submitted. See the Location header for the"
        + " original job.");
    d.put("o:errorCode", "IDEMPOTENCY_ERROR");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10");
    out.put("title", "Conflict");
    out.put("status", 400);
    out.put("o:errorDetails", List.of(d));
    return SimResponse.of(400, ERROR_TYPE, write(out)).withHeader("Location", originalJob);
  }

  @Override
  protected SimResponse errorBody(int status) {
    return switch (status) {
      case 400 -> error(400, "INVALID_CONTENT", "Error while accessing resource: simulated fault.", null);
      case 401 -> error(401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL, null);
      case 403 -> error(403, "INSUFFICIENT_PERMISSION", "Permission Violation: simulated fault.", null);
      case 404 -> error(404, "NONEXISTENT_ID", "The record instance does not exist.", null);
      case 429 -> error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.",
          null);
      default -> error(status, "UNEXPECTED_ERROR", "An unexpected error occurred. Error ID: simulated-fault", null);
    };
  }

  private SimResponse create(SimRequest request, String type) {
    Map<String, Object> body;
    try {
      body = parseBody(request);
    } catch (InvalidContent e) {
      return e.response;
    }
    String key = typeKey(type);
    synchronized (storeLock) {
      rememberType(type);
      body.remove("id");
      Optional<SimResponse> invalid = validate(request, key, body, null);
      if (invalid.isPresent()) {
        return invalid.get();
      }
      Object ext = body.get("externalId");
      if (ext != null && externalIds.getOrDefault(key, Map.of()).containsKey(String.valueOf(ext))) {
        return error(400, "USER_ERROR", "A record with the external ID " + ext + " already exists.", "externalId");
      }
      String id = String.valueOf(idCounter.incrementAndGet());
      insert(key, id, body);
      return SimResponse.noContent(Map.of("Location", selfHref(key, id)));
    }
  }

  private SimResponse upsert(SimRequest request, String type, String idSegment) {
    if (!idSegment.startsWith("eid:")) {
      return error(405, "INVALID_REQUEST", "PUT is supported only with an external id (eid:).", null);
    }
    String ext = idSegment.substring(4);
    if (!EXTERNAL_ID.matcher(ext).matches()) {
      return error(400, "INVALID_CONTENT", "Invalid externalId " + ext + ".", "externalId");
    }
    Map<String, Object> body;
    try {
      body = parseBody(request);
    } catch (InvalidContent e) {
      return e.response;
    }
    if (body.containsKey("id")) {
      return error(400, "INVALID_CONTENT",
          "Error while accessing resource: The request body of an upsert must not contain the id.", "id");
    }
    String key = typeKey(type);
    synchronized (storeLock) {
      rememberType(type);
      body.put("externalId", ext);
      String existingId = externalIds.getOrDefault(key, Map.of()).get(ext);
      Map<String, Object> existing = existingId == null ? null : store.get(key).get(existingId);
      Optional<SimResponse> invalid = validate(request, key, body, existing);
      if (invalid.isPresent()) {
        return invalid.get();
      }
      if (existing == null) {
        insert(key, String.valueOf(idCounter.incrementAndGet()), body);
      } else {
        merge(key, existing, body, replaceParam(request));
      }
      return SimResponse.noContent(Map.of());
    }
  }

  private SimResponse patch(SimRequest request, String type, String idSegment) {
    Map<String, Object> body;
    try {
      body = parseBody(request);
    } catch (InvalidContent e) {
      return e.response;
    }
    String key = typeKey(type);
    synchronized (storeLock) {
      Map<String, Object> row = find(key, idSegment);
      if (row == null) {
        return notFound(type, idSegment);
      }
      Optional<SimResponse> invalid = validate(request, key, body, row);
      if (invalid.isPresent()) {
        return invalid.get();
      }
      merge(key, row, body, replaceParam(request));
      return SimResponse.noContent(Map.of());
    }
  }

  private SimResponse delete(String type, String idSegment) {
    String key = typeKey(type);
    synchronized (storeLock) {
      Map<String, Object> row = find(key, idSegment);
      if (row == null) {
        return notFound(type, idSegment);
      }
      store.get(key).remove(String.valueOf(row.get("id")));
      Object ext = row.get("externalId");
      if (ext != null) {
        externalIds.getOrDefault(key, new HashMap<>()).remove(String.valueOf(ext));
      }
      return SimResponse.noContent(Map.of());
    }
  }

  private SimResponse get(SimRequest request, String type, String idSegment) {
    String key = typeKey(type);
    synchronized (storeLock) {
      Map<String, Object> row = find(key, idSegment);
      if (row == null) {
        return notFound(type, idSegment);
      }
      Set<String> only = request.queryParam("fields")
          .map(f -> new LinkedHashSet<>(Arrays.asList(f.split(","))))
          .orElse(null);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("links", List.of(link("self", selfHref(key, String.valueOf(row.get("id"))))));
      boolean expand = request.queryParam("expandSubResources").map(Boolean::parseBoolean).orElse(false);
      String self = selfHref(key, String.valueOf(row.get("id")));
      row.forEach((k, v) -> {
        if (only == null || only.contains(k) || k.equals("id")) {
          out.put(k, isSublist(v) ? renderSublist(self + "/" + k, v, expand) : render(k, v));
        }
      });
      return SimResponse.of(200, RECORD_TYPE, write(out));
    }
  }

  private SimResponse list(SimRequest request, String type) {
    String key = typeKey(type);
    int limit = request.queryParam("limit").map(Integer::parseInt).orElse(1000);
    int offset = request.queryParam("offset").map(Integer::parseInt).orElse(0);
    synchronized (storeLock) {
      List<String> ids = new ArrayList<>(store.getOrDefault(key, Map.of()).keySet());
      List<Map<String, Object>> items = new ArrayList<>();
      for (String id : ids.subList(Math.min(offset, ids.size()), Math.min(ids.size(), offset + limit))) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("links", List.of(link("self", selfHref(key, id))));
        item.put("id", id);
        items.add(item);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("links", List.of(link("self", baseUri() + RECORD_ROOT + typeName(key))));
      out.put("count", items.size());
      out.put("hasMore", offset + items.size() < ids.size());
      out.put("items", items);
      out.put("offset", offset);
      out.put("totalResults", ids.size());
      return SimResponse.of(200, COLLECTION_TYPE, write(out));
    }
  }

  /** Caller holds storeLock. */
  private @Nullable Map<String, Object> find(String key, String idSegment) {
    String id = idSegment;
    if (idSegment.startsWith("eid:")) {
      id = externalIds.getOrDefault(key, Map.of()).get(idSegment.substring(4));
      if (id == null) {
        return null;
      }
    }
    return store.getOrDefault(key, Map.of()).get(id);
  }

  /** Caller holds storeLock. Validates a create (existing null) or an update of {@code existing}. */
  private Optional<SimResponse> validate(SimRequest request, String key, Map<String, Object> body,
      @Nullable Map<String, Object> existing) {
    boolean strict = request.header("X-NetSuite-PropertyNameValidation").map(v -> v.equalsIgnoreCase("Error"))
        .orElse(false);
    Set<String> known = KNOWN_FIELDS.get(key);
    if (strict && known != null) {
      for (String name : body.keySet()) {
        if (!known.contains(name) && !name.startsWith("custentity") && !name.startsWith("custbody")
            && !name.equals("id")) {
          return Optional.of(error(400, "INVALID_CONTENT",
              "Error while accessing resource: Invalid field name: " + name + ".", name));
        }
      }
    }
    Object ext = body.get("externalId");
    if (ext != null && !EXTERNAL_ID.matcher(String.valueOf(ext)).matches()) {
      return Optional.of(error(400, "INVALID_CONTENT", "Invalid externalId " + ext + ".", "externalId"));
    }
    Object parent = body.get("parent");
    if (parent instanceof Map<?, ?> ref) {
      Object target = ref.get("id");
      boolean exists;
      if (target != null) {
        exists = store.getOrDefault("customer", Map.of()).containsKey(String.valueOf(target));
      } else {
        Object refExt = ref.get("externalId");
        target = refExt;
        String resolved = refExt == null ? null : externalIds.getOrDefault("customer", Map.of()).get(String.valueOf(refExt));
        exists = resolved != null;
        if (exists) {
          body.put("parent", Map.of("id", resolved));
        }
      }
      if (!exists) {
        return Optional.of(error(400, "INVALID_CONTENT", "Error while accessing resource: You have entered an"
            + " Invalid Field Value " + target + " for the following field: parent", "parent"));
      }
    }
    if (key.equals("salesorder")) {
      Optional<SimResponse> order = validateOrder(body, existing);
      if (order.isPresent()) {
        return order;
      }
    }
    if (key.equals("customer")) {
      Map<String, Object> merged = new LinkedHashMap<>(existing == null ? Map.of() : existing);
      body.forEach((k, v) -> {
        if (v == null) {
          merged.remove(k);
        } else {
          merged.put(k, v);
        }
      });
      boolean person = Boolean.TRUE.equals(merged.get("isPerson")) || "true".equals(String.valueOf(merged.get("isPerson")));
      if (person && isBlank(merged.get("lastName"))) {
        return Optional.of(error(400, "USER_ERROR", "Please enter value(s) for: Last Name", "lastName"));
      }
      if (!person && isBlank(merged.get("companyName"))) {
        return Optional.of(error(400, "USER_ERROR", "Please enter value(s) for: Company Name", "companyName"));
      }
    }
    return Optional.empty();
  }

  /** Caller holds storeLock. A sales order needs a known customer and, per line, a known item (and tax code). */
  private Optional<SimResponse> validateOrder(Map<String, Object> body, @Nullable Map<String, Object> existing) {
    Object entity = body.get("entity");
    String entityId = entity instanceof Map<?, ?> m && m.get("id") != null ? String.valueOf(m.get("id")) : null;
    if (entityId == null && (existing == null || body.containsKey("entity"))) {
      return Optional.of(error(400, "USER_ERROR", "Please enter value(s) for: Customer", "entity"));
    }
    if (entityId != null && !store.getOrDefault("customer", Map.of()).containsKey(entityId)) {
      return Optional.of(error(400, "INVALID_CONTENT", "Error while accessing resource: You have entered an Invalid"
          + " Field Value " + entityId + " for the following field: entity", "entity"));
    }
    Object sublist = body.get("item");
    if (!isSublist(sublist)) {
      return existing == null
          ? Optional.of(error(400, "USER_ERROR", "You must enter at least one line item for this transaction.", "item"))
          : Optional.empty();
    }
    List<?> lines = (List<?>) ((Map<?, ?>) sublist).get("items");
    for (int i = 0; i < lines.size(); i++) {
      Map<?, ?> line = lines.get(i) instanceof Map<?, ?> l ? l : Map.of();
      Object item = line.get("item");
      String itemId = item instanceof Map<?, ?> m && m.get("id") != null ? String.valueOf(m.get("id")) : null;
      boolean known = itemId != null && ITEM_TYPES.stream()
          .anyMatch(t -> store.getOrDefault(t, Map.of()).containsKey(itemId));
      if (!known) {
        return Optional.of(error(400, "INVALID_CONTENT", "Error while accessing resource: You have entered an"
            + " Invalid Field Value " + itemId + " for the following field: item", "item.items[" + i + "].item"));
      }
      if (requireTaxCode && !(line.get("taxCode") instanceof Map<?, ?>)) {
        return Optional.of(error(400, "INVALID_CONTENT", "Error while accessing resource: Please enter value(s) for:"
            + " Tax Code", "item.items[" + i + "].taxCode"));
      }
    }
    return Optional.empty();
  }

  private static boolean isBlank(@Nullable Object v) {
    return v == null || String.valueOf(v).isBlank();
  }

  /** As in recorded payloads (§7): links only, or with {@code expandSubResources} links, items, totalResults. */
  private Map<String, Object> renderSublist(String href, Object sublist, boolean expand) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("links", List.of(link("self", href)));
    if (expand) {
      List<Object> items = new ArrayList<>();
      for (Object line : (List<?>) ((Map<?, ?>) sublist).get("items")) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        ((Map<?, ?>) line).forEach((k, v) -> rendered.put(String.valueOf(k), render(String.valueOf(k), v)));
        items.add(rendered);
      }
      out.put("items", items);
      out.put("totalResults", items.size());
    }
    return out;
  }

  private Object render(String field, @Nullable Object value) {
    if (value instanceof Map<?, ?> m && m.containsKey("id") && !m.containsKey("items")) {
      String id = String.valueOf(m.get("id"));
      String refType = REFERENCE_TYPES.getOrDefault(field, field);
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("links", List.of(link("self", baseUri() + RECORD_ROOT + refType + "/" + id)));
      ref.put("id", id);
      ref.put("refName", refName(refType, id, m.get("refName")));
      return ref;
    }
    return value == null ? "" : value;
  }

  /** Caller holds storeLock. */
  private String refName(String refType, String id, @Nullable Object given) {
    Map<String, Object> target = store.getOrDefault(typeKey(refType), Map.of()).get(id);
    if (target != null) {
      for (String f : List.of("companyName", "entityId", "tranId", "name", "itemId", "lastName")) {
        if (target.get(f) != null) {
          return String.valueOf(target.get(f));
        }
      }
    }
    return given != null ? String.valueOf(given) : id;
  }

  private SimResponse notFound(String type, String idSegment) {
    return error(404, "NONEXISTENT_ID", "The record instance does not exist. Provide a valid record instance ID"
        + " (" + type + "/" + idSegment + ").", null);
  }

  private String selfHref(String key, String id) {
    return baseUri() + RECORD_ROOT + typeName(key) + "/" + id;
  }

  private String typeName(String key) {
    synchronized (storeLock) {
      return typeNames.getOrDefault(key, key);
    }
  }

  /** Caller holds storeLock. */
  private void rememberType(String type) {
    typeNames.putIfAbsent(typeKey(type), type);
  }

  private static Map<String, Object> link(String rel, String href) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("rel", rel);
    l.put("href", href);
    return l;
  }

  private static Map<String, Object> parseBody(SimRequest request) throws InvalidContent {
    if (request.body().isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Map<String, Object> body = JSON.readValue(request.body(), new TypeReference<LinkedHashMap<String, Object>>() {});
      return body == null ? new LinkedHashMap<>() : body;
    } catch (JsonProcessingException e) {
      throw new InvalidContent(error(400, "INVALID_CONTENT",
          "Error while accessing resource: Invalid JSON in the request body.", null));
    }
  }

  /** A bad request body, carrying the response to send. */
  private static final class InvalidContent extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SimResponse response;

    InvalidContent(SimResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  private static SimResponse error(int status, String code, String detail, @Nullable String path) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("detail", detail);
    d.put("o:errorCode", code);
    if (path != null) {
      d.put("o:errorPath", path);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", typeUrl(status));
    out.put("title", title(status));
    out.put("status", status);
    out.put("o:errorDetails", List.of(d));
    return SimResponse.of(status, ERROR_TYPE, write(out));
  }

  private static String typeUrl(int status) {
    return switch (status) {
      case 400 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1";
      case 401 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2";
      case 403 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.4";
      case 404 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5";
      case 405 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.6";
      case 429 -> "https://tools.ietf.org/html/rfc6585#section-4";
      case 502 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.3";
      case 503 -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.4";
      default -> "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1";
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static Map<String, String> names(String... names) {
    Map<String, String> out = new HashMap<>();
    for (String n : names) {
      out.put(n.toLowerCase(Locale.ROOT), n);
    }
    return out;
  }

  private static Set<String> fields(String... names) {
    return Set.of(names);
  }

  @Override
  public String toString() {
    return "NetSuiteSimulator[" + accountId + "]";
  }

  /** Builds a {@link NetSuiteSimulator}. Not thread-safe; the built simulator is. */
  public static final class Builder {
    private String accountId = "1234567_SB1";
    private Clock clock = Clock.systemUTC();
    private Duration timestampSkew = Duration.ofMinutes(5);
    private int concurrencyLimit = 15;
    private Duration latency = Duration.ZERO;
    private ZoneId timeZone = ZoneId.of("America/Los_Angeles");
    private boolean requireTaxCode;
    private int pollsUntilComplete = 1;

    private Builder() {}

    /** Processing time of every admitted request, during which it holds a concurrency slot (default none). */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("negative latency");
      }
      this.latency = latency;
      return this;
    }

    /** The account time zone SuiteQL shows and compares date-times in (default America/Los_Angeles). */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    /** Whether every sales order line needs a {@code taxCode} (legacy tax accounts outside the US); default no. */
    public Builder requireTaxCode(boolean requireTaxCode) {
      this.requireTaxCode = requireTaxCode;
      return this;
    }

    /** How many polls of an async job answer {@code pending} before it reports completion (default 1). */
    public Builder pollsUntilComplete(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("polls must be >= 0");
      }
      this.pollsUntilComplete = polls;
      return this;
    }

    /** The account id (default {@code 1234567_SB1}); the OAuth realm must be its upper-case form. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** The clock for TBA timestamp checks and record dates. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far {@code oauth_timestamp} may be from the clock (default 5 minutes). */
    public Builder timestampSkew(Duration timestampSkew) {
      this.timestampSkew = Objects.requireNonNull(timestampSkew, "timestampSkew");
      return this;
    }

    /** Requests allowed in flight before 429 CONCURRENCY_LIMIT_EXCEEDED (default 15). */
    public Builder concurrencyLimit(int concurrencyLimit) {
      if (concurrencyLimit < 1) {
        throw new IllegalArgumentException("concurrencyLimit must be positive");
      }
      this.concurrencyLimit = concurrencyLimit;
      return this;
    }

    /** A new simulator, not yet started ({@code baseUri()} and {@code start()} start it). */
    public NetSuiteSimulator build() {
      return new NetSuiteSimulator(this);
    }
  }
}
