package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.BearerAuthenticator;
import dev.synckit.core.auth.TokenCache;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The Salesforce REST client: obtains and caches an access token, runs SOQL page by page, classifies
 * failures and tracks the daily API usage Salesforce reports. Every request goes through core's
 * {@link PlatformHttp}, which renews the token once on {@code INVALID_SESSION_ID} and retries once; other
 * retries are the caller's (the engine's) business.
 *
 * <p>Thread-safe: one instance per org, shared by all threads.
 */
public final class SalesforceClient {

    private final SalesforceConfig config;
    private final TokenCache<SalesforceToken> tokens;
    private final PlatformHttp http;
    private final PlatformHttp tokenHttp;
    private final AtomicReference<@Nullable ApiUsage> lastApiUsage = new AtomicReference<>();

    private SalesforceClient(SalesforceConfig config) {
        this.config = config;
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.tokenHttp = PlatformHttp.builder(SourceSystem.SALESFORCE, OAuthTokenClient::classify)
                .httpClient(jdk).requestTimeout(config.requestTimeout())
                .correlationHeader(config.correlationHeader()).build();
        OAuthTokenClient oauth = new OAuthTokenClient(config, tokenHttp);
        // Salesforce gives no expiry: the token is kept until a 401 says otherwise
        this.tokens = new TokenCache<>(oauth::fetch, config.clock(), Duration.ZERO);
        this.http = PlatformHttp.builder(SourceSystem.SALESFORCE, new SalesforceErrorClassifier())
                .httpClient(jdk)
                .requestTimeout(config.requestTimeout())
                .authenticator(new BearerAuthenticator(tokens))
                .observer(this::observe)
                .correlationHeader(config.correlationHeader())
                .build();
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
        result.header("Sforce-Limit-Info").flatMap(ApiUsage::parse).ifPresent(lastApiUsage::set);
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
            HttpResult result = http.send(get(url));
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
