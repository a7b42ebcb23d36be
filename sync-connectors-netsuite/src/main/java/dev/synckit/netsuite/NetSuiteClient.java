package dev.synckit.netsuite;

import dev.synckit.core.resilience.Sleeper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.auth.BearerAuthenticator;
import dev.synckit.core.auth.TokenCache;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of NetSuite SuiteTalk REST record services for one account, every request signed with
 * token-based authentication. Failures arrive classified as {@link dev.synckit.core.failure.SyncException}
 * subclasses. Without {@link NetSuiteConfig#resilience()} this class does not retry (the engine does); with it, every
 * request passes core's Failsafe pipeline inside the account bulkhead. Thread-safe: share one instance per account.
 */
public final class NetSuiteClient {

    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteClient.class);
    private static final String RECORD_ROOT = "/services/rest/record/v1/";
    private static final Pattern RECORD_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern INTERNAL_ID = Pattern.compile("[0-9]+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private static final String QUERY_PATH = "/services/rest/query/v1/suiteql";
    private static final Pattern ORDER_BY = Pattern.compile("(?is).*\\border\\s+by\\b.*");
    private static final int MAX_PAGE = 1000;
    /** Most records of one type in one asynchronous batch (platform-apis §2.6). */
    public static final int MAX_ASYNC_BATCH = 100;
    /** Most SKU → item id entries {@link #findItemIdBySku} keeps per client (least recently used go first). */
    public static final int ITEM_CACHE_SIZE = 10_000;
    private static final int MAX_SKU_LENGTH = 250;

    private final NetSuiteConfig config;
    private final PlatformHttp http;
    private final NetSuiteErrorClassifier classifier;
    private final AccountBulkhead bulkhead;
    private final @Nullable TokenCache<M2mTokens.Token> tokens;
    private final Sleeper sleeper;
    private final Map<String, String> itemIdsBySku = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > ITEM_CACHE_SIZE;
        }
    };

    private NetSuiteClient(NetSuiteConfig config, PlatformHttp http, NetSuiteErrorClassifier classifier,
            @Nullable TokenCache<M2mTokens.Token> tokens, Sleeper sleeper) {
        this.config = config;
        this.http = http;
        this.classifier = classifier;
        this.bulkhead = AccountBulkhead.of(config);
        this.tokens = tokens;
        this.sleeper = sleeper;
    }

    /** A client for the configured account. */
    public static NetSuiteClient create(NetSuiteConfig config) {
        return create(config, Sleeper.system());
    }

    /** A client that waits between async job polls with {@code sleeper}. */
    public static NetSuiteClient create(NetSuiteConfig config, Sleeper sleeper) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sleeper, "sleeper");
        NetSuiteErrorClassifier classifier = new NetSuiteErrorClassifier(config.clock());
        PlatformHttp.Builder http = PlatformHttp.builder(SourceSystem.NETSUITE, classifier)
                .requestTimeout(config.requestTimeout());
        config.resilience().ifPresent(http::resilience);
        TokenCache<M2mTokens.Token> tokens = null;
        if (config.m2mCredentials().isPresent()) {
            PlatformHttp tokenHttp = PlatformHttp.builder(SourceSystem.NETSUITE, classifier)
                    .requestTimeout(config.requestTimeout()).build();
            tokens = new TokenCache<>(new M2mTokens(config, config.m2mCredentials().get(), tokenHttp), config.clock(),
                    M2mTokens.RENEW_BEFORE);
            http.authenticator(new BearerAuthenticator(tokens));
        } else {
            http.authenticator(TbaSigner.from(config));
        }
        return new NetSuiteClient(config, http.build(), classifier, tokens, sleeper);
    }

    /** How many M2M access tokens this client fetched (0 with TBA). */
    public long tokenFetches() {
        return tokens == null ? 0 : tokens.fetchCount();
    }

    /** The concurrency slots of the account's bulkhead free right now (for metrics and tests). */
    public int availableConcurrency() {
        return bulkhead.available();
    }

    /**
     * Every request goes through here: inside the account's bulkhead, and a 401 that took longer than
     * {@link NetSuiteConfig#slowUnauthorizedThreshold()} is retried once, as NetSuite sometimes reports concurrency
     * overload that way (platform-apis §2.8). A quick 401 is a real refusal.
     */
    private HttpResult send(HttpCall call) {
        return bulkhead.call(() -> {
            long start = System.nanoTime();
            try {
                return http.send(call);
            } catch (UnauthorizedException e) {
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(config.slowUnauthorizedThreshold()) < 0) {
                    throw e;
                }
                LOG.debug("slow 401 from {}: retrying once as likely concurrency overload", call);
                return http.send(call);
            }
        });
    }

    public NetSuiteConfig config() {
        return config;
    }

    /**
     * Creates or updates the record with this external id ({@code PUT /record/v1/{type}/eid:{externalId}}). The
     * response does not say which happened, nor the internal id: use {@link #getByExternalId} to learn it.
     *
     * @param body the fields to set; must not carry {@code id}, and an {@code externalId} in it must equal
     *     {@code externalId}
     * @throws RejectedException before any request when the external id is invalid or the body carries an id
     */
    public void upsertByExternalId(String type, String externalId, ObjectNode body) {
        requireType(type);
        ExternalIds.require(externalId);
        Objects.requireNonNull(body, "body");
        if (body.has("id")) {
            throw new RejectedException("the body of an upsert by external id must not carry an id",
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INVALID_CONTENT").withField("id"));
        }
        JsonNode bodyExternalId = body.get("externalId");
        if (bodyExternalId != null && !bodyExternalId.isNull() && !externalId.equals(bodyExternalId.asText())) {
            throw new RejectedException("the body's externalId differs from the upsert key " + externalId,
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INVALID_CONTENT").withField("externalId"));
        }
        send(write("PUT", withReplace(recordUri(type, "eid:" + externalId, null), sublists(body)), body));
    }

    /**
     * Reads a record by external id ({@code GET /record/v1/{type}/eid:{externalId}}); empty when there is none.
     * References come back as {@code {"id", "refName", "links"}} objects.
     *
     * @param fields the fields to read (NetSuite always adds {@code id}); none means all
     */
    public Optional<ObjectNode> getByExternalId(String type, String externalId, String... fields) {
        requireType(type);
        ExternalIds.require(externalId);
        return read(recordUri(type, "eid:" + externalId, fields));
    }

    /** Reads a record by internal id ({@code GET /record/v1/{type}/{id}}); empty when there is none. */
    public Optional<ObjectNode> get(String type, String internalId, String... fields) {
        requireType(type);
        requireInternalId(internalId);
        return read(recordUri(type, internalId, fields));
    }

    /**
     * Creates a record ({@code POST /record/v1/{type}}) and returns its internal id, read from the
     * {@code Location} header. Not idempotent: a retry after a lost response creates a second record, so prefer
     * {@link #upsertByExternalId} for synchronised records.
     *
     * @throws ConflictException with code {@code MISSING_LOCATION} when NetSuite accepted the record but did not
     *     say where it is (the record may exist: look it up before creating again)
     */
    public String create(String type, ObjectNode body) {
        requireType(type);
        Objects.requireNonNull(body, "body");
        HttpResult result = send(write("POST", recordUri(type, null, null), body));
        String location = result.header("Location").orElse("");
        String path = location.isEmpty() ? "" : URI.create(location).getRawPath();
        String id = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!INTERNAL_ID.matcher(id).matches()) {
            throw new ConflictException("NetSuite accepted " + result.describe() + " (status " + result.status()
                    + ") but its Location header names no record id",
                    ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(result.status())
                            .withPlatformCode("MISSING_LOCATION"));
        }
        return id;
    }

    /**
     * Updates fields of a record ({@code PATCH /record/v1/{type}/{id}}, 204). Sublists in the body replace the
     * record's sublists ({@code ?replace=name}); without that NetSuite would append their lines.
     */
    public void update(String type, String internalId, ObjectNode body) {
        requireType(type);
        requireInternalId(internalId);
        Objects.requireNonNull(body, "body");
        send(write("PATCH", withReplace(recordUri(type, internalId, null), sublists(body)), body));
    }

    /** Reads a record by internal id with its sublists and subrecords inline ({@code expandSubResources=true}). */
    public Optional<ObjectNode> getExpanded(String type, String internalId) {
        requireType(type);
        requireInternalId(internalId);
        return read(URI.create(recordUri(type, internalId, null) + "?expandSubResources=true"));
    }

    // ------------------------------------------------------------------------------------------ SuiteQL

    /**
     * Runs one page of a SuiteQL query ({@code POST /query/v1/suiteql?limit&offset}, {@code Prefer: transient}).
     *
     * @param query a SELECT that orders by a unique key (else pages may repeat or skip rows)
     * @param limit rows per page, 1 to 1,000
     * @throws IllegalArgumentException when the query has no ORDER BY
     */
    public SuiteQlPage suiteQl(String query, int limit, int offset) {
        Objects.requireNonNull(query, "query");
        if (!ORDER_BY.matcher(query).matches()) {
            throw new IllegalArgumentException("a paged SuiteQL query must ORDER BY a unique key");
        }
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw new IllegalArgumentException("limit must be 1 to 1000 and offset >= 0");
        }
        URI uri = URI.create(config.baseUri() + QUERY_PATH + "?limit=" + limit + "&offset=" + offset);
        ObjectNode body = Json.mapper().createObjectNode().put("q", query);
        HttpResult result = send(HttpCall.json("POST", uri, Json.write(body)).withHeader("Prefer", "transient"));
        JsonNode page = Json.parse(result);
        List<SuiteQlRow> rows = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            Map<String, String> values = new LinkedHashMap<>();
            item.properties().forEach(e -> {
                if (!e.getKey().equals("links") && e.getValue().isValueNode() && !e.getValue().isNull()) {
                    values.put(e.getKey(), e.getValue().asText());
                }
            });
            rows.add(new SuiteQlRow(values));
        }
        return new SuiteQlPage(rows, page.path("offset").asInt(offset), page.path("hasMore").asBoolean(false),
                page.path("totalResults").asLong(rows.size()));
    }

    /**
     * Streams a SuiteQL result page by page: each page is fetched when the iterator reaches it, so memory stays
     * bounded by one page whatever the result size. Not thread-safe (one consumer).
     */
    public Iterator<SuiteQlPage> suiteQlPages(String query, int pageSize) {
        suiteQlCheck(query, pageSize);
        return new Iterator<>() {
            private int offset;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                return more;
            }

            @Override
            public SuiteQlPage next() {
                if (!more) {
                    throw new java.util.NoSuchElementException();
                }
                SuiteQlPage page = suiteQl(query, pageSize, offset);
                offset += pageSize;
                more = page.hasMore() && !page.rows().isEmpty();
                return page;
            }
        };
    }

    /**
     * The internal id of the item whose SKU ({@code itemid}, "Item Name/Number") is exactly {@code sku}:
     * {@code SELECT id, itemid FROM item WHERE itemid = '…' ORDER BY id}, the lowest id when several match. Found ids
     * are cached per client (at most {@link #ITEM_CACHE_SIZE}, least recently used dropped first); an unknown SKU
     * is not cached, so an item created later is found on the next call. Usable as an {@link ItemResolver}
     * ({@code client::findItemIdBySku}).
     *
     * @return the item's internal id, or empty when NetSuite has no item with this SKU
     * @throws IllegalArgumentException before any request when the SKU is blank, longer than 250 characters or
     *     contains control characters
     */
    public Optional<String> findItemIdBySku(String sku) {
        Objects.requireNonNull(sku, "sku");
        if (sku.isBlank() || sku.length() > MAX_SKU_LENGTH || sku.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a SKU is 1 to " + MAX_SKU_LENGTH
                    + " characters without control characters");
        }
        synchronized (itemIdsBySku) {
            String cached = itemIdsBySku.get(sku);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        SuiteQlPage page = suiteQl("SELECT id, itemid FROM item WHERE itemid = " + suiteQlLiteral(sku)
                + " ORDER BY id", 2, 0);
        if (page.rows().size() > 1) {
            LOG.warn("{} items have the SKU {}; using the lowest internal id", page.totalResults(), sku);
        }
        Optional<String> id = page.rows().stream().findFirst().flatMap(r -> r.string("id"));
        id.ifPresent(found -> {
            synchronized (itemIdsBySku) {
                itemIdsBySku.put(sku, found);
            }
        });
        return id;
    }

    /** How many SKUs {@link #findItemIdBySku} has cached (for metrics and tests). */
    public int cachedItemCount() {
        synchronized (itemIdsBySku) {
            return itemIdsBySku.size();
        }
    }

    /** A SuiteQL (Oracle) string literal: quoted, with every {@code '} doubled. */
    static String suiteQlLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void suiteQlCheck(String query, int pageSize) {
        Objects.requireNonNull(query, "query");
        if (!ORDER_BY.matcher(query).matches()) {
            throw new IllegalArgumentException("a paged SuiteQL query must ORDER BY a unique key");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("pageSize must be 1 to 1000");
        }
    }

    // ------------------------------------------------------------------------------------------ async

    /**
     * Upserts up to 100 records of one type in one asynchronous batch ({@code PUT /record/v1/{type}},
     * {@code Prefer: respond-async}, {@code X-NetSuite-Idempotency-Key}), waits for the job and returns one result
     * per record, in input order. A resend with the same key that NetSuite refuses as {@code IDEMPOTENCY_ERROR}
     * follows {@code Location} to the original job and returns its results, so a lost acknowledgement never
     * writes twice.
     *
     * @param idempotencyKey the same for a resend of the same records (see {@link IdempotencyKeys})
     * @throws dev.synckit.core.failure.SyncException when the batch as a whole failed or the job did not finish
     */
    public List<BatchItemResult> upsertBatch(String type, List<NetSuiteRecord> records, UUID idempotencyKey) {
        URI job = submitUpsertBatch(type, records, idempotencyKey);
        return batchResults(job, records);
    }

    /** Submits an async batch upsert and returns the job's URI (the original job's for a repeated key). */
    public URI submitUpsertBatch(String type, List<NetSuiteRecord> records, UUID idempotencyKey) {
        requireType(type);
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (records.isEmpty() || records.size() > MAX_ASYNC_BATCH) {
            throw new IllegalArgumentException("an async batch has 1 to " + MAX_ASYNC_BATCH + " records, was "
                    + records.size());
        }
        ArrayNode items = Json.mapper().createArrayNode();
        Set<String> sublists = new TreeSet<>();
        for (NetSuiteRecord r : records) {
            if (!r.type().equalsIgnoreCase(type)) {
                throw new IllegalArgumentException("a batch holds records of one type: " + r.type() + " is not " + type);
            }
            ObjectNode body = r.body();
            ExternalIds.require(r.externalId());
            body.remove("id");
            body.put("externalId", r.externalId());
            sublists.addAll(sublists(body));
            items.add(body);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("items", items);
        HttpCall call = write("PUT", withReplace(recordUri(type, null, null), sublists), body)
                .withHeader("Prefer", "respond-async")
                .withHeader("X-NetSuite-Idempotency-Key", idempotencyKey.toString())
                .accepting(400);
        HttpResult result = send(call);
        if (result.status() == 400) {
            if (!isIdempotencyError(result)) {
                throw classifier.classify(result);
            }
            LOG.debug("idempotency key already used: following Location to the original job");
        }
        return result.header("Location").map(l -> config.baseUri().resolve(l)).orElseThrow(() ->
                new TransientException(result.describe() + " (status " + result.status()
                        + ") names no job in its Location header", ErrorDetails.of(SourceSystem.NETSUITE)
                        .withHttpStatus(result.status()).withPlatformCode("MISSING_LOCATION")));
    }

    private static boolean isIdempotencyError(HttpResult result) {
        try {
            JsonNode root = Json.mapper().readTree(result.body());
            if (root == null) {
                return false;
            }
            for (JsonNode d : root.path("o:errorDetails")) {
                if ("IDEMPOTENCY_ERROR".equals(d.path("o:errorCode").asText())) {
                    return true;
                }
            }
            return "IDEMPOTENCY_ERROR".equals(root.path("o:errorCode").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Polls a job until it completes (at most {@link NetSuiteConfig#asyncMaxPolls()} times) and reads each task's
     * result, matched to {@code records} by position.
     */
    public List<BatchItemResult> batchResults(URI job, List<NetSuiteRecord> records) {
        Objects.requireNonNull(job, "job");
        awaitJob(job);
        JsonNode tasks = Json.parse(send(HttpCall.json("GET", URI.create(job + "/task"), null)));
        List<BatchItemResult> out = new ArrayList<>(records.size());
        int i = 0;
        for (JsonNode task : tasks.path("items")) {
            if (i >= records.size()) {
                break;
            }
            String externalId = records.get(i++).externalId();
            HttpResult r = send(HttpCall.json("GET", URI.create(job + "/task/" + task.path("id").asText() + "/result"),
                    null).accepting(400, 401, 403, 404, 409, 429, 500, 502, 503));
            if (r.isSuccess()) {
                out.add(new BatchItemResult(externalId, idFromLocation(r).orElse(null), null));
            } else {
                out.add(new BatchItemResult(externalId, null, classifier.classify(r).withRecordId(externalId)));
            }
        }
        while (i < records.size()) {
            String externalId = records.get(i++).externalId();
            out.add(new BatchItemResult(externalId, null, new TransientException("the job has no task for record "
                    + externalId, ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("MISSING_TASK")
                    .withRecordId(externalId))));
        }
        return out;
    }

    /** Polls {@code GET /async/v1/job/{id}} until {@code completed}. */
    public void awaitJob(URI job) {
        for (int poll = 0; poll < config.asyncMaxPolls(); poll++) {
            JsonNode status = Json.parse(send(HttpCall.json("GET", job, null)));
            if (status.path("completed").asBoolean(false)) {
                return;
            }
            try {
                sleeper.sleep(config.asyncPollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException("interrupted while waiting for NetSuite job " + job.getRawPath(),
                        ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INTERRUPTED"), e);
            }
        }
        throw new TransientException("NetSuite job " + job.getRawPath() + " did not complete after "
                + config.asyncMaxPolls() + " polls", ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("JOB_PENDING"));
    }

    /**
     * Reads the account's concurrency limit from {@code /system/v1/governanceLimits} (administrators only), to size
     * {@link NetSuiteConfig.Builder#concurrencyLimit} from.
     */
    public OptionalInt readConcurrencyLimit() {
        JsonNode limits = Json.parse(send(HttpCall.json("GET",
                URI.create(config.baseUri() + "/services/rest/system/v1/governanceLimits"), null)));
        JsonNode limit = limits.path("accountConcurrencyLimit");
        return limit.canConvertToInt() ? OptionalInt.of(limit.asInt()) : OptionalInt.empty();
    }

    private static Optional<String> idFromLocation(HttpResult result) {
        String location = result.header("Location").orElse("");
        String path = location.isEmpty() ? "" : URI.create(location).getRawPath();
        String id = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return INTERNAL_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** The names of the sublists in a body: fields whose value is {@code {"items": [...]}}. */
    static Set<String> sublists(ObjectNode body) {
        Set<String> out = new TreeSet<>();
        body.properties().forEach(e -> {
            if (e.getValue().isObject() && e.getValue().path("items").isArray()) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    private static URI withReplace(URI uri, Set<String> sublists) {
        if (sublists.isEmpty()) {
            return uri;
        }
        StringJoiner names = new StringJoiner(",");
        sublists.forEach(n -> names.add(UrlEncoding.rfc3986(n)));
        return URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "replace=" + names);
    }

    private static void requireInternalId(String internalId) {
        Objects.requireNonNull(internalId, "internalId");
        if (!INTERNAL_ID.matcher(internalId).matches()) {
            throw new IllegalArgumentException("a NetSuite internal id is digits only, was " + internalId);
        }
    }

    /** Requests sent so far, each attempt counted. */
    public long requestCount() {
        return http.requestCount();
    }

    private Optional<ObjectNode> read(URI uri) {
        HttpResult result = send(HttpCall.json("GET", uri, null).accepting(404));
        if (result.status() == 404) {
            return Optional.empty();
        }
        JsonNode node = Json.parse(result);
        if (!node.isObject()) {
            throw new TransientException("expected a record object from " + result.describe() + " but got "
                    + node.getNodeType(), ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(result.status())
                    .withPlatformCode("MALFORMED_RESPONSE"));
        }
        return Optional.of((ObjectNode) node);
    }

    private HttpCall write(String method, URI uri, ObjectNode body) {
        return HttpCall.json(method, uri, Json.write(body))
                .withHeader("X-NetSuite-PropertyNameValidation", config.propertyNameValidation().headerValue());
    }

    private URI recordUri(String type, @Nullable String idSegment, String @Nullable [] fields) {
        StringBuilder b = new StringBuilder(config.baseUri().toString()).append(RECORD_ROOT).append(type);
        if (idSegment != null) {
            b.append('/').append(idSegment);
        }
        if (fields != null && fields.length > 0) {
            StringJoiner joined = new StringJoiner(",");
            for (String f : fields) {
                Objects.requireNonNull(f, "field");
                if (!FIELD.matcher(f).matches()) {
                    throw new IllegalArgumentException("not a NetSuite field name: " + f);
                }
                joined.add(UrlEncoding.rfc3986(f));
            }
            b.append("?fields=").append(joined);
        }
        return URI.create(b.toString());
    }

    private static void requireType(String type) {
        Objects.requireNonNull(type, "type");
        if (!RECORD_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("not a NetSuite record type: " + type);
        }
    }

    @Override
    public String toString() {
        return "NetSuiteClient[account=" + config.accountId() + ", baseUri=" + config.baseUri() + "]";
    }
}
