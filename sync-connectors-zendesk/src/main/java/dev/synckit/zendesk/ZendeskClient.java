package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A client of the Zendesk Support API for one account. Every request goes through core's {@link PlatformHttp}
 * (credentials, correlation id, classification, one renewal of a refused OAuth token, and the configured
 * {@link ZendeskConfig#resilience() per-platform pipeline}) after the connector's
 * limiters: the plan's requests per minute, and separately the incremental-export limit. A 429 pauses every
 * request of this client until its {@code Retry-After} has elapsed and the call is sent again, up to
 * {@link ZendeskConfig#maxRateLimitRetries()} times; other failures reach the caller classified. Quota headers
 * ({@code X-Rate-Limit-Remaining}, {@code ratelimit-remaining}) go to the configured quota observer, and an
 * exhausted window holds requests back until its reset.
 *
 * <p>Thread-safe: share one instance per account.
 */
public final class ZendeskClient {

    private static final String API = "/api/v2/";
    private static final int MAX_BULK = 100;

    private final ZendeskConfig config;
    private final ZendeskAuthenticator authenticator;
    private final PlatformHttp http;
    private final RequestLimiter limiter;
    private final RequestLimiter incrementalLimiter;
    private final LongAdder rateLimited = new LongAdder();

    private ZendeskClient(ZendeskConfig config) {
        this.config = config;
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        PlatformHttp tokenHttp = PlatformHttp.builder(SourceSystem.ZENDESK,
                        r -> ZendeskAuthenticator.classifyTokenError(r, config.clock()))
                .httpClient(jdk).requestTimeout(config.requestTimeout())
                .correlationHeader(config.correlationHeader()).build();
        this.authenticator = new ZendeskAuthenticator(config, tokenHttp);
        this.http = PlatformHttp.builder(SourceSystem.ZENDESK, new ZendeskErrorClassifier(config.clock()))
                .httpClient(jdk)
                .requestTimeout(config.requestTimeout())
                .authenticator(authenticator)
                .observer(this::observe)
                .correlationHeader(config.correlationHeader())
                .resilience(config.resilience())
                .build();
        this.limiter = new RequestLimiter("requests per minute", config.requestsPerMinute(), config.clock(),
                config.sleeper());
        this.incrementalLimiter = new RequestLimiter("incremental exports per minute",
                config.incrementalExportsPerMinute(), config.clock(), config.sleeper());
    }

    /** A client for one account. No request is sent until the first call. */
    public static ZendeskClient create(ZendeskConfig config) {
        return new ZendeskClient(Objects.requireNonNull(config, "config"));
    }

    public ZendeskConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------ organizations and users

    /** {@code POST /organizations/create_or_update}: matched on {@code id} or {@code external_id}, never on name. */
    public UpsertResult createOrUpdateOrganization(ObjectNode organization) {
        return upsert("organizations/create_or_update", "organization", organization);
    }

    /** {@code POST /users/create_or_update}: matched on {@code external_id} (case-insensitively) or e-mail. */
    public UpsertResult createOrUpdateUser(ObjectNode user) {
        return upsert("users/create_or_update", "user", user);
    }

    /** {@code POST /organizations/create_many} (1 to 100 organizations): a queued job. */
    public JobStatus createManyOrganizations(List<ObjectNode> organizations) {
        return job("POST", "organizations/create_many", "organizations", organizations);
    }

    /** {@code PUT /organizations/update_many} with one body per organization, each carrying its {@code id}. */
    public JobStatus updateManyOrganizations(List<ObjectNode> organizations) {
        for (ObjectNode o : organizations) {
            if (!o.hasNonNull("id")) {
                throw new IllegalArgumentException("every organization of update_many needs its id");
            }
        }
        return job("PUT", "organizations/update_many", "organizations", organizations);
    }

    /**
     * {@code POST /users/create_or_update_many} (1 to 100 users): a queued job. Zendesk answers 403 unless bulk
     * imports are enabled for the account.
     */
    public JobStatus createOrUpdateManyUsers(List<ObjectNode> users) {
        return job("POST", "users/create_or_update_many", "users", users);
    }

    /** {@code GET /job_statuses/{id}}. */
    public JobStatus jobStatus(String id) {
        Objects.requireNonNull(id, "id");
        return JobStatus.parse(Json.parse(get(uri("job_statuses/" + UrlEncoding.rfc3986(id)), false))
                .path("job_status"));
    }

    /** {@code GET /job_statuses/show_many?ids=...}: several jobs in one request. */
    public List<JobStatus> jobStatuses(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringJoiner joined = new StringJoiner(",");
        ids.forEach(id -> joined.add(UrlEncoding.rfc3986(id)));
        List<JobStatus> out = new ArrayList<>();
        for (JsonNode n : Json.parse(get(uri("job_statuses/show_many?ids=" + joined), false)).path("job_statuses")) {
            out.add(JobStatus.parse(n));
        }
        return out;
    }

    /** {@code GET /organizations/show_many?external_ids=...} (at most 100): the organizations that exist. */
    public List<ObjectNode> organizationsByExternalIds(Collection<String> externalIds) {
        if (externalIds.size() > MAX_BULK) {
            throw new IllegalArgumentException("show_many takes at most 100 external ids");
        }
        if (externalIds.isEmpty()) {
            return List.of();
        }
        StringJoiner joined = new StringJoiner(",");
        externalIds.forEach(id -> joined.add(UrlEncoding.rfc3986(id)));
        return objects(Json.parse(get(uri("organizations/show_many?external_ids=" + joined), false)),
                "organizations");
    }

    /** {@code GET /organizations/search?external_id=}: the organization with this external id, if any. */
    public Optional<ObjectNode> findOrganizationByExternalId(String externalId) {
        List<ObjectNode> found = objects(Json.parse(get(uri("organizations/search?external_id="
                + UrlEncoding.rfc3986(externalId)), false)), "organizations");
        return found.stream().findFirst();
    }

    // ------------------------------------------------------------------------------ tickets

    /**
     * {@code POST /tickets} with an {@code Idempotency-Key}: a repeat with the same key and body returns the first
     * ticket instead of creating another, for as long as Zendesk keeps the key.
     *
     * @return the ticket, and whether this call created it (false when Zendesk replayed an earlier answer)
     */
    public UpsertResult createTicket(ObjectNode ticket, String idempotencyKey) {
        Objects.requireNonNull(ticket, "ticket");
        requireKey(idempotencyKey);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("ticket", ticket);
        HttpResult result = send(HttpCall.json("POST", uri("tickets"), Json.write(body))
                .withHeader("Idempotency-Key", idempotencyKey), false);
        ObjectNode created = object(Json.parse(result), "ticket", result);
        boolean replayed = result.header("x-idempotency-lookup").map(v -> v.equalsIgnoreCase("hit")).orElse(false);
        return new UpsertResult(created.path("id").asLong(), !replayed, created);
    }

    /**
     * Creates a ticket at most once for the journal entry {@code key} stands for. While Zendesk still remembers the
     * key ({@code age} below {@link ZendeskConfig#idempotencyKeyRetention()}) the key alone protects; after that a
     * ticket carrying an {@code external_id} is first looked up by it and returned if it exists.
     *
     * @param age how long ago the first attempt may have been made (e.g. now minus the envelope's occurred-at)
     */
    public UpsertResult createTicketOnce(ObjectNode ticket, String idempotencyKey, Duration age) {
        Objects.requireNonNull(age, "age");
        String externalId = ticket.path("external_id").asText("");
        if (!externalId.isEmpty() && age.compareTo(config.idempotencyKeyRetention()) >= 0) {
            List<ObjectNode> existing = findTicketsByExternalId(externalId);
            if (!existing.isEmpty()) {
                return new UpsertResult(existing.get(0).path("id").asLong(), false, existing.get(0));
            }
        }
        return createTicket(ticket, idempotencyKey);
    }

    /**
     * The Idempotency-Key of the ticket create a journal entry causes: derived from its event id only (never the
     * attempt), so every retry of the entry sends the same key.
     */
    public static String ticketIdempotencyKey(dev.synckit.core.Envelope cause) {
        return "synckit-" + Objects.requireNonNull(cause, "cause").eventId() + "-ticket-create";
    }

    /** {@code GET /tickets/{id}}; empty when there is none. */
    public Optional<ObjectNode> getTicket(long id) {
        HttpResult result = send(HttpCall.json("GET", uri("tickets/" + id), null).accepting(404), false);
        return result.status() == 404 ? Optional.empty() : Optional.of(object(Json.parse(result), "ticket", result));
    }

    /** {@code GET /tickets?external_id=}: every ticket with this external id (Zendesk does not make it unique). */
    public List<ObjectNode> findTicketsByExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return objects(Json.parse(get(uri("tickets?external_id=" + UrlEncoding.rfc3986(externalId)), false)),
                "tickets");
    }

    /**
     * {@code PUT /tickets/{id}} with {@code safe_update} and {@code updated_stamp}: Zendesk refuses (409) when the
     * ticket changed since {@code updatedStamp}. On a 409 the ticket is read again and the update sent once more
     * with the fresh stamp; a second 409 is thrown as {@link ConflictException}.
     *
     * @param changes ticket fields: {@code status}, {@code tags}, {@code custom_fields}, {@code comment}
     *     ({@code {"body", "public"}}), {@code external_id}...
     * @param updatedStamp the {@code updated_at} the changes were based on
     */
    public ObjectNode updateTicket(long id, ObjectNode changes, String updatedStamp) {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(updatedStamp, "updatedStamp");
        try {
            return putTicket(id, changes, updatedStamp);
        } catch (ConflictException first) {
            ObjectNode fresh = getTicket(id).orElseThrow(() -> first);
            return putTicket(id, changes, fresh.path("updated_at").asText(""));
        }
    }

    private ObjectNode putTicket(long id, ObjectNode changes, String stamp) {
        ObjectNode ticket = changes.deepCopy();
        ticket.put("safe_update", true);
        ticket.put("updated_stamp", stamp);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("ticket", ticket);
        HttpResult result = send(HttpCall.json("PUT", uri("tickets/" + id), Json.write(body)), false);
        return object(Json.parse(result), "ticket", result);
    }

    // ------------------------------------------------------------------------------ reads

    /**
     * One page of a cursor-paginated list ({@code GET /{resource}?page[size]=N&page[after]=cursor}).
     *
     * @param resource {@code organizations}, {@code users} or {@code tickets}
     * @param after the previous page's after cursor, or {@code null} for the first page
     * @param pageSize 1 to 100
     */
    public CursorPage listPage(String resource, @Nullable String after, int pageSize) {
        requireResource(resource);
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be 1 to 100, was " + pageSize);
        }
        String q = "page%5Bsize%5D=" + pageSize + (after == null ? "" : "&page%5Bafter%5D=" + UrlEncoding.rfc3986(after));
        JsonNode root = Json.parse(get(uri(resource + "?" + q), false));
        JsonNode meta = root.path("meta");
        return new CursorPage(objects(root, resource), meta.path("after_cursor").isTextual()
                ? meta.get("after_cursor").asText() : null, meta.path("has_more").asBoolean(false));
    }

    /**
     * One page of the cursor-based incremental export of tickets or users. Counts against the incremental-export
     * limit as well as the plan's.
     *
     * @param cursor the stored {@code after_cursor}, or {@code null} to start at {@code startTime}
     * @param startTime epoch seconds, at least one minute in the past (first call only)
     */
    public CursorPage incrementalCursorPage(String resource, @Nullable String cursor, long startTime) {
        return incrementalCursorPage(resource, cursor, startTime, 0);
    }

    /**
     * One page of a cursor-based incremental export with {@code per_page} (1 to 1000; 0 leaves it to Zendesk, which
     * sends up to 1000).
     */
    public CursorPage incrementalCursorPage(String resource, @Nullable String cursor, long startTime, int perPage) {
        if (!resource.equals("tickets") && !resource.equals("users")) {
            throw new IllegalArgumentException("cursor exports exist for tickets and users, not " + resource);
        }
        if (perPage < 0 || perPage > 1000) {
            throw new IllegalArgumentException("perPage must be 0 (default) or 1 to 1000, was " + perPage);
        }
        String q = (cursor != null ? "cursor=" + UrlEncoding.rfc3986(cursor) : "start_time=" + startTime)
                + (perPage > 0 ? "&per_page=" + perPage : "");
        JsonNode root = Json.parse(get(uri("incremental/" + resource + "/cursor?" + q), true));
        return new CursorPage(objects(root, resource), root.path("after_cursor").isTextual()
                ? root.get("after_cursor").asText() : cursor, !root.path("end_of_stream").asBoolean(true));
    }

    /** One page of the time-based incremental export of organizations. */
    public TimeBasedPage incrementalOrganizations(long startTime, int perPage) {
        if (perPage < 1 || perPage > 1000) {
            throw new IllegalArgumentException("perPage must be 1 to 1000, was " + perPage);
        }
        JsonNode root = Json.parse(get(uri("incremental/organizations?start_time=" + startTime + "&per_page="
                + perPage), true));
        return new TimeBasedPage(objects(root, "organizations"), root.path("end_time").asLong(startTime),
                root.path("end_of_stream").asBoolean(true));
    }

    // ------------------------------------------------------------------------------ counters

    /** Requests sent so far (each attempt counts; token requests do not). */
    public long requestCount() {
        return http.requestCount();
    }

    /** 429 answers received so far. */
    public long rateLimitedCount() {
        return rateLimited.sum();
    }

    /** Client-credentials tokens fetched so far. */
    public long tokenFetchCount() {
        return authenticator.tokenFetches();
    }

    /** Requests in the last 60 seconds, as the limiter counts them. */
    public int requestsInLastMinute() {
        return limiter.inWindow();
    }

    @Override
    public String toString() {
        return "ZendeskClient[" + config.baseUri() + "]";
    }

    // ------------------------------------------------------------------------------ plumbing

    private UpsertResult upsert(String path, String member, ObjectNode record) {
        Objects.requireNonNull(record, member);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set(member, record);
        HttpResult result = send(HttpCall.json("POST", uri(path), Json.write(body)), false);
        ObjectNode node = object(Json.parse(result), member, result);
        return new UpsertResult(node.path("id").asLong(), result.status() == 201, node);
    }

    private JobStatus job(String method, String path, String member, List<ObjectNode> items) {
        Objects.requireNonNull(items, member);
        if (items.isEmpty() || items.size() > MAX_BULK) {
            throw new IllegalArgumentException(path + " takes 1 to 100 items, got " + items.size());
        }
        ObjectNode body = Json.mapper().createObjectNode();
        items.forEach(body.putArray(member)::add);
        HttpResult result = send(HttpCall.json(method, uri(path), Json.write(body)), false);
        JsonNode status = Json.parse(result).path("job_status");
        if (!status.isObject()) {
            throw malformed(result, "job_status");
        }
        return JobStatus.parse(status);
    }

    private HttpResult get(URI uri, boolean incremental) {
        return send(HttpCall.json("GET", uri, null), incremental);
    }

    /** Sends after the limiters allow it; rides out 429s by waiting exactly their Retry-After. */
    HttpResult send(HttpCall call, boolean incremental) {
        int attempt = 0;
        while (true) {
            if (incremental) {
                incrementalLimiter.acquire();
            }
            limiter.acquire();
            try {
                return http.send(call);
            } catch (RateLimitedException e) {
                rateLimited.increment();
                Duration wait = e.retryAfter().orElse(Duration.ofSeconds(60));
                Instant until = config.clock().instant().plus(wait);
                boolean exportLimit = incremental && e.getMessage().toLowerCase(Locale.ROOT).contains("incremental");
                (exportLimit ? incrementalLimiter : limiter).pauseUntil(until);
                if (attempt++ >= config.maxRateLimitRetries()) {
                    throw e;
                }
            }
        }
    }

    private void observe(HttpResult result) {
        Optional<Long> remaining = longHeader(result, "X-Rate-Limit-Remaining")
                .or(() -> longHeader(result, "ratelimit-remaining"));
        if (remaining.isEmpty()) {
            return;
        }
        long limit = longHeader(result, "X-Rate-Limit").or(() -> longHeader(result, "ratelimit-limit"))
                .orElse((long) config.requestsPerMinute());
        Instant now = config.clock().instant();
        Instant reset = longHeader(result, "ratelimit-reset").map(now::plusSeconds).orElse(null);
        try {
            config.quotaObserver().onReading(new QuotaReading(SourceSystem.ZENDESK, "requests-per-minute",
                    Math.max(0, limit - remaining.get()), limit, reset, now));
        } catch (RuntimeException e) {
            // an observer must not throw; if one does, the request still succeeded
        }
        if (remaining.get() <= 0 && reset != null && result.status() != 429) {
            limiter.pauseUntil(reset);
        }
    }

    private static Optional<Long> longHeader(HttpResult result, String name) {
        try {
            return result.header(name).map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(config.baseUri() + API + pathAndQuery);
    }

    private static List<ObjectNode> objects(JsonNode root, String member) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode n : root.path(member)) {
            if (n.isObject()) {
                out.add((ObjectNode) n);
            }
        }
        return out;
    }

    private static ObjectNode object(JsonNode root, String member, HttpResult result) {
        JsonNode n = root.get(member);
        if (n == null || !n.isObject()) {
            throw malformed(result, member);
        }
        return (ObjectNode) n;
    }

    private static TransientException malformed(HttpResult result, String member) {
        return new TransientException("the answer to " + result.describe() + " lacks the " + member + " object",
                ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(result.status())
                        .withPlatformCode("MALFORMED_RESPONSE"));
    }

    private static void requireResource(String resource) {
        if (!List.of("organizations", "users", "tickets").contains(resource)) {
            throw new IllegalArgumentException("not a listable resource: " + resource);
        }
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "idempotencyKey");
        if (key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("an Idempotency-Key is 1 to 255 characters");
        }
    }
}
