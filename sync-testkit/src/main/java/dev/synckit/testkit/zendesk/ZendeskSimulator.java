package dev.synckit.testkit.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.testkit.PlatformSimulator;
import dev.synckit.testkit.SimRequest;
import dev.synckit.testkit.SimResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A stateful simulator of the Zendesk Support API, written from platform-apis §3 and Zendesk's OpenAPI
 * (organizations, users, tickets, job statuses, incremental exports).
 *
 * <ul>
 *   <li><b>Auth</b>: {@code Basic base64(email/token:TOKEN)} for {@linkplain #registerApiToken registered tokens},
 *       {@code Bearer} for {@linkplain #issueAccessToken issued} or client-credentials tokens from
 *       {@code POST /oauth/tokens} (JSON body); anything else is 401 {@code {"error":"Couldn't authenticate you"}}.
 *   <li><b>Limits</b>: a per-minute window (by the clock's minute) of {@code requestsPerMinute} requests, a second
 *       window of {@code incrementalPerMinute} for {@code /incremental/}, each over answered with 429 and
 *       {@code Retry-After} in seconds; {@code X-Rate-Limit*} and {@code ratelimit-*} headers on every answer;
 *       at most {@code maxJobs} queued or working jobs (429 {@code TooManyJobs}).
 *   <li><b>Jobs</b> stay {@code queued} for {@code jobQueuedFor}, {@code working} for {@code jobWorkingFor}, then
 *       complete; their items are applied at completion. Users' {@code create_or_update_many} results come back
 *       failures first, without {@code index} on successes, so clients must key on {@code external_id}/email.
 *   <li><b>Tickets</b>: {@code Idempotency-Key} on creates (same key, same body: the first answer again with
 *       {@code x-idempotency-lookup: hit}; other body: 400), {@code safe_update} + {@code updated_stamp} (409 on
 *       a stale stamp), closed tickets refuse updates (422). {@code updated_at} strictly increases per ticket.
 *   <li><b>Reads</b>: cursor pagination ({@code page[size]} ≤ 100, {@code meta.has_more}, {@code links.next}
 *       still set on the last page as in real recordings); cursor exports of tickets (by
 *       {@code generated_timestamp}) and users; the time-based organization export, whose pages overlap at
 *       the boundary second.
 * </ul>
 *
 * <p>Thread-safe: one lock guards the state; requests are served one at a time.
 */
public final class ZendeskSimulator extends PlatformSimulator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/api/v2/";
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private final String subdomain;
  private final int requestsPerMinute;
  private final int incrementalPerMinute;
  private final int maxJobs;
  private final Duration jobQueuedFor;
  private final Duration jobWorkingFor;
  private final Duration tokenLifetime;
  private final Duration idempotencyRetention;
  private final HttpClient webhookClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Object lock = new Object();
  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<String, String> apiTokens = new HashMap<>();
  private final Map<String, String> oauthClients = new HashMap<>();
  private final Map<String, Instant> bearerTokens = new HashMap<>();
  private final Store organizations = new Store("organization", "name");
  private final Store users = new Store("user", "email");
  private final Store tickets = new Store("ticket", null);
  private final Map<Long, List<ObjectNode>> comments = new HashMap<>();
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<String, Idempotent> idempotency = new HashMap<>();
  private final List<String> authFailures = new ArrayList<>();
  private boolean bulkUserImports = true;
  private int failNextJobs;
  private long windowMinute = -1;
  private int windowCount;
  private long incrementalMinute = -1;
  private int incrementalCount;
  private @Nullable Instant throttledUntil;
  private long tooManyRequests;
  private long jobsSubmitted;
  private int maxJobsInFlight;
  private long tokensIssued;

  private ZendeskSimulator(Builder b) {
    super(b.clock);
    this.subdomain = b.subdomain;
    this.requestsPerMinute = b.requestsPerMinute;
    this.incrementalPerMinute = b.incrementalPerMinute;
    this.maxJobs = b.maxJobs;
    this.jobQueuedFor = b.jobQueuedFor;
    this.jobWorkingFor = b.jobWorkingFor;
    this.tokenLifetime = b.tokenLifetime;
    this.idempotencyRetention = b.idempotencyRetention;
  }

  /** A simulator with the Enterprise plan's 700 requests per minute and the system clock. */
  public static ZendeskSimulator create() {
    return builder().build();
  }

  /** A builder for a configured simulator. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ZendeskSimulator start() {
    super.start();
    return this;
  }

  /** The account's subdomain (informational: URLs in bodies use the simulator's own base URI). */
  public String subdomain() {
    return subdomain;
  }

  // ------------------------------------------------------------------------------------------ set-up

  /** Accepts {@code Basic base64(email/token:token)}. */
  public void registerApiToken(String email, String token) {
    synchronized (lock) {
      apiTokens.put(Objects.requireNonNull(email, "email").toLowerCase(Locale.ROOT),
          Objects.requireNonNull(token, "token"));
    }
  }

  /** Registers an OAuth client for the {@code client_credentials} grant. */
  public void registerOAuthClient(String clientId, String clientSecret) {
    synchronized (lock) {
      oauthClients.put(Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret,
          "clientSecret"));
    }
  }

  /** Accepts {@code Bearer token} until {@code expiresAt}. */
  public void issueAccessToken(String token, Instant expiresAt) {
    synchronized (lock) {
      bearerTokens.put(Objects.requireNonNull(token, "token"), Objects.requireNonNull(expiresAt, "expiresAt"));
    }
  }

  /** Revokes a bearer token (the next request with it gets 401). */
  public void revokeAccessToken(String token) {
    synchronized (lock) {
      bearerTokens.remove(token);
    }
  }

  /** Revokes every bearer token issued so far. */
  public void revokeAllAccessTokens() {
    synchronized (lock) {
      bearerTokens.clear();
    }
  }

  /** Whether {@code users/create_or_update_many} is enabled (Zendesk support enables bulk imports); default on. */
  public void bulkUserImports(boolean enabled) {
    synchronized (lock) {
      bulkUserImports = enabled;
    }
  }

  /** The next {@code n} jobs end {@code failed} with no results. */
  public void failNextJobs(int n) {
    synchronized (lock) {
      failNextJobs = n;
    }
  }

  /** Every API request until {@code clock + duration} is answered 429 with the remaining seconds as Retry-After. */
  public void throttleFor(Duration duration) {
    synchronized (lock) {
      throttledUntil = clock().instant().plus(duration);
    }
  }

  /** Stores an organization as if created through the API and returns it. */
  public ObjectNode seedOrganization(Map<String, ?> fields) {
    synchronized (lock) {
      ObjectNode node = JSON.valueToTree(fields);
      return organizations.insert(decorate(node, "organizations")).deepCopy();
    }
  }

  /** Stores a ticket as if created through the API and returns it. */
  public ObjectNode seedTicket(Map<String, ?> fields) {
    synchronized (lock) {
      ObjectNode node = JSON.valueToTree(fields);
      node.put("status", node.path("status").asText("open"));
      decorate(node, "tickets");
      node.put("generated_timestamp", clock().instant().getEpochSecond());
      return tickets.insert(node).deepCopy();
    }
  }

  /** Changes a stored ticket as an agent would (moves its {@code updated_at} and {@code generated_timestamp}). */
  public ObjectNode touchTicket(long id, Map<String, ?> changes) {
    synchronized (lock) {
      ObjectNode t = tickets.get(id).orElseThrow(() -> new IllegalArgumentException("no ticket " + id));
      t.setAll((ObjectNode) JSON.valueToTree(changes));
      stamp(t);
      t.put("generated_timestamp", clock().instant().getEpochSecond());
      return t.deepCopy();
    }
  }

  // ------------------------------------------------------------------------------------------ inspection

  /** Copies of every organization, by id. */
  public List<ObjectNode> organizations() {
    synchronized (lock) {
      settleJobs();
      return organizations.copies();
    }
  }

  /** An organization by external id (case-insensitive). */
  public Optional<ObjectNode> organizationByExternalId(String externalId) {
    synchronized (lock) {
      settleJobs();
      return organizations.byExternal(externalId).map(ObjectNode::deepCopy);
    }
  }

  /** Copies of every user, by id. */
  public List<ObjectNode> users() {
    synchronized (lock) {
      settleJobs();
      return users.copies();
    }
  }

  /** Copies of every ticket, by id. */
  public List<ObjectNode> tickets() {
    synchronized (lock) {
      return tickets.copies();
    }
  }

  /** A ticket by id. */
  public Optional<ObjectNode> ticket(long id) {
    synchronized (lock) {
      return tickets.get(id).map(ObjectNode::deepCopy);
    }
  }

  /** The comments of a ticket, oldest first. */
  public List<ObjectNode> comments(long ticketId) {
    synchronized (lock) {
      List<ObjectNode> out = new ArrayList<>();
      comments.getOrDefault(ticketId, List.of()).forEach(c -> out.add(c.deepCopy()));
      return out;
    }
  }

  /** 429 answers so far (rate, incremental, job limit and throttling together). */
  public long tooManyRequestsCount() {
    synchronized (lock) {
      return tooManyRequests;
    }
  }

  /** Bulk jobs accepted so far. */
  public long jobsSubmitted() {
    synchronized (lock) {
      return jobsSubmitted;
    }
  }

  /** The most jobs that were queued or working at once. */
  public int maxJobsInFlight() {
    synchronized (lock) {
      return maxJobsInFlight;
    }
  }

  /** Access tokens issued by {@code POST /oauth/tokens}. */
  public long tokensIssued() {
    synchronized (lock) {
      return tokensIssued;
    }
  }

  /** Why requests were refused 401, oldest first (the client only sees "Couldn't authenticate you"). */
  public List<String> authFailures() {
    synchronized (lock) {
      return List.copyOf(authFailures);
    }
  }

  // ------------------------------------------------------------------------------------------ webhooks

  /**
   * A webhook as Zendesk would send it now: the body signed with {@code secret} over TIMESTAMP + BODY, the
   * timestamp from the simulator's clock, a fresh invocation id.
   */
  public ZendeskWebhook webhook(String secret, String body) {
    String timestamp = ISO.format(clock().instant().truncatedTo(ChronoUnit.SECONDS));
    return new ZendeskWebhook(body, timestamp, WebhookSigner.sign(secret, timestamp, body), "01SIMWEBHOOK",
        UUID.randomUUID().toString());
  }

  /**
   * The event-style body of a ticket event ({@code zen:event-type:ticket.*}) about a stored ticket, with
   * {@code detail} values as strings as Zendesk sends them.
   *
   * @param eventType e.g. {@code ticket.created}, {@code ticket.status_changed}, {@code ticket.tags_changed}
   * @param event the {@code event} member (what changed), may be empty
   */
  public String ticketEventBody(long ticketId, String eventType, Map<String, ?> event) {
    synchronized (lock) {
      ObjectNode t = tickets.get(ticketId).orElseThrow(() -> new IllegalArgumentException("no ticket " + ticketId));
      ObjectNode root = JSON.createObjectNode();
      root.put("type", "zen:event-type:" + eventType);
      root.put("account_id", 12514403);
      root.put("id", UUID.randomUUID().toString());
      root.put("subject", "zen:ticket:" + ticketId);
      root.put("time", ISO.format(clock().instant().truncatedTo(ChronoUnit.SECONDS)));
      root.put("zendesk_event_version", "2022-11-06");
      ObjectNode detail = root.putObject("detail");
      for (String f : List.of("id", "subject", "description", "status", "priority", "type", "external_id",
          "organization_id", "requester_id", "created_at", "updated_at")) {
        JsonNode v = t.get(f);
        detail.put(f, v == null || v.isNull() ? "" : v.asText());
      }
      ArrayNode tags = detail.putArray("tags");
      t.path("tags").forEach(tags::add);
      root.set("event", JSON.valueToTree(event));
      return write(root);
    }
  }

  /** Posts a webhook to a receiver over loopback and returns the status it answered. */
  public int send(URI target, ZendeskWebhook webhook) {
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(webhook.body(), StandardCharsets.UTF_8));
    webhook.headers().forEach(request::header);
    try {
      return webhookClient.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("webhook delivery failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  // ------------------------------------------------------------------------------------------ dispatch

  @Override
  protected SimResponse errorBody(int status) {
    return switch (status) {
      case 401 -> error(401, "Couldn't authenticate you", null);
      case 403 -> error(403, "Forbidden", "You do not have access to this page.");
      case 404 -> error(404, "RecordNotFound", "Not found");
      case 409 -> error(409, "UpdateConflict", "Simulated conflict");
      case 422 -> invalid("base", "InvalidValue", "Simulated validation error");
      case 429 -> error(429, "APIRateLimitExceeded", "Rate limit for the API exceeded")
          .withHeader("Retry-After", "2");
      case 503 -> error(503, "ServiceUnavailable", "Maintenance").withHeader("Retry-After", "5");
      default -> SimResponse.of(status, "text/plain; charset=utf-8", "Simulated fault " + status);
    };
  }

  @Override
  protected SimResponse handle(SimRequest request) {
    String path = request.path().endsWith(".json")
        ? request.path().substring(0, request.path().length() - 5) : request.path();
    if (path.equals("/oauth/tokens") && request.method().equals("POST")) {
      synchronized (lock) {
        return oauthToken(request);
      }
    }
    if (!path.startsWith(API)) {
      return error(404, "InvalidEndpoint", "Not found");
    }
    synchronized (lock) {
      settleJobs();
      Optional<String> refused = authenticate(request);
      if (refused.isPresent()) {
        authFailures.add(refused.get());
        return error(401, "Couldn't authenticate you", null);
      }
      String[] segments = path.substring(API.length()).split("/");
      Instant now = clock().instant();
      Optional<SimResponse> limited = rateLimit(now, segments[0].equals("incremental"));
      if (limited.isPresent()) {
        tooManyRequests++;
        return withRateHeaders(limited.get(), now);
      }
      SimResponse response;
      try {
        response = route(request, segments);
      } catch (BadRequest e) {
        response = e.response;
      }
      if (response.status() == 429) {
        tooManyRequests++;
      }
      return withRateHeaders(response, now);
    }
  }

  private SimResponse route(SimRequest request, String[] s) {
    return switch (s[0]) {
      case "organizations" -> organizationsApi(request, s);
      case "users" -> usersApi(request, s);
      case "tickets" -> ticketsApi(request, s);
      case "job_statuses" -> jobsApi(request, s);
      case "incremental" -> incrementalApi(request, s);
      default -> error(404, "InvalidEndpoint", "Not found");
    };
  }

  // ------------------------------------------------------------------------------------------ auth

  private SimResponse oauthToken(SimRequest request) {
    JsonNode body = parse(request.body());
    String grant = body.path("grant_type").asText("");
    if (!grant.equals("client_credentials")) {
      return json(400, obj("error", "unsupported_grant_type", "error_description",
          "The authorization grant type is not supported by the authorization server."));
    }
    String id = body.path("client_id").asText("");
    String secret = body.path("client_secret").asText("");
    if (!secret.equals(oauthClients.get(id))) {
      return json(401, obj("error", "invalid_client", "error_description",
          "Client authentication failed due to unknown client, no client authentication included, or"
              + " unsupported authentication method."));
    }
    long lifetime = body.path("expires_in").asLong(tokenLifetime.getSeconds());
    if (lifetime <= 300 || lifetime >= 172_800) {
      return json(400, obj("error", "invalid_request", "error_description",
          "expires_in must be more than 300 and less than 172800 seconds"));
    }
    String token = "zdtok-" + UUID.randomUUID();
    bearerTokens.put(token, clock().instant().plusSeconds(lifetime));
    tokensIssued++;
    ObjectNode out = JSON.createObjectNode();
    out.put("access_token", token);
    out.put("token_type", "bearer");
    out.put("scope", body.path("scope").asText("read write"));
    out.put("expires_in", lifetime);
    return SimResponse.json(200, write(out));
  }

  private Optional<String> authenticate(SimRequest request) {
    String header = request.header("Authorization").orElse("");
    if (header.startsWith("Basic ")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of("basic credentials are not base64");
      }
      int marker = decoded.indexOf("/token:");
      if (marker < 0) {
        return Optional.of("basic credentials without /token: (password auth is not accepted)");
      }
      String email = decoded.substring(0, marker).toLowerCase(Locale.ROOT);
      String token = decoded.substring(marker + 7);
      return token.equals(apiTokens.get(email)) ? Optional.empty() : Optional.of("unknown API token for " + email);
    }
    if (header.startsWith("Bearer ")) {
      Instant expires = bearerTokens.get(header.substring(7).trim());
      if (expires == null) {
        return Optional.of("unknown bearer token");
      }
      return clock().instant().isBefore(expires) ? Optional.empty() : Optional.of("expired bearer token");
    }
    return Optional.of("no Authorization header");
  }

  // ------------------------------------------------------------------------------------------ limits

  private Optional<SimResponse> rateLimit(Instant now, boolean incremental) {
    if (throttledUntil != null && now.isBefore(throttledUntil)) {
      long wait = (Duration.between(now, throttledUntil).toMillis() + 999) / 1000;
      return Optional.of(error(429, "APIRateLimitExceeded", "Rate limit for the API exceeded")
          .withHeader("Retry-After", Long.toString(Math.max(1, wait))));
    }
    long minute = now.getEpochSecond() / 60;
    if (minute != windowMinute) {
      windowMinute = minute;
      windowCount = 0;
    }
    if (windowCount >= requestsPerMinute) {
      return Optional.of(error(429, "APIRateLimitExceeded", "Number of allowed API requests per minute exceeded")
          .withHeader("Retry-After", Long.toString(secondsToWindowEnd(now))));
    }
    if (incremental) {
      if (minute != incrementalMinute) {
        incrementalMinute = minute;
        incrementalCount = 0;
      }
      if (incrementalCount >= incrementalPerMinute) {
        return Optional.of(error(429, "APIRateLimitExceeded",
            "Number of allowed incremental export API requests per minute exceeded")
            .withHeader("Retry-After", Long.toString(secondsToWindowEnd(now))));
      }
      incrementalCount++;
    }
    windowCount++;
    return Optional.empty();
  }

  private static long secondsToWindowEnd(Instant now) {
    long intoMinute = now.getEpochSecond() % 60;
    return Math.max(1, 60 - intoMinute);
  }

  private SimResponse withRateHeaders(SimResponse response, Instant now) {
    long remaining = Math.max(0, requestsPerMinute - (now.getEpochSecond() / 60 == windowMinute ? windowCount : 0));
    return response.withHeader("X-Rate-Limit", Integer.toString(requestsPerMinute))
        .withHeader("X-Rate-Limit-Remaining", Long.toString(remaining))
        .withHeader("ratelimit-limit", Integer.toString(requestsPerMinute))
        .withHeader("ratelimit-remaining", Long.toString(remaining))
        .withHeader("ratelimit-reset", Long.toString(secondsToWindowEnd(now)));
  }

  // ------------------------------------------------------------------------------------------ organizations

  private SimResponse organizationsApi(SimRequest request, String[] s) {
    String m = request.method();
    if (s.length == 1) {
      if (m.equals("GET")) {
        return cursorList(request, organizations, "organizations");
      }
      if (m.equals("POST")) {
        ObjectNode in = member(request, "organization");
        Outcome o = createOrganization(in);
        return o.failure != null ? o.failure : created(o.node, "organizations");
      }
      return methodNotAllowed();
    }
    String action = s[1];
    switch (action) {
      case "create_or_update": {
        requireMethod(request, "POST");
        Outcome o = createOrUpdateOrganization(member(request, "organization"));
        if (o.failure != null) {
          return o.failure;
        }
        return o.created ? created(o.node, "organizations") : json(200, wrap("organization", o.node));
      }
      case "create_many": {
        requireMethod(request, "POST");
        return submitJob("bulk_create_organizations", items(request, "organizations"), null);
      }
      case "update_many": {
        requireMethod(request, "PUT");
        Optional<String> ids = request.queryParam("ids");
        Optional<String> ext = request.queryParam("external_ids");
        if (ids.isPresent() || ext.isPresent()) {
          ObjectNode common = member(request, "organization");
          List<ObjectNode> targets = new ArrayList<>();
          for (String v : (ids.isPresent() ? ids.get() : ext.orElseThrow()).split(",")) {
            ObjectNode t = common.deepCopy();
            t.put(ids.isPresent() ? "id" : "external_id", v.trim());
            targets.add(t);
          }
          return submitJob("bulk_update_organizations", limit100(targets), null);
        }
        return submitJob("bulk_update_organizations", items(request, "organizations"), null);
      }
      case "show_many": {
        List<ObjectNode> out = new ArrayList<>();
        Optional<String> ids = request.queryParam("ids");
        String list = ids.orElseGet(() -> request.queryParam("external_ids").orElse(""));
        for (String v : list.split(",")) {
          if (v.isBlank()) {
            continue;
          }
          (ids.isPresent() ? organizations.get(parseId(v)) : organizations.byExternal(v.trim()))
              .ifPresent(n -> out.add(n.deepCopy()));
        }
        return json(200, listOf("organizations", out));
      }
      case "search": {
        List<ObjectNode> out = new ArrayList<>();
        request.queryParam("external_id").flatMap(organizations::byExternal).ifPresent(n -> out.add(n.deepCopy()));
        request.queryParam("name").flatMap(organizations::byUnique).ifPresent(n -> out.add(n.deepCopy()));
        return json(200, listOf("organizations", out));
      }
      default: {
        long id = parseId(action);
        Optional<ObjectNode> org = organizations.get(id);
        if (org.isEmpty()) {
          return error(404, "RecordNotFound", "Not found");
        }
        if (m.equals("GET")) {
          return json(200, wrap("organization", org.get()));
        }
        if (m.equals("PUT")) {
          Outcome o = updateOrganization(org.get(), member(request, "organization"));
          return o.failure != null ? o.failure : json(200, wrap("organization", o.node));
        }
        return methodNotAllowed();
      }
    }
  }

  private Outcome createOrUpdateOrganization(ObjectNode in) {
    Optional<ObjectNode> existing = in.hasNonNull("id") ? organizations.get(in.get("id").asLong())
        : in.hasNonNull("external_id") ? organizations.byExternal(in.get("external_id").asText()) : Optional.empty();
    return existing.isPresent() ? updateOrganization(existing.get(), in) : createOrganization(in);
  }

  private Outcome createOrganization(ObjectNode in) {
    String name = in.path("name").asText("").trim();
    if (name.isEmpty()) {
      return Outcome.failed(invalid("name", "BlankValue", "Name: cannot be blank"));
    }
    if (organizations.byUnique(name).isPresent()) {
      return Outcome.failed(invalid("name", "DuplicateValue", "Name: " + name + " has already been taken"));
    }
    if (in.hasNonNull("external_id") && organizations.byExternal(in.get("external_id").asText()).isPresent()) {
      return Outcome.failed(invalid("external_id", "DuplicateValue",
          "External ID: " + in.get("external_id").asText() + " has already been taken"));
    }
    ObjectNode node = in.deepCopy();
    node.remove("id");
    return Outcome.created(organizations.insert(decorate(node, "organizations")));
  }

  private Outcome updateOrganization(ObjectNode existing, ObjectNode in) {
    if (in.hasNonNull("name")) {
      Optional<ObjectNode> sameName = organizations.byUnique(in.get("name").asText());
      if (sameName.isPresent() && sameName.get() != existing) {
        return Outcome.failed(invalid("name", "DuplicateValue", "Name: " + in.get("name").asText()
            + " has already been taken"));
      }
    }
    mergeInto(existing, in, "organization_fields");
    stamp(existing);
    organizations.reindex(existing);
    return Outcome.updated(existing);
  }

  // ------------------------------------------------------------------------------------------ users

  private SimResponse usersApi(SimRequest request, String[] s) {
    if (s.length == 1) {
      return request.method().equals("GET") ? cursorList(request, users, "users") : methodNotAllowed();
    }
    switch (s[1]) {
      case "create_or_update": {
        requireMethod(request, "POST");
        Outcome o = createOrUpdateUser(member(request, "user"));
        if (o.failure != null) {
          return o.failure;
        }
        SimResponse r = json(o.created ? 201 : 200, wrap("user", o.node));
        return r.withHeader("Location", baseUri() + API + "users/" + o.node.get("id").asLong() + ".json");
      }
      case "create_or_update_many": {
        requireMethod(request, "POST");
        if (!bulkUserImports) {
          return error(403, "Forbidden", "You do not have access to this page. Please contact the account owner"
              + " of this help desk for further help.");
        }
        return submitJob("bulk_create_or_update_users", items(request, "users"), null);
      }
      case "search": {
        List<ObjectNode> out = new ArrayList<>();
        request.queryParam("external_id").flatMap(users::byExternal).ifPresent(n -> out.add(n.deepCopy()));
        request.queryParam("query").filter(q -> q.startsWith("email:"))
            .flatMap(q -> users.byUnique(q.substring(6))).ifPresent(n -> out.add(n.deepCopy()));
        return json(200, listOf("users", out));
      }
      default: {
        Optional<ObjectNode> user = users.get(parseId(s[1]));
        return user.isEmpty() ? error(404, "RecordNotFound", "Not found") : json(200, wrap("user", user.get()));
      }
    }
  }

  private Outcome createOrUpdateUser(ObjectNode in) {
    Optional<ObjectNode> existing = Optional.empty();
    if (in.hasNonNull("external_id")) {
      existing = users.byExternal(in.get("external_id").asText());
    }
    if (existing.isEmpty() && in.hasNonNull("email")) {
      existing = users.byUnique(in.get("email").asText());
    }
    if (in.has("name") && in.path("name").asText("").isBlank()) {
      return Outcome.failed(invalid("name", "ValueTooShort", "Name: is too short (minimum one character)"));
    }
    if (in.hasNonNull("email") && !in.get("email").asText().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return Outcome.failed(invalid("email", "InvalidValue", "Email: " + in.get("email").asText()
          + " is not properly formatted"));
    }
    if (existing.isPresent()) {
      ObjectNode u = existing.get();
      if (in.hasNonNull("email")) {
        Optional<ObjectNode> owner = users.byUnique(in.get("email").asText());
        if (owner.isPresent() && owner.get() != u) {
          return Outcome.failed(invalid("email", "DuplicateValue", "Email: " + in.get("email").asText()
              + " is already being used by another user"));
        }
      }
      mergeInto(u, in, "user_fields"); // a case-insensitive external id match rewrites the stored casing
      stamp(u);
      users.reindex(u);
      return Outcome.updated(u);
    }
    if (in.path("name").asText("").isBlank()) {
      return Outcome.failed(invalid("name", "ValueTooShort", "Name: is too short (minimum one character)"));
    }
    ObjectNode node = in.deepCopy();
    node.remove("id");
    node.remove("skip_verify_email");
    if (!node.hasNonNull("role")) {
      node.put("role", "end-user");
    }
    node.put("active", true);
    return Outcome.created(users.insert(decorate(node, "users")));
  }

  // ------------------------------------------------------------------------------------------ tickets

  private SimResponse ticketsApi(SimRequest request, String[] s) {
    String m = request.method();
    if (s.length == 1) {
      if (m.equals("GET")) {
        Optional<String> ext = request.queryParam("external_id");
        if (ext.isPresent()) {
          List<ObjectNode> out = new ArrayList<>();
          for (ObjectNode t : tickets.rows.values()) {
            if (t.path("external_id").asText("").equalsIgnoreCase(ext.get())) {
              out.add(t.deepCopy());
            }
          }
          ObjectNode body = listOf("tickets", out);
          body.putNull("next_page");
          body.putNull("previous_page");
          body.put("count", out.size());
          return json(200, body);
        }
        return cursorList(request, tickets, "tickets");
      }
      if (m.equals("POST")) {
        return createTicket(request);
      }
      return methodNotAllowed();
    }
    long id = parseId(s[1]);
    Optional<ObjectNode> ticket = tickets.get(id);
    if (ticket.isEmpty()) {
      return error(404, "RecordNotFound", "Not found");
    }
    if (s.length == 3 && s[2].equals("comments") && m.equals("GET")) {
      return json(200, listOf("comments", comments.getOrDefault(id, List.of())));
    }
    if (m.equals("GET")) {
      return json(200, wrap("ticket", ticket.get()));
    }
    if (m.equals("PUT")) {
      return updateTicket(ticket.get(), member(request, "ticket"));
    }
    return methodNotAllowed();
  }

  private SimResponse createTicket(SimRequest request) {
    Optional<String> key = request.header("Idempotency-Key");
    Instant now = clock().instant();
    idempotency.values().removeIf(e -> !now.isBefore(e.at.plus(idempotencyRetention)));
    if (key.isPresent()) {
      Idempotent seen = idempotency.get(key.get());
      if (seen != null) {
        if (!seen.requestBody.equals(canonical(request.body()))) {
          return error(400, "IdempotentRequestError",
              "Request parameters differ from the original request with this Idempotency-Key");
        }
        return seen.response.withHeader("x-idempotency-lookup", "hit");
      }
    }
    ObjectNode in = member(request, "ticket");
    JsonNode comment = in.path("comment");
    String text = comment.path("body").asText(comment.path("html_body").asText(""));
    if (text.isBlank()) {
      return invalid("description", "BlankValue", "Description: cannot be blank");
    }
    ObjectNode t = in.deepCopy();
    t.remove("comment");
    t.remove("id");
    t.put("description", text);
    t.put("raw_subject", t.path("subject").asText(""));
    if (!t.hasNonNull("status")) {
      t.put("status", "new");
    }
    if (!t.has("tags")) {
      t.putArray("tags");
    }
    if (!t.has("custom_fields")) {
      t.putArray("custom_fields");
    }
    decorate(t, "tickets");
    t.put("generated_timestamp", now.getEpochSecond());
    tickets.insert(t);
    addComment(t, comment, true);
    ObjectNode shown = t.deepCopy();
    shown.put("generated_timestamp", 0); // as real recordings show for a fresh POST
    ObjectNode body = wrap("ticket", shown);
    ObjectNode audit = body.putObject("audit");
    audit.put("id", ids.incrementAndGet());
    audit.put("ticket_id", t.get("id").asLong());
    audit.put("created_at", t.get("created_at").asText());
    audit.putArray("events").addObject().put("type", "Create");
    SimResponse response = json(201, body)
        .withHeader("Location", baseUri() + API + "tickets/" + t.get("id").asLong() + ".json");
    if (key.isPresent()) {
      idempotency.put(key.get(), new Idempotent(canonical(request.body()), response, now));
      response = response.withHeader("x-idempotency-lookup", "miss");
    }
    return response;
  }

  private SimResponse updateTicket(ObjectNode t, ObjectNode in) {
    if (t.path("status").asText().equals("closed")) {
      ObjectNode body = JSON.createObjectNode();
      body.put("error", "RecordInvalid");
      body.put("description", "Record validation errors");
      body.putObject("details").putArray("status").addObject()
          .put("description", "Status: closed prevents ticket update");
      return json(422, body);
    }
    if (in.path("safe_update").asBoolean(false)) {
      String stamp = in.path("updated_stamp").asText("");
      if (!stamp.equals(t.path("updated_at").asText())) {
        return error(409, "UpdateConflict", "Safe Update prevented the update due to outdated ticket data."
            + " Please fetch the latest ticket data and try again.");
      }
    }
    JsonNode comment = in.path("comment");
    ObjectNode changes = in.deepCopy();
    changes.remove(List.of("comment", "safe_update", "updated_stamp", "id"));
    JsonNode fields = changes.remove("custom_fields");
    t.setAll(changes);
    if (fields != null && fields.isArray()) {
      ArrayNode merged = t.withArray("custom_fields");
      for (JsonNode f : fields) {
        boolean replaced = false;
        for (int i = 0; i < merged.size(); i++) {
          if (merged.get(i).path("id").asLong() == f.path("id").asLong()) {
            merged.set(i, f.deepCopy());
            replaced = true;
          }
        }
        if (!replaced) {
          merged.add(f.deepCopy());
        }
      }
    }
    if (comment.isObject()) {
      addComment(t, comment, false);
    }
    stamp(t);
    t.put("generated_timestamp", clock().instant().getEpochSecond());
    ObjectNode body = wrap("ticket", t);
    body.putObject("audit").put("ticket_id", t.get("id").asLong());
    return json(200, body);
  }

  private void addComment(ObjectNode t, JsonNode comment, boolean first) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", ids.incrementAndGet());
    c.put("type", "Comment");
    c.put("body", comment.path("body").asText(comment.path("html_body").asText("")));
    c.put("public", first || comment.path("public").asBoolean(true));
    c.put("created_at", isoNow());
    comments.computeIfAbsent(t.get("id").asLong(), k -> new ArrayList<>()).add(c);
  }

  // ------------------------------------------------------------------------------------------ jobs

  private SimResponse submitJob(String type, List<ObjectNode> items, @Nullable ObjectNode unused) {
    int inFlight = (int) jobs.values().stream().filter(j -> !j.finished).count();
    if (inFlight >= maxJobs) {
      Instant soonest = jobs.values().stream().filter(j -> !j.finished).map(j -> j.completesAt)
          .min(Comparator.naturalOrder()).orElse(clock().instant());
      long wait = Math.max(1, (Duration.between(clock().instant(), soonest).toMillis() + 999) / 1000);
      return error(429, "TooManyJobs", "Number of simultaneous jobs exceeds the limit of " + maxJobs)
          .withHeader("Retry-After", Long.toString(wait));
    }
    String id = UUID.randomUUID().toString().replace("-", "");
    Instant now = clock().instant();
    Job job = new Job(id, type, items, now, now.plus(jobQueuedFor), now.plus(jobQueuedFor).plus(jobWorkingFor));
    if (failNextJobs > 0) {
      failNextJobs--;
      job.failOnCompletion = true;
    }
    jobs.put(id, job);
    jobsSubmitted++;
    maxJobsInFlight = Math.max(maxJobsInFlight, inFlight + 1);
    return json(200, wrap("job_status", view(job)));
  }

  private SimResponse jobsApi(SimRequest request, String[] s) {
    if (s.length == 2 && s[1].equals("show_many")) {
      List<ObjectNode> out = new ArrayList<>();
      for (String id : request.queryParam("ids").orElse("").split(",")) {
        Job j = jobs.get(id.trim());
        if (j != null) {
          out.add(view(j));
        }
      }
      return json(200, listOf("job_statuses", out));
    }
    if (s.length == 2) {
      Job j = jobs.get(s[1]);
      return j == null ? error(404, "RecordNotFound", "Not found") : json(200, wrap("job_status", view(j)));
    }
    return error(404, "InvalidEndpoint", "Not found");
  }

  private ObjectNode view(Job j) {
    Instant now = clock().instant();
    ObjectNode v = JSON.createObjectNode();
    v.put("id", j.id);
    v.put("job_type", j.type);
    v.put("url", baseUri() + API + "job_statuses/" + j.id + ".json");
    v.put("total", j.items.size());
    if (j.finished) {
      v.put("progress", j.failed ? 0 : j.items.size());
      v.put("status", j.failed ? "failed" : "completed");
      v.put("message", (j.failed ? "Failed at " : "Completed at ") + ISO.format(j.completesAt));
      if (j.failed) {
        v.putNull("results");
      } else {
        v.set("results", j.results.deepCopy());
      }
    } else if (now.isBefore(j.startsAt)) {
      v.putNull("progress");
      v.put("status", "queued");
      v.putNull("message");
      v.putNull("results");
    } else {
      v.put("progress", j.items.size() / 2);
      v.put("status", "working");
      v.putNull("message");
      v.putNull("results");
    }
    return v;
  }

  private void settleJobs() {
    Instant now = clock().instant();
    for (Job j : jobs.values()) {
      if (j.finished || now.isBefore(j.completesAt)) {
        continue;
      }
      j.finished = true;
      if (j.failOnCompletion) {
        j.failed = true;
        continue;
      }
      switch (j.type) {
        case "bulk_create_organizations" -> runCreateOrganizations(j);
        case "bulk_update_organizations" -> runUpdateOrganizations(j);
        default -> runCreateOrUpdateUsers(j);
      }
    }
  }

  private void runCreateOrganizations(Job j) {
    for (int i = 0; i < j.items.size(); i++) {
      Outcome o = createOrganization(j.items.get(i));
      ObjectNode r = j.results.addObject();
      r.put("index", i);
      if (o.failure != null) {
        failure(r, o.failure);
      } else {
        r.put("id", o.node.get("id").asLong());
      }
    }
  }

  private void runUpdateOrganizations(Job j) {
    for (ObjectNode item : j.items) {
      Optional<ObjectNode> target = item.hasNonNull("id") ? organizations.get(item.get("id").asLong())
          : organizations.byExternal(item.path("external_id").asText(""));
      ObjectNode r = j.results.addObject();
      if (item.hasNonNull("id")) {
        r.put("id", item.get("id").asLong());
      }
      r.put("action", "update");
      if (target.isEmpty()) {
        r.put("success", false);
        r.put("status", "Failed");
        r.put("error", "RecordNotFound");
        r.put("details", "Organization not found");
        continue;
      }
      ObjectNode changes = item.deepCopy();
      changes.remove("id");
      Outcome o = updateOrganization(target.get(), changes);
      r.put("id", target.get().get("id").asLong());
      if (o.failure != null) {
        r.put("success", false);
        failure(r, o.failure);
      } else {
        r.put("success", true);
        r.put("status", "Updated");
      }
    }
  }

  private void runCreateOrUpdateUsers(Job j) {
    List<ObjectNode> failures = new ArrayList<>();
    List<ObjectNode> successes = new ArrayList<>();
    for (int i = 0; i < j.items.size(); i++) {
      ObjectNode item = j.items.get(i);
      Outcome o = createOrUpdateUser(item);
      ObjectNode r = JSON.createObjectNode();
      if (o.failure != null) {
        r.put("index", i);
        failure(r, o.failure);
        r.put("error", "UserUpdateError");
        failures.add(r);
      } else {
        r.put("id", o.node.get("id").asLong());
        r.put("status", o.created ? "Created" : "Updated");
        if (o.node.hasNonNull("email")) {
          r.put("email", o.node.get("email").asText());
        }
        if (o.node.hasNonNull("external_id")) {
          r.put("external_id", o.node.get("external_id").asText());
        }
        successes.add(r);
      }
    }
    failures.forEach(j.results::add); // the order relative to input is not documented: do not keep it
    successes.forEach(j.results::add);
  }

  private static void failure(ObjectNode r, SimResponse failure) {
    JsonNode body = parse(failure.body());
    JsonNode first = null;
    for (Map.Entry<String, JsonNode> e : body.path("details").properties()) {
      first = e.getValue().path(0);
      break;
    }
    r.put("status", "Failed");
    r.put("error", first != null ? first.path("error").asText("RecordInvalid") : body.path("error").asText("RecordInvalid"));
    r.put("details", first != null ? first.path("description").asText("") : body.path("description").asText(""));
  }

  // ------------------------------------------------------------------------------------------ reads

  private SimResponse cursorList(SimRequest request, Store store, String name) {
    int size = request.queryParam("page[size]").map(ZendeskSimulator::parseInt).orElse(100);
    if (size > 100 || size < 1) {
      ObjectNode body = JSON.createObjectNode();
      ObjectNode e = body.putArray("errors").addObject();
      e.put("code", "InvalidPaginationParameter");
      e.put("title", "Invalid Pagination Parameter");
      e.put("detail", "page[size] must be between 1 and 100");
      e.put("status", "400");
      e.putObject("source").put("parameter", "page[size]");
      return json(400, body);
    }
    long after = request.queryParam("page[after]").map(ZendeskSimulator::decodeCursor).orElse(0L);
    List<ObjectNode> page = new ArrayList<>();
    boolean more = false;
    for (ObjectNode row : store.rows.tailMap(after, false).values()) {
      if (page.size() == size) {
        more = true;
        break;
      }
      page.add(row.deepCopy());
    }
    ObjectNode body = listOf(name, page);
    String last = page.isEmpty() ? encodeCursor(after) : encodeCursor(page.get(page.size() - 1).get("id").asLong());
    ObjectNode meta = body.putObject("meta");
    meta.put("has_more", more);
    meta.put("after_cursor", last);
    meta.put("before_cursor", page.isEmpty() ? null : encodeCursor(page.get(0).get("id").asLong()));
    ObjectNode links = body.putObject("links");
    // like real recordings: next stays set on the last page; clients stop on meta.has_more
    links.put("next", baseUri() + API + name + ".json?page%5Bafter%5D=" + last + "&page%5Bsize%5D=" + size);
    links.putNull("prev");
    return json(200, body);
  }

  private SimResponse incrementalApi(SimRequest request, String[] s) {
    if (s.length == 3 && s[2].equals("cursor") && (s[1].equals("tickets") || s[1].equals("users"))) {
      return cursorExport(request, s[1]);
    }
    if (s.length == 2 && s[1].equals("organizations")) {
      return timeExport(request);
    }
    return error(404, "InvalidEndpoint", "Not found");
  }

  private SimResponse cursorExport(SimRequest request, String resource) {
    Store store = resource.equals("tickets") ? tickets : users;
    int perPage = Math.min(1000, request.queryParam("per_page").map(ZendeskSimulator::parseInt).orElse(1000));
    long fromTs;
    long fromId;
    Optional<String> cursor = request.queryParam("cursor");
    if (cursor.isPresent()) {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8).split(":");
      fromTs = Long.parseLong(parts[0]);
      fromId = Long.parseLong(parts[1]);
    } else {
      Optional<String> start = request.queryParam("start_time");
      if (start.isEmpty()) {
        return error(400, "InvalidValue", "start_time or cursor is required");
      }
      fromTs = parseLongOr400(start.get());
      if (fromTs > clock().instant().getEpochSecond() - 60) {
        return error(400, "InvalidValue", "Too recent start_time. Use a start_time older than 1 minute");
      }
      fromId = -1;
    }
    List<ObjectNode> all = new ArrayList<>(store.rows.values());
    all.sort(Comparator.comparingLong((ObjectNode n) -> exportTs(n, resource)).thenComparingLong(n -> n.get("id")
        .asLong()));
    List<ObjectNode> page = new ArrayList<>();
    boolean more = false;
    for (ObjectNode n : all) {
      long ts = exportTs(n, resource);
      long id = n.get("id").asLong();
      if (ts < fromTs || (ts == fromTs && id <= fromId)) {
        continue;
      }
      if (page.size() == perPage) {
        more = true;
        break;
      }
      page.add(n.deepCopy());
    }
    String after = page.isEmpty() ? (cursor.isPresent() ? cursor.get() : exportCursor(fromTs, fromId))
        : exportCursor(exportTs(page.get(page.size() - 1), resource), page.get(page.size() - 1).get("id").asLong());
    ObjectNode body = listOf(resource, page);
    body.put("after_url", baseUri() + API + "incremental/" + resource + "/cursor.json?cursor=" + after);
    body.put("after_cursor", after);
    body.putNull("before_url");
    body.putNull("before_cursor");
    body.put("end_of_stream", !more);
    return json(200, body);
  }

  private static String exportCursor(long ts, long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((ts + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long exportTs(ObjectNode n, String resource) {
    return resource.equals("tickets") ? n.path("generated_timestamp").asLong() : epoch(n.path("updated_at").asText());
  }

  private SimResponse timeExport(SimRequest request) {
    Optional<String> start = request.queryParam("start_time");
    if (start.isEmpty()) {
      return error(400, "InvalidValue", "start_time is required");
    }
    long from = parseLongOr400(start.get());
    int perPage = Math.min(1000, request.queryParam("per_page").map(ZendeskSimulator::parseInt).orElse(1000));
    List<ObjectNode> all = new ArrayList<>();
    for (ObjectNode n : organizations.rows.values()) {
      if (epoch(n.path("updated_at").asText()) >= from) {
        all.add(n);
      }
    }
    all.sort(Comparator.comparingLong((ObjectNode n) -> epoch(n.path("updated_at").asText()))
        .thenComparingLong(n -> n.get("id").asLong()));
    List<ObjectNode> page = new ArrayList<>();
    for (ObjectNode n : all) {
      if (page.size() == perPage) {
        break;
      }
      page.add(n.deepCopy());
    }
    long end = page.isEmpty() ? from : epoch(page.get(page.size() - 1).path("updated_at").asText());
    ObjectNode body = listOf("organizations", page);
    body.put("count", page.size());
    body.put("end_time", end);
    body.put("next_page", baseUri() + API + "incremental/organizations.json?start_time=" + end);
    body.put("end_of_stream", page.size() < perPage);
    return json(200, body);
  }

  // ------------------------------------------------------------------------------------------ helpers

  private ObjectNode decorate(ObjectNode node, String collection) {
    long id = ids.incrementAndGet();
    node.put("id", id);
    node.put("url", baseUri() + API + collection + "/" + id + ".json");
    String now = isoNow();
    node.put("created_at", now);
    node.put("updated_at", now);
    return node;
  }

  /** Moves {@code updated_at} to now, at least one second past its old value. */
  private void stamp(ObjectNode node) {
    Instant now = clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant old = node.hasNonNull("updated_at") ? Instant.parse(node.get("updated_at").asText()) : Instant.EPOCH;
    node.put("updated_at", ISO.format(now.isAfter(old) ? now : old.plusSeconds(1)));
  }

  private static void mergeInto(ObjectNode target, ObjectNode in, String customFields) {
    ObjectNode changes = in.deepCopy();
    changes.remove(List.of("id", "url", "created_at", "updated_at", "skip_verify_email"));
    JsonNode custom = changes.remove(customFields);
    target.setAll(changes);
    if (custom != null && custom.isObject()) {
      JsonNode existing = target.get(customFields);
      ObjectNode into = existing instanceof ObjectNode o ? o : target.putObject(customFields);
      into.setAll((ObjectNode) custom);
    }
  }

  private String isoNow() {
    return ISO.format(clock().instant().truncatedTo(ChronoUnit.SECONDS));
  }

  private static long epoch(String iso) {
    return iso.isEmpty() ? 0 : Instant.parse(iso).getEpochSecond();
  }

  private SimResponse created(ObjectNode node, String collection) {
    String singular = collection.substring(0, collection.length() - 1);
    return json(201, wrap(singular, node))
        .withHeader("Location", baseUri() + API + collection + "/" + node.get("id").asLong() + ".json");
  }

  private static ObjectNode member(SimRequest request, String name) {
    JsonNode body = parse(request.body());
    JsonNode m = body.get(name);
    if (m == null || !m.isObject()) {
      throw new BadRequest(error(400, "InvalidValue", "The request body must be {\"" + name + "\": {...}}"));
    }
    return (ObjectNode) m;
  }

  private static List<ObjectNode> items(SimRequest request, String name) {
    JsonNode list = parse(request.body()).get(name);
    if (list == null || !list.isArray()) {
      throw new BadRequest(error(400, "InvalidValue", "The request body must be {\"" + name + "\": [...]}"));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (!n.isObject()) {
        throw new BadRequest(error(400, "InvalidValue", name + " must hold objects"));
      }
      out.add(((ObjectNode) n).deepCopy());
    }
    return limit100(out);
  }

  private static List<ObjectNode> limit100(List<ObjectNode> items) {
    if (items.size() > 100 || items.isEmpty()) {
      throw new BadRequest(error(400, "InvalidValue", "Bulk requests take 1 to 100 items, got " + items.size()));
    }
    return items;
  }

  private static void requireMethod(SimRequest request, String method) {
    if (!request.method().equals(method)) {
      throw new BadRequest(methodNotAllowed());
    }
  }

  private static SimResponse methodNotAllowed() {
    return error(405, "MethodNotAllowed", "Method not allowed");
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode n = JSON.readTree(body.isEmpty() ? "{}" : body);
      return n == null ? JSON.createObjectNode() : n;
    } catch (JsonProcessingException e) {
      throw new BadRequest(error(400, "InvalidJson", "The request body is not valid JSON"));
    }
  }

  private static String canonical(String body) {
    return parse(body).toString();
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(error(404, "InvalidEndpoint", "Not found"));
    }
  }

  private static long parseLongOr400(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(error(400, "InvalidValue", "not a number: " + text));
    }
  }

  private static int parseInt(String text) {
    return (int) parseLongOr400(text);
  }

  private static String encodeCursor(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodeCursor(String cursor) {
    try {
      return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(error(400, "InvalidValue", "bad cursor"));
    }
  }

  private static ObjectNode wrap(String name, ObjectNode node) {
    ObjectNode out = JSON.createObjectNode();
    out.set(name, node.deepCopy());
    return out;
  }

  private static ObjectNode listOf(String name, List<ObjectNode> nodes) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode a = out.putArray(name);
    nodes.forEach(n -> a.add(n.deepCopy()));
    return out;
  }

  private static ObjectNode obj(String... kv) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      o.put(kv[i], kv[i + 1]);
    }
    return o;
  }

  private static SimResponse error(int status, String error, @Nullable String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", error);
    if (description != null) {
      body.put("description", description);
    }
    return json(status, body);
  }

  private static SimResponse invalid(String field, String code, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", "RecordInvalid");
    body.put("description", "Record validation errors");
    ObjectNode d = body.putObject("details").putArray(field).addObject();
    d.put("description", description);
    d.put("error", code);
    return json(422, body);
  }

  private static SimResponse json(int status, JsonNode body) {
    return SimResponse.json(status, write(body));
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request the simulator refuses before touching state. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SimResponse response;

    BadRequest(SimResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  /** The result of one create, update or upsert. */
  private static final class Outcome {
    final ObjectNode node;
    final boolean created;
    final @Nullable SimResponse failure;

    private Outcome(ObjectNode node, boolean created, @Nullable SimResponse failure) {
      this.node = node;
      this.created = created;
      this.failure = failure;
    }

    static Outcome created(ObjectNode node) {
      return new Outcome(node, true, null);
    }

    static Outcome updated(ObjectNode node) {
      return new Outcome(node, false, null);
    }

    static Outcome failed(SimResponse failure) {
      return new Outcome(JSON.createObjectNode(), false, failure);
    }
  }

  /** One bulk job. Guarded by the simulator's lock. */
  private static final class Job {
    final String id;
    final String type;
    final List<ObjectNode> items;
    final Instant startsAt;
    final Instant completesAt;
    final ArrayNode results = JSON.createArrayNode();
    boolean finished;
    boolean failed;
    boolean failOnCompletion;

    Job(String id, String type, List<ObjectNode> items, Instant submittedAt, Instant startsAt, Instant completesAt) {
      this.id = id;
      this.type = type;
      this.items = List.copyOf(items);
      this.startsAt = startsAt;
      this.completesAt = completesAt.isAfter(submittedAt) ? completesAt : submittedAt;
    }
  }

  /** A remembered create answer for an idempotency key. */
  private record Idempotent(String requestBody, SimResponse response, Instant at) {}

  /** Records of one kind with their external id and unique-value indexes (case-insensitive). */
  private static final class Store {
    final TreeMap<Long, ObjectNode> rows = new TreeMap<>();
    final Map<String, Long> byExternal = new HashMap<>();
    final Map<String, Long> byUnique = new HashMap<>();
    final Map<Long, String[]> indexed = new HashMap<>();
    final @Nullable String uniqueField;

    Store(String kind, @Nullable String uniqueField) {
      Objects.requireNonNull(kind, "kind");
      this.uniqueField = uniqueField;
    }

    ObjectNode insert(ObjectNode node) {
      rows.put(node.get("id").asLong(), node);
      reindex(node);
      return node;
    }

    void reindex(ObjectNode node) {
      long id = node.get("id").asLong();
      String[] old = indexed.get(id);
      if (old != null) {
        if (old[0] != null) {
          byExternal.remove(old[0]);
        }
        if (old[1] != null) {
          byUnique.remove(old[1]);
        }
      }
      String ext = node.hasNonNull("external_id") ? key(node.get("external_id").asText()) : null;
      String unique = uniqueField != null && node.hasNonNull(uniqueField) ? key(node.get(uniqueField).asText()) : null;
      if (ext != null) {
        byExternal.put(ext, id);
      }
      if (unique != null) {
        byUnique.put(unique, id);
      }
      indexed.put(id, new String[] {ext, unique});
    }

    Optional<ObjectNode> get(long id) {
      return Optional.ofNullable(rows.get(id));
    }

    Optional<ObjectNode> byExternal(String externalId) {
      Long id = byExternal.get(key(externalId));
      return id == null ? Optional.empty() : get(id);
    }

    Optional<ObjectNode> byUnique(String value) {
      Long id = byUnique.get(key(value));
      return id == null ? Optional.empty() : get(id);
    }

    List<ObjectNode> copies() {
      List<ObjectNode> out = new ArrayList<>();
      rows.values().forEach(n -> out.add(n.deepCopy()));
      return Collections.unmodifiableList(out);
    }

    private static String key(String value) {
      return value.trim().toLowerCase(Locale.ROOT);
    }
  }

  /** Configures a {@link ZendeskSimulator}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String subdomain = "synckit";
    private int requestsPerMinute = 700;
    private int incrementalPerMinute = 10;
    private int maxJobs = 30;
    private Duration jobQueuedFor = Duration.ofMillis(500);
    private Duration jobWorkingFor = Duration.ofMillis(500);
    private Duration tokenLifetime = Duration.ofHours(1);
    private Duration idempotencyRetention = Duration.ofHours(2);

    private Builder() {}

    /** The clock for timestamps, windows, jobs and token expiry (a {@code MutableClock} in tests). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** The account subdomain; default {@code synckit}. */
    public Builder subdomain(String value) {
      this.subdomain = Objects.requireNonNull(value, "subdomain");
      return this;
    }

    /** The plan's requests per minute; default 700 (Enterprise). */
    public Builder requestsPerMinute(int value) {
      this.requestsPerMinute = positive(value, "requestsPerMinute");
      return this;
    }

    /** Incremental export requests per minute; default 10. */
    public Builder incrementalPerMinute(int value) {
      this.incrementalPerMinute = positive(value, "incrementalPerMinute");
      return this;
    }

    /** Jobs that may be queued or working at once; default 30. */
    public Builder maxJobs(int value) {
      this.maxJobs = positive(value, "maxJobs");
      return this;
    }

    /** How long a job stays queued, then working; default 500 ms each. */
    public Builder jobDurations(Duration queued, Duration working) {
      this.jobQueuedFor = Objects.requireNonNull(queued, "queued");
      this.jobWorkingFor = Objects.requireNonNull(working, "working");
      return this;
    }

    /** Lifetime of client-credentials tokens when the request names none; default 1 hour. */
    public Builder tokenLifetime(Duration value) {
      this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime");
      return this;
    }

    /** How long an Idempotency-Key is remembered; default 2 hours. */
    public Builder idempotencyRetention(Duration value) {
      this.idempotencyRetention = Objects.requireNonNull(value, "idempotencyRetention");
      return this;
    }

    /** The simulator (not started). */
    public ZendeskSimulator build() {
      return new ZendeskSimulator(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
