package dev.synckit.salesforce;

import dev.synckit.core.auth.CredentialsProvider;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.resilience.ConnectorResilience;
import dev.synckit.core.resilience.QuotaGovernor;
import dev.synckit.core.resilience.QuotaObserver;
import dev.synckit.core.resilience.QuotaReading;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link SalesforceClient} needs: where to log in, which API version, credentials, timeouts.
 * Immutable and thread-safe; build with {@link #builder()}.
 */
public final class SalesforceConfig {

    /** Production login host. Sandboxes use {@code https://test.salesforce.com}; client credentials need My Domain. */
    public static final URI PRODUCTION_LOGIN = URI.create("https://login.salesforce.com");

    private static final Pattern API_VERSION = Pattern.compile("v\\d+\\.\\d");

    private final URI loginUrl;
    private final String apiVersion;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final CredentialsProvider<SalesforceCredentials> credentials;
    private final String correlationHeader;
    private final @Nullable Integer queryBatchSize;
    private final Clock clock;
    private final QuotaObserver quotaObserver;
    private final Duration dailyQuotaRetryAfter;
    private final Consumer<Secret> refreshTokenRotated;
    private final @Nullable ConnectorResilience resilience;
    private final @Nullable ConnectorResilience tokenResilience;

    private SalesforceConfig(Builder b) {
        this.loginUrl = b.loginUrl;
        this.apiVersion = b.apiVersion;
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.credentials = Objects.requireNonNull(b.credentials, "credentials are required");
        this.correlationHeader = b.correlationHeader;
        this.queryBatchSize = b.queryBatchSize;
        this.clock = b.clock;
        this.quotaObserver = b.quotaObserver;
        this.dailyQuotaRetryAfter = b.dailyQuotaRetryAfter;
        this.refreshTokenRotated = b.refreshTokenRotated;
        this.resilience = b.resilience;
        this.tokenResilience = b.tokenResilience;
    }

    /**
     * The name of the daily quota in {@link QuotaReading#quota()}: {@code api-usage=N/M} of
     * {@code Sforce-Limit-Info}, a rolling 24 h window without a reset time.
     */
    public static final String DAILY_API_USAGE = "api-usage";
    /** The name of the burst allowance in {@link QuotaReading#quota()} ({@code api-bursts=N/M}, newer orgs). */
    public static final String API_BURSTS = "api-bursts";

    /**
     * An observer that passes on only the daily {@value #DAILY_API_USAGE} readings. A {@link QuotaGovernor} keeps
     * only the latest reading, so it must not see {@value #API_BURSTS}; {@link Builder#quotaObserver} applies this
     * filter by itself when handed a governor.
     */
    public static QuotaObserver dailyApiUsageOnly(QuotaObserver next) {
        Objects.requireNonNull(next, "next");
        return reading -> {
            if (DAILY_API_USAGE.equals(reading.quota())) {
                next.onReading(reading);
            }
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The login host the token endpoint lives on, without a trailing slash. */
    public URI loginUrl() {
        return loginUrl;
    }

    /** The REST API version, e.g. {@code v62.0}. */
    public String apiVersion() {
        return apiVersion;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Asked for credentials on every token request, so a rotated secret is picked up. */
    public CredentialsProvider<SalesforceCredentials> credentials() {
        return credentials;
    }

    /** The request header that carries the correlation id. */
    public String correlationHeader() {
        return correlationHeader;
    }

    /** The {@code Sforce-Query-Options: batchSize} hint, if set (200 to 2000; Salesforce may send fewer). */
    public Optional<Integer> queryBatchSize() {
        return Optional.ofNullable(queryBatchSize);
    }

    /** The clock JWT expiry is computed with. */
    public Clock clock() {
        return clock;
    }

    /** Receives the {@code api-usage} (and {@code api-bursts}) reading of every response. */
    public QuotaObserver quotaObserver() {
        return quotaObserver;
    }

    /**
     * How long the client stops calling once Salesforce says the daily quota is exhausted
     * ({@code REQUEST_LIMIT_EXCEEDED}, TotalRequests). Salesforce does not say when its rolling 24 h window frees
     * calls; default 1 h.
     */
    public Duration dailyQuotaRetryAfter() {
        return dailyQuotaRetryAfter;
    }

    /**
     * Called with the new refresh token when Salesforce rotates it (refresh-token flow with rotation on); the
     * old one no longer works, so the host must persist the new one. Default: does nothing.
     */
    public Consumer<Secret> refreshTokenRotated() {
        return refreshTokenRotated;
    }

    /**
     * The per-platform Failsafe pipeline every data call goes through (short retries, circuit breaker, rate
     * limiter, bulkhead, quota pacing), if one was configured; otherwise calls go straight out.
     */
    public Optional<ConnectorResilience> resilience() {
        return Optional.ofNullable(resilience);
    }

    /** The pipeline token requests go through, if one was configured (never the data pipeline, see the builder). */
    public Optional<ConnectorResilience> tokenResilience() {
        return Optional.ofNullable(tokenResilience);
    }

    @Override
    public String toString() {
        return "SalesforceConfig[loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", requestTimeout="
                + requestTimeout + "]";
    }

    /** Builds a {@link SalesforceConfig}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private URI loginUrl = PRODUCTION_LOGIN;
        private String apiVersion = "v62.0";
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private @Nullable CredentialsProvider<SalesforceCredentials> credentials;
        private String correlationHeader = "X-Correlation-Id";
        private @Nullable Integer queryBatchSize;
        private Clock clock = Clock.systemUTC();
        private QuotaObserver quotaObserver = QuotaObserver.none();
        private Duration dailyQuotaRetryAfter = Duration.ofHours(1);
        private Consumer<Secret> refreshTokenRotated = s -> { };
        private @Nullable ConnectorResilience resilience;
        private @Nullable ConnectorResilience tokenResilience;

        private Builder() {
        }

        /**
         * Receives every {@code Sforce-Limit-Info} reading (e.g. metrics, a {@link QuotaGovernor}): one
         * {@value SalesforceConfig#DAILY_API_USAGE} reading per response and, where the org reports it, one
         * {@value SalesforceConfig#API_BURSTS} reading before it. A {@link QuotaGovernor} is handed only the
         * daily readings (see {@link SalesforceConfig#dailyApiUsageOnly}); readings carry no reset time, so give
         * the governor a 24 h window.
         */
        public Builder quotaObserver(QuotaObserver value) {
            Objects.requireNonNull(value, "quotaObserver");
            this.quotaObserver = value instanceof QuotaGovernor ? dailyApiUsageOnly(value) : value;
            return this;
        }

        /**
         * The per-platform Failsafe pipeline of core ({@code ConnectorResilience.builder(SALESFORCE)...}) that
         * every data call goes through. Share one instance among all clients of one org. Token requests do not go
         * through it: a token is fetched while a data call already holds its bulkhead slot, so a shared bulkhead
         * of one would wait for itself; token requests also do not count against the daily quota.
         */
        public Builder resilience(ConnectorResilience value) {
            this.resilience = Objects.requireNonNull(value, "resilience");
            return this;
        }

        /** A pipeline of its own for token requests (e.g. a short retry); must not be the data pipeline. */
        public Builder tokenResilience(ConnectorResilience value) {
            this.tokenResilience = Objects.requireNonNull(value, "tokenResilience");
            return this;
        }

        /** How long to stop calling after the daily quota is exhausted; default 1 h. */
        public Builder dailyQuotaRetryAfter(Duration value) {
            this.dailyQuotaRetryAfter = positive(value, "dailyQuotaRetryAfter");
            return this;
        }

        /** Persists a rotated refresh token (must be thread-safe and must not log the value). */
        public Builder onRefreshTokenRotated(Consumer<Secret> value) {
            this.refreshTokenRotated = Objects.requireNonNull(value, "onRefreshTokenRotated");
            return this;
        }

        /** The login host ({@code https://login.salesforce.com}, {@code https://test.salesforce.com} or My Domain). */
        public Builder loginUrl(URI value) {
            Objects.requireNonNull(value, "loginUrl");
            if (!value.isAbsolute() || value.getHost() == null) {
                throw new IllegalArgumentException("loginUrl must be an absolute http(s) URL: " + value);
            }
            String s = value.toString();
            this.loginUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            return this;
        }

        /** The REST API version, {@code vNN.N}; default {@code v62.0}. */
        public Builder apiVersion(String value) {
            Objects.requireNonNull(value, "apiVersion");
            if (!API_VERSION.matcher(value).matches()) {
                throw new IllegalArgumentException("apiVersion must look like v62.0: " + value);
            }
            this.apiVersion = value;
            return this;
        }

        /** Per-request timeout; default 120 s. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** Connect timeout; default 10 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Fixed credentials. */
        public Builder credentials(SalesforceCredentials value) {
            this.credentials = CredentialsProvider.of(Objects.requireNonNull(value, "credentials"));
            return this;
        }

        /** Credentials looked up on every token request (for rotation). */
        public Builder credentials(CredentialsProvider<SalesforceCredentials> value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /** The correlation id header; default {@code X-Correlation-Id}. */
        public Builder correlationHeader(String value) {
            Objects.requireNonNull(value, "correlationHeader");
            if (value.isBlank()) {
                throw new IllegalArgumentException("correlationHeader must not be blank");
            }
            this.correlationHeader = value;
            return this;
        }

        /** Asks Salesforce for query batches of this size, 200 to 2000. */
        public Builder queryBatchSize(int value) {
            if (value < 200 || value > 2000) {
                throw new IllegalArgumentException("queryBatchSize must be 200..2000: " + value);
            }
            this.queryBatchSize = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @throws NullPointerException if no credentials were given */
        public SalesforceConfig build() {
            if (resilience != null && resilience == tokenResilience) {
                throw new IllegalArgumentException("tokenResilience must not be the data pipeline: a token fetched "
                        + "inside a data call would wait for the data call's own slot");
            }
            return new SalesforceConfig(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
