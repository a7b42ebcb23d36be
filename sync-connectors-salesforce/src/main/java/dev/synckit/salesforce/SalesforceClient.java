package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.BearerAuthenticator;
import dev.synckit.core.auth.TokenCache;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.UrlEncoding;
import dev.synckit.core.resilience.QuotaReading;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Salesforce REST client: obtains and caches an access token, runs SOQL page by page, classifies
 * failures and tracks the daily API usage Salesforce reports. Every request goes through core's
 * {@link PlatformHttp}, which renews the token once on {@code INVALID_SESSION_ID} and retries once; other
 * retries are the caller's (the engine's) business.
 *
 * <p>Thread-safe: one instance per org, shared by all threads.
 */
public final class SalesforceClient {

    /** The most records one sObject Collections call takes. */
    public static final int MAX_COLLECTION_SIZE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceClient.class);
    private static final Pattern API_BURSTS = Pattern.compile("(?<![\\w-])api-bursts=(\\d+)/(\\d+)");

    private final SalesforceConfig config;
    private final TokenCache<SalesforceToken> tokens;
    private final PlatformHttp http;
    private final PlatformHttp tokenHttp;
    private final AtomicReference<@Nullable ApiUsage> lastApiUsage = new AtomicReference<>();
    /** Until when no data call is sent because the daily quota is exhausted; null when calls may go. */
    private final AtomicReference<@Nullable Instant> pausedUntil = new AtomicReference<>();
    private final AtomicReference<@Nullable RateLimitedException> pauseCause = new AtomicReference<>();

    private SalesforceClient(SalesforceConfig config) {
        this.config = config;
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        PlatformHttp.Builder tokenBuilder = PlatformHttp.builder(SourceSystem.SALESFORCE, OAuthTokenClient::classify)
                .httpClient(jdk).requestTimeout(config.requestTimeout())
                .correlationHeader(config.correlationHeader());
        config.tokenResilience().ifPresent(tokenBuilder::resilience);
        this.tokenHttp = tokenBuilder.build();
        OAuthTokenClient oauth = new OAuthTokenClient(config, tokenHttp);
        // Salesforce gives no expiry: the token is kept until a 401 says otherwise
        this.tokens = new TokenCache<>(oauth::fetch, config.clock(), Duration.ZERO);
        PlatformHttp.Builder dataBuilder = PlatformHttp.builder(SourceSystem.SALESFORCE,
                        new SalesforceErrorClassifier(config.dailyQuotaRetryAfter()))
                .httpClient(jdk)
                .requestTimeout(config.requestTimeout())
                .authenticator(new BearerAuthenticator(tokens))
                .observer(this::observe)
                .correlationHeader(config.correlationHeader());
        config.resilience().ifPresent(dataBuilder::resilience);
        this.http = dataBuilder.build();
    }

    /** A client for one org. No request is sent until the first call. */
    public static SalesforceClient create(SalesforceConfig config) {
        return new SalesforceClient(Objects.requireNonNull(config, "config"));
    }

    public SalesforceConfig config() {
        return config;
    }

    /**
     * Runs a SOQL query ({@code GET /query}), one batch per stream element: the next batch is fetched only
     * when the stream reaches it, following {@code nextRecordsUrl}, so the result never sits in memory whole.
     * The stream is sequential and can be consumed once.
     *
     * @throws dev.synckit.core.failure.SyncException classified, from the first batch or whichever batch failed
     */
    public Stream<SObjectPage> query(String soql) {
        return pages("query", soql);
    }

    /** Like {@link #query} but through {@code /queryAll}: soft-deleted ({@code IsDeleted = true}) and archived rows too. */
    public Stream<SObjectPage> queryAll(String soql) {
        return pages("queryAll", soql);
    }

    /** What the last response's {@code Sforce-Limit-Info} header said about the daily API quota. */
    public Optional<ApiUsage> lastApiUsage() {
        return Optional.ofNullable(lastApiUsage.get());
    }

    /** Requests sent to the data API so far (each attempt counts; token requests do not). */
    public long requestCount() {
        return http.requestCount();
    }

    /** Token requests sent so far. */
    public long tokenRequestCount() {
        return tokenHttp.requestCount();
    }

    @Override
    public String toString() {
        return "SalesforceClient[" + config.loginUrl() + ", " + config.apiVersion() + "]";
    }

    private void observe(HttpResult result) {
        Optional<String> info = result.header("Sforce-Limit-Info");
        if (info.isEmpty()) {
            return;
        }
        Instant now = config.clock().instant();
        Matcher bursts = API_BURSTS.matcher(info.get());
        if (bursts.find()) {
            try {
                report(new QuotaReading(SourceSystem.SALESFORCE, SalesforceConfig.API_BURSTS,
                        Long.parseLong(bursts.group(1)), Long.parseLong(bursts.group(2)), null, now));
            } catch (NumberFormatException e) {
                LOG.debug("ignoring an api-bursts reading beyond a long");
            }
        }
        // the daily reading comes last, so an observer that keeps the latest reading keeps the daily one
        ApiUsage.parse(info.get()).ifPresent(usage -> {
            lastApiUsage.set(usage);
            report(new QuotaReading(SourceSystem.SALESFORCE, SalesforceConfig.DAILY_API_USAGE, usage.used(),
                    usage.limit(), null, now));
        });
    }

    private void report(QuotaReading reading) {
        try {
            config.quotaObserver().onReading(reading);
        } catch (RuntimeException e) {
            // an observer must not throw; if it does, the response still counts
            LOG.warn("quota observer failed on {}", reading.quota(), e);
        }
    }

    /**
     * Sends a data call unless the daily quota was found exhausted less than
     * {@link SalesforceConfig#dailyQuotaRetryAfter()} ago: then it fails at once with the same
     * {@link RateLimitedException} (retry-after = the time left), so a backlog does not burn calls that Salesforce
     * would refuse anyway.
     */
    private HttpResult send(HttpCall call) {
        Instant until = pausedUntil.get();
        Instant now = config.clock().instant();
        if (until != null) {
            RateLimitedException cause = pauseCause.get();
            if (now.isBefore(until) && cause != null) {
                Duration left = Duration.between(now, until);
                throw new RateLimitedException("not sent: " + cause.reason() + " (paused until " + until + ")",
                        cause.details().withRetryAfter(left));
            }
            pausedUntil.compareAndSet(until, null);
        }
        try {
            return http.send(call);
        } catch (RateLimitedException e) {
            if ("REQUEST_LIMIT_EXCEEDED".equals(e.details().platformCode()) && e.retryAfter().isPresent()) {
                pauseCause.set(e);
                pausedUntil.set(now.plus(e.retryAfter().get()));
                LOG.warn("Salesforce daily API quota exhausted; no calls until {}", pausedUntil.get());
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * Upserts one record by external id ({@code PATCH /sobjects/{type}/{field}/{value}}). A 201 means created,
     * 200 updated; a legacy 204 (no body) means updated, and the Id is then read with one
     * {@code GET} by the same external id.
     *
     * @throws dev.synckit.core.failure.ConflictException when several records have this external id (HTTP 300)
     * @throws dev.synckit.core.failure.SyncException classified, for every other failure
     */
    public UpsertResult upsert(SObjectUpsert record) {
        Objects.requireNonNull(record, "record");
        URI uri = URI.create(instance() + externalIdPath(record));
        HttpResult result = send(HttpCall.json("PATCH", uri, Json.write(record.fields())));
        if (result.status() == 204 || result.body().isBlank()) {
            return new UpsertResult(idByExternalId(record), false);
        }
        JsonNode body = Json.parse(result);
        JsonNode id = body.path("id");
        if (!id.isTextual()) {
            throw malformed(result, "upsert answer lacks id");
        }
        JsonNode created = body.path("created");
        return new UpsertResult(id.asText(), created.isBoolean() ? created.asBoolean()
                : result.status() == 201 ? Boolean.TRUE : null);
    }

    private String idByExternalId(SObjectUpsert record) {
        URI uri = URI.create(instance() + externalIdPath(record) + "?fields=Id");
        HttpResult result = send(HttpCall.json("GET", uri, null));
        JsonNode id = Json.parse(result).path("Id");
        if (!id.isTextual()) {
            throw malformed(result, "record read by external id lacks Id");
        }
        return id.asText();
    }

    private String externalIdPath(SObjectUpsert record) {
        return "/services/data/" + config.apiVersion() + "/sobjects/" + UrlEncoding.rfc3986(record.type()) + "/"
                + UrlEncoding.rfc3986(record.externalIdField()) + "/" + UrlEncoding.rfc3986(record.externalId());
    }

    /**
     * Upserts up to {@value #MAX_COLLECTION_SIZE} records of one type by one External ID field in one call
     * ({@code PATCH /composite/sobjects/{type}/{field}}, one API call however many records). The request body is
     * a function of the records alone (same records, same bytes).
     *
     * @param allOrNone whether one failure rolls all back (then the others carry
     *     {@code ALL_OR_NONE_OPERATION_ROLLED_BACK}, see {@link CollectionResult#causes()})
     * @return one result per record, in input order
     * @throws dev.synckit.core.failure.SyncException classified, when the whole request failed (HTTP 400 for a
     *     malformed body or an unknown field, 401, 403, 5xx ...)
     */
    public List<CollectionResult> upsertCollection(List<SObjectUpsert> records, boolean allOrNone) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty() || records.size() > MAX_COLLECTION_SIZE) {
            throw new IllegalArgumentException("a collection upsert takes 1.." + MAX_COLLECTION_SIZE + " records, not "
                    + records.size());
        }
        SObjectUpsert first = records.get(0);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("allOrNone", allOrNone);
        ArrayNode array = body.putArray("records");
        for (SObjectUpsert r : records) {
            if (!r.type().equals(first.type()) || !r.externalIdField().equals(first.externalIdField())) {
                throw new IllegalArgumentException("a collection upsert takes one type and one external id field: "
                        + first.type() + "." + first.externalIdField() + " and " + r.type() + "." + r.externalIdField());
            }
            ObjectNode node = array.addObject();
            node.putObject("attributes").put("type", r.type());
            node.put(r.externalIdField(), r.externalId());
            node.setAll(r.fields());
        }
        URI uri = URI.create(instance() + "/services/data/" + config.apiVersion() + "/composite/sobjects/"
                + UrlEncoding.rfc3986(first.type()) + "/" + UrlEncoding.rfc3986(first.externalIdField()));
        HttpResult result = send(HttpCall.json("PATCH", uri, Json.write(body)));
        JsonNode answer = Json.parse(result);
        if (!answer.isArray() || answer.size() != records.size()) {
            throw malformed(result, "expected " + records.size() + " results, got "
                    + (answer.isArray() ? answer.size() + "" : "a JSON " + answer.getNodeType()));
        }
        List<CollectionResult> out = new ArrayList<>(records.size());
        for (JsonNode r : answer) {
            out.add(collectionResult(r));
        }
        return out;
    }

    private static CollectionResult collectionResult(JsonNode r) {
        boolean success = r.path("success").asBoolean(false);
        JsonNode id = r.path("id");
        List<RecordError> errors = new ArrayList<>();
        for (JsonNode e : r.path("errors")) {
            List<String> fields = new ArrayList<>();
            e.path("fields").forEach(f -> fields.add(f.asText()));
            String code = e.path("statusCode").asText(e.path("errorCode").asText("UNKNOWN"));
            errors.add(new RecordError(code, e.path("message").asText(""), fields));
        }
        JsonNode created = r.path("created");
        boolean ok = success && id.isTextual();
        return new CollectionResult(id.isTextual() ? id.asText() : null, ok,
                created.isBoolean() ? created.asBoolean() : null, errors);
    }

    // ------------------------------------------------------------------------------------------ replication

    /**
     * getDeleted: the records of {@code type} deleted in {@code [start, end)} (minute resolution; at most about
     * 15 days back). Start the next window at {@link DeletedRecords#latestDateCovered()}.
     */
    public DeletedRecords getDeleted(String type, Instant start, Instant end) {
        JsonNode body = replication(type, "deleted", start, end);
        List<DeletedRecords.Deletion> deletions = new ArrayList<>();
        for (JsonNode d : body.path("deletedRecords")) {
            deletions.add(new DeletedRecords.Deletion(d.path("id").asText(),
                    SalesforceDateTimes.parse(d.path("deletedDate").asText())));
        }
        return new DeletedRecords(deletions, SalesforceDateTimes.parse(body.path("earliestDateAvailable").asText()),
                SalesforceDateTimes.parse(body.path("latestDateCovered").asText()));
    }

    /** getUpdated: the Ids of records of {@code type} changed in {@code [start, end)} (minute resolution, 30 days). */
    public UpdatedRecords getUpdated(String type, Instant start, Instant end) {
        JsonNode body = replication(type, "updated", start, end);
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(id -> ids.add(id.asText()));
        return new UpdatedRecords(ids, SalesforceDateTimes.parse(body.path("latestDateCovered").asText()));
    }

    private JsonNode replication(String type, String which, Instant start, Instant end) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end: " + start + ", " + end);
        }
        URI uri = URI.create(instance() + "/services/data/" + config.apiVersion() + "/sobjects/"
                + UrlEncoding.rfc3986(type) + "/" + which + "/?start="
                + UrlEncoding.rfc3986(SalesforceDateTimes.isoOffset(start)) + "&end="
                + UrlEncoding.rfc3986(SalesforceDateTimes.isoOffset(end)));
        HttpResult result = send(HttpCall.json("GET", uri, null));
        JsonNode body = Json.parse(result);
        try {
            SalesforceDateTimes.parse(body.path("latestDateCovered").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw malformed(result, "latestDateCovered is not a datetime");
        }
        return body;
    }

    private URI instance() {
        return tokens.get().instanceUrl();
    }

    private static TransientException malformed(HttpResult result, String why) {
        return new TransientException("malformed response of " + result.describe() + ": " + why,
                ErrorDetails.of(SourceSystem.SALESFORCE).withHttpStatus(result.status())
                        .withPlatformCode("MALFORMED_RESPONSE"));
    }

    private Stream<SObjectPage> pages(String resource, String soql) {
        Objects.requireNonNull(soql, "soql");
        if (soql.isBlank()) {
            throw new IllegalArgumentException("soql must not be blank");
        }
        String first = "/services/data/" + config.apiVersion() + "/" + resource + "?q=" + UrlEncoding.rfc3986(soql);
        return StreamSupport.stream(new PageSpliterator(first), false);
    }

    private HttpCall get(String pathAndQuery) {
        URI uri = URI.create(tokens.get().instanceUrl() + pathAndQuery);
        HttpCall call = HttpCall.json("GET", uri, null);
        return config.queryBatchSize().map(n -> call.withHeader("Sforce-Query-Options", "batchSize=" + n))
                .orElse(call);
    }

    /** Fetches one batch per advance; holds only the next URL. */
    private final class PageSpliterator extends Spliterators.AbstractSpliterator<SObjectPage> {
        private @Nullable String next;

        PageSpliterator(String first) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.next = first;
        }

        @Override
        public boolean tryAdvance(Consumer<? super SObjectPage> action) {
            String url = next;
            if (url == null) {
                return false;
            }
            HttpResult result = send(get(url));
            JsonNode body = Json.parse(result);
            JsonNode records = body.path("records");
            boolean done = body.path("done").asBoolean(true);
            JsonNode nextUrl = body.path("nextRecordsUrl");
            if (!records.isArray() || (!done && !nextUrl.isTextual())) {
                throw new TransientException("query response of " + result.describe()
                        + " lacks records or nextRecordsUrl", ErrorDetails.of(SourceSystem.SALESFORCE)
                        .withHttpStatus(result.status()).withPlatformCode("MALFORMED_RESPONSE"));
            }
            List<JsonNode> rows = new ArrayList<>(records.size());
            records.forEach(rows::add);
            next = done ? null : nextUrl.asText();
            action.accept(new SObjectPage(body.path("totalSize").asLong(rows.size()), done, rows));
            return true;
        }
    }
}
