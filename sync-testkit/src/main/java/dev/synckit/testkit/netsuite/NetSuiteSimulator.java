package dev.synckit.testkit.netsuite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.synckit.testkit.PlatformSimulator;
import dev.synckit.testkit.SimRequest;
import dev.synckit.testkit.SimResponse;
import java.time.Clock;
import java.time.Duration;
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
          "altName", "fax"),
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

  private final String accountId;
  private final int concurrencyLimit;
  private final TbaVerifier verifier;
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
    this.verifier = new TbaVerifier(accountId.toUpperCase(Locale.ROOT), builder.clock, builder.timestampSkew);
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
        row.put(k, normalizeRef(v));
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
  private void merge(String key, Map<String, Object> row, Map<String, Object> body) {
    Object oldExt = row.get("externalId");
    body.forEach((k, v) -> {
      if (k.equals("id")) {
        return;
      }
      if (v == null) {
        row.remove(k);
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
    if (inFlight() > concurrencyLimit) {
      return error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.", null);
    }
    Optional<String> failure = verifier.verify(request);
    if (failure.isPresent()) {
      authFailures.add(failure.get());
      return error(401, "INVALID_LOGIN", INVALID_LOGIN_DETAIL, null);
    }
    if (!request.path().startsWith(RECORD_ROOT)) {
      return error(404, "NONEXISTENT_ID", "The requested resource " + request.path() + " does not exist.", null);
    }
    String[] segments = request.path().substring(RECORD_ROOT.length()).split("/", -1);
    if (segments.length == 1 && !segments[0].isEmpty()) {
      return switch (request.method()) {
        case "POST" -> create(request, segments[0]);
        case "GET" -> list(request, segments[0]);
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
        merge(key, existing, body);
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
      merge(key, row, body);
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
      row.forEach((k, v) -> {
        if (only == null || only.contains(k) || k.equals("id")) {
          out.put(k, render(k, v));
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

  private static boolean isBlank(@Nullable Object v) {
    return v == null || String.valueOf(v).isBlank();
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

    private Builder() {}

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
