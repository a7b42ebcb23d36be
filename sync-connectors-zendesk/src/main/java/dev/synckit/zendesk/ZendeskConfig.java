package dev.synckit.zendesk;

import dev.synckit.core.resilience.Sleeper;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.CredentialsProvider;
import dev.synckit.core.resilience.ConnectorResilience;
import dev.synckit.core.resilience.QuotaObserver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one Zendesk account and how hard to use it: base URI, credentials, the plan's requests per
 * minute, the incremental-export limit, the job queue limit, job polling, the clock and sleeper, and the quota
 * observer. Build with {@link #builder(String, CredentialsProvider)}; a built config never changes and is
 * thread-safe.
 */
public final class ZendeskConfig {

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final URI baseUri;
    private final CredentialsProvider<ZendeskCredentials> credentials;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int requestsPerMinute;
    private final int incrementalExportsPerMinute;
    private final int maxQueuedJobs;
    private final int maxRateLimitRetries;
    private final Duration jobPollInterval;
    private final Duration jobTimeout;
    private final Duration tokenRenewBefore;
    private final Duration idempotencyKeyRetention;
    private final QuotaObserver quotaObserver;
    private final String correlationHeader;
    private final ConnectorResilience resilience;

    private ZendeskConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.credentials = b.credentials;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.requestsPerMinute = b.requestsPerMinute;
        this.incrementalExportsPerMinute = b.incrementalExportsPerMinute;
        this.maxQueuedJobs = b.maxQueuedJobs;
        this.maxRateLimitRetries = b.maxRateLimitRetries;
        this.jobPollInterval = b.jobPollInterval;
        this.jobTimeout = b.jobTimeout;
        this.tokenRenewBefore = b.tokenRenewBefore;
        this.idempotencyKeyRetention = b.idempotencyKeyRetention;
        this.quotaObserver = b.quotaObserver;
        this.correlationHeader = b.correlationHeader;
        this.resilience = b.resilience;
    }

    /**
     * Starts a config for {@code https://{subdomain}.zendesk.com}.
     *
     * @param credentials read for every (re)authentication, so a rotated token needs no restart
     */
    public static Builder builder(String subdomain, CredentialsProvider<ZendeskCredentials> credentials) {
        Objects.requireNonNull(subdomain, "subdomain");
        if (!SUBDOMAIN.matcher(subdomain).matches()) {
            throw new IllegalArgumentException("subdomain must be lower-case letters, digits and -, was " + subdomain);
        }
        return new Builder(URI.create("https://" + subdomain + ".zendesk.com"), credentials);
    }

    /** Starts a config with fixed credentials. */
    public static Builder builder(String subdomain, ZendeskCredentials credentials) {
        return builder(subdomain, CredentialsProvider.of(credentials));
    }

    /** Scheme, host and port, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    public CredentialsProvider<ZendeskCredentials> credentials() {
        return credentials;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** The plan's account-wide limit the connector keeps under. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** The separate limit of incremental export requests. */
    public int incrementalExportsPerMinute() {
        return incrementalExportsPerMinute;
    }

    /** Bulk jobs the connector keeps queued or working at once. */
    public int maxQueuedJobs() {
        return maxQueuedJobs;
    }

    /** How many 429 answers one call rides out (each after its Retry-After) before it gives up. */
    public int maxRateLimitRetries() {
        return maxRateLimitRetries;
    }

    public Duration jobPollInterval() {
        return jobPollInterval;
    }

    /** How long a bulk job may take before its items fail as transient. */
    public Duration jobTimeout() {
        return jobTimeout;
    }

    public Duration tokenRenewBefore() {
        return tokenRenewBefore;
    }

    /** How long Zendesk is assumed to remember an Idempotency-Key (UNCONFIRMED by Zendesk; default 2 hours). */
    public Duration idempotencyKeyRetention() {
        return idempotencyKeyRetention;
    }

    public QuotaObserver quotaObserver() {
        return quotaObserver;
    }

    public String correlationHeader() {
        return correlationHeader;
    }

    /** Core's per-platform pipeline every API request runs through; {@link ConnectorResilience#none} by default. */
    public ConnectorResilience resilience() {
        return resilience;
    }

    @Override
    public String toString() {
        return "ZendeskConfig[baseUri=" + baseUri + ", requestsPerMinute=" + requestsPerMinute
                + ", incrementalExportsPerMinute=" + incrementalExportsPerMinute + ", maxQueuedJobs=" + maxQueuedJobs
                + "]";
    }

    /** Configures a {@link ZendeskConfig}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private URI baseUri;
        private final CredentialsProvider<ZendeskCredentials> credentials;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private int requestsPerMinute = 700;
        private int incrementalExportsPerMinute = 10;
        private int maxQueuedJobs = 30;
        private int maxRateLimitRetries = 5;
        private Duration jobPollInterval = Duration.ofSeconds(2);
        private Duration jobTimeout = Duration.ofMinutes(10);
        private Duration tokenRenewBefore = Duration.ofSeconds(60);
        private Duration idempotencyKeyRetention = Duration.ofHours(2);
        private QuotaObserver quotaObserver = QuotaObserver.none();
        private String correlationHeader = "X-Correlation-Id";
        private ConnectorResilience resilience = ConnectorResilience.none(SourceSystem.ZENDESK);

        private Builder(URI baseUri, CredentialsProvider<ZendeskCredentials> credentials) {
            this.baseUri = baseUri;
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /** Overrides scheme, host and port (tests point it at a simulator). */
        public Builder baseUri(URI value) {
            Objects.requireNonNull(value, "baseUri");
            if (value.getScheme() == null || value.getHost() == null) {
                throw new IllegalArgumentException("baseUri must be absolute, was " + value);
            }
            this.baseUri = URI.create(value.getScheme() + "://" + value.getRawAuthority());
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The plan's requests per minute (Team 200, Growth/Professional 400, Enterprise 700, Plus 2500). */
        public Builder requestsPerMinute(int value) {
            this.requestsPerMinute = atLeast(value, 1, "requestsPerMinute");
            return this;
        }

        /** Incremental export requests per minute; 10, or 30 with the High Volume add-on. */
        public Builder incrementalExportsPerMinute(int value) {
            this.incrementalExportsPerMinute = atLeast(value, 1, "incrementalExportsPerMinute");
            return this;
        }

        /** Bulk jobs kept in flight; default 30, Zendesk's documented job limit. */
        public Builder maxQueuedJobs(int value) {
            this.maxQueuedJobs = atLeast(value, 1, "maxQueuedJobs");
            return this;
        }

        /** 429 answers one call rides out; default 5. 0 hands the first 429 to the caller. */
        public Builder maxRateLimitRetries(int value) {
            this.maxRateLimitRetries = atLeast(value, 0, "maxRateLimitRetries");
            return this;
        }

        /** Time between job status polls; default 2 s (Zendesk asks for 2 to 5 s). */
        public Builder jobPollInterval(Duration value) {
            this.jobPollInterval = positive(value, "jobPollInterval");
            return this;
        }

        public Builder jobTimeout(Duration value) {
            this.jobTimeout = positive(value, "jobTimeout");
            return this;
        }

        /** Renew a client-credentials token this long before it expires; default 60 s. */
        public Builder tokenRenewBefore(Duration value) {
            this.tokenRenewBefore = Objects.requireNonNull(value, "tokenRenewBefore");
            return this;
        }

        public Builder idempotencyKeyRetention(Duration value) {
            this.idempotencyKeyRetention = positive(value, "idempotencyKeyRetention");
            return this;
        }

        /** Receives {@code X-Rate-Limit-Remaining} / {@code ratelimit-remaining} readings. */
        public Builder quotaObserver(QuotaObserver value) {
            this.quotaObserver = Objects.requireNonNull(value, "quotaObserver");
            return this;
        }

        public Builder correlationHeader(String value) {
            this.correlationHeader = Objects.requireNonNull(value, "correlationHeader");
            return this;
        }

        /**
         * Core's per-platform Failsafe pipeline (short retries with backoff, circuit breaker, bulkhead, local rate
         * limit, quota pacing) that every API request of the client runs through, inside the connector's own
         * limiters (requests per minute, incremental exports per minute) and 429 handling, which stay. Share one
         * pipeline among all clients of one Zendesk account; default {@link ConnectorResilience#none}.
         */
        public Builder resilience(ConnectorResilience value) {
            this.resilience = Objects.requireNonNull(value, "resilience");
            return this;
        }

        public ZendeskConfig build() {
            return new ZendeskConfig(this);
        }

        private static Duration positive(@Nullable Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        private static int atLeast(int value, int min, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
            }
            return value;
        }
    }
}
