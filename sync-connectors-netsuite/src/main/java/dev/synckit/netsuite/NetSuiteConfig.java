package dev.synckit.netsuite;

import dev.synckit.core.auth.CredentialsProvider;
import dev.synckit.core.resilience.ConnectorResilience;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one NetSuite account: account id, base URI, token-based credentials, timeouts, the clock and
 * nonce source used for signing, and write defaults. Build with {@link #builder(String, CredentialsProvider)};
 * a built config never changes and is thread-safe.
 */
public final class NetSuiteConfig {

    /** How NetSuite treats unknown property names in a request body ({@code X-NetSuite-PropertyNameValidation}). */
    public enum PropertyNameValidation {
        /** Refuse the request with {@code INVALID_CONTENT} naming the property: the SyncKit default, catches mapping mistakes. */
        ERROR("Error"),
        /** NetSuite's own default: unknown properties are silently ignored. */
        WARNING("Warning"),
        /** Ignore unknown properties. */
        IGNORE("Ignore");

        private final String headerValue;

        PropertyNameValidation(String headerValue) {
            this.headerValue = headerValue;
        }

        /** The header value NetSuite expects. */
        public String headerValue() {
            return headerValue;
        }
    }

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9]+(_[A-Za-z0-9]+)*");
    private static final Pattern SUBSIDIARY_ID = Pattern.compile("[0-9]+");
    private static final char[] NONCE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int NONCE_LENGTH = 32;

    private final String accountId;
    private final URI baseUri;
    private final @Nullable CredentialsProvider<TbaCredentials> credentials;
    private final @Nullable M2mCredentials m2m;
    private final int concurrencyLimit;
    private final ZoneId timeZone;
    private final Duration slowUnauthorized;
    private final Duration asyncPollInterval;
    private final int asyncMaxPolls;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Supplier<String> nonceSource;
    private final @Nullable String subsidiaryId;
    private final PropertyNameValidation propertyNameValidation;
    private final @Nullable ConnectorResilience resilience;

    private NetSuiteConfig(Builder b) {
        this.accountId = b.accountId;
        this.baseUri = b.baseUri != null ? b.baseUri : defaultBaseUri(b.accountId);
        this.credentials = b.credentials;
        this.m2m = b.m2m;
        this.concurrencyLimit = b.concurrencyLimit;
        this.timeZone = b.timeZone;
        this.slowUnauthorized = b.slowUnauthorized;
        this.asyncPollInterval = b.asyncPollInterval;
        this.asyncMaxPolls = b.asyncMaxPolls;
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        this.nonceSource = b.nonceSource != null ? b.nonceSource : secureNonces();
        this.subsidiaryId = b.subsidiaryId;
        this.propertyNameValidation = b.propertyNameValidation;
        this.resilience = b.resilience;
    }

    /**
     * Starts a config for an account.
     *
     * @param accountId the account id as NetSuite shows it, e.g. {@code 1234567} or {@code 1234567_SB1}
     * @param credentials supplies the current TBA credentials (read for every request, so rotation needs no restart)
     */
    public static Builder builder(String accountId, CredentialsProvider<TbaCredentials> credentials) {
        return new Builder(accountId, Objects.requireNonNull(credentials, "credentials"), null);
    }

    /** Starts a config for an account with fixed credentials. */
    public static Builder builder(String accountId, TbaCredentials credentials) {
        return new Builder(accountId, CredentialsProvider.of(credentials), null);
    }

    /**
     * Starts a config for an account that authenticates with OAuth 2.0 client credentials (M2M): bearer tokens from
     * {@code /services/rest/auth/oauth2/v1/token}, cached and renewed before their 60 minutes run out.
     */
    public static Builder builder(String accountId, M2mCredentials credentials) {
        return new Builder(accountId, null, Objects.requireNonNull(credentials, "credentials"));
    }

    /**
     * The account's REST host: the account id in lower case with {@code _} turned into {@code -}, e.g.
     * {@code https://1234567-sb1.suitetalk.api.netsuite.com}.
     */
    public static URI defaultBaseUri(String accountId) {
        requireAccountId(accountId);
        return URI.create("https://" + accountId.toLowerCase(Locale.ROOT).replace('_', '-')
                + ".suitetalk.api.netsuite.com");
    }

    public String accountId() {
        return accountId;
    }

    /** The OAuth realm: the account id in upper case, underscore kept ({@code 1234567_SB1}). */
    public String realm() {
        return accountId.toUpperCase(Locale.ROOT);
    }

    /** Scheme, host and port of the REST API, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The token-based authentication credentials, when the config uses TBA. */
    public Optional<CredentialsProvider<TbaCredentials>> tbaCredentials() {
        return Optional.ofNullable(credentials);
    }

    /** The OAuth 2.0 M2M credentials, when the config uses client credentials. */
    public Optional<M2mCredentials> m2mCredentials() {
        return Optional.ofNullable(m2m);
    }

    /** The OAuth 2.0 token endpoint on the account's REST host. */
    public URI tokenUri() {
        return URI.create(baseUri + "/services/rest/auth/oauth2/v1/token");
    }

    /**
     * The most NetSuite requests this process sends to the account at once (the client-side bulkhead shared by every
     * client of the same account and host). NetSuite's limit is per account and shared with every other
     * integration: 5 on the standard tier, 15 on Tier 1, plus 10 per SuiteCloud Plus licence.
     */
    public int concurrencyLimit() {
        return concurrencyLimit;
    }

    /** The account's time zone: SuiteQL shows and compares date-times in it. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /**
     * A 401 that took at least this long is suspected to be concurrency overload in disguise (platform-apis §2.8) and
     * is retried once.
     */
    public Duration slowUnauthorizedThreshold() {
        return slowUnauthorized;
    }

    /** How long to wait between polls of an async job. */
    public Duration asyncPollInterval() {
        return asyncPollInterval;
    }

    /** How many times to poll an async job before giving up with a transient failure. */
    public int asyncMaxPolls() {
        return asyncMaxPolls;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The clock that dates OAuth signatures. */
    public Clock clock() {
        return clock;
    }

    /** Supplies one fresh OAuth nonce per request. */
    public Supplier<String> nonceSource() {
        return nonceSource;
    }

    /** The subsidiary new customers are created in (required in OneWorld accounts). */
    public Optional<String> subsidiaryId() {
        return Optional.ofNullable(subsidiaryId);
    }

    public PropertyNameValidation propertyNameValidation() {
        return propertyNameValidation;
    }

    /**
     * Core's per-platform Failsafe pipeline (short retries, circuit breaker, rate limit, quota governor) that every
     * record, SuiteQL and job request passes, inside the account bulkhead; empty: none (the engine retries).
     */
    public Optional<ConnectorResilience> resilience() {
        return Optional.ofNullable(resilience);
    }

    @Override
    public String toString() {
        return "NetSuiteConfig[account=" + accountId + ", baseUri=" + baseUri + ", auth=" + (m2m != null ? "m2m" : "tba")
                + ", concurrencyLimit=" + concurrencyLimit + ", timeZone=" + timeZone + ", requestTimeout=" + requestTimeout
                + ", subsidiary=" + subsidiaryId + ", propertyNameValidation=" + propertyNameValidation
                + ", resilience=" + (resilience != null) + "]";
    }

    private static String requireAccountId(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be letters and digits, optionally with _ parts"
                    + " (e.g. 1234567_SB1), was " + accountId);
        }
        return accountId;
    }

    private static Supplier<String> secureNonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            char[] out = new char[NONCE_LENGTH];
            for (int i = 0; i < out.length; i++) {
                out[i] = NONCE_ALPHABET[random.nextInt(NONCE_ALPHABET.length)];
            }
            return new String(out);
        };
    }

    /** Configures a {@link NetSuiteConfig}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final String accountId;
        private final @Nullable CredentialsProvider<TbaCredentials> credentials;
        private final @Nullable M2mCredentials m2m;
        private int concurrencyLimit = 5;
        private ZoneId timeZone = ZoneOffset.UTC;
        private Duration slowUnauthorized = Duration.ofSeconds(30);
        private Duration asyncPollInterval = Duration.ofSeconds(1);
        private int asyncMaxPolls = 600;
        private @Nullable URI baseUri;
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Clock clock = Clock.systemUTC();
        private @Nullable Supplier<String> nonceSource;
        private @Nullable String subsidiaryId;
        private PropertyNameValidation propertyNameValidation = PropertyNameValidation.ERROR;
        private @Nullable ConnectorResilience resilience;

        private Builder(String accountId, @Nullable CredentialsProvider<TbaCredentials> credentials,
                @Nullable M2mCredentials m2m) {
            this.accountId = requireAccountId(accountId);
            this.credentials = credentials;
            this.m2m = m2m;
        }

        /** The account's concurrency limit, or the share of it this integration may use; default 5 (standard tier). */
        public Builder concurrencyLimit(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("concurrencyLimit must be positive, was " + value);
            }
            this.concurrencyLimit = value;
            return this;
        }

        /** The account's time zone (Setup > Company > General Preferences); default UTC. */
        public Builder timeZone(ZoneId value) {
            this.timeZone = Objects.requireNonNull(value, "timeZone");
            return this;
        }

        /** A 401 slower than this is retried once as likely concurrency overload; default 30 s. */
        public Builder slowUnauthorizedThreshold(Duration value) {
            this.slowUnauthorized = requirePositive(value, "slowUnauthorizedThreshold");
            return this;
        }

        /** Wait between polls of an async job (default 1 s; zero polls at once) and the most polls (default 600). */
        public Builder asyncPolling(Duration interval, int maxPolls) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || maxPolls < 1) {
                throw new IllegalArgumentException("interval must be >= 0 and maxPolls >= 1");
            }
            this.asyncPollInterval = interval;
            this.asyncMaxPolls = maxPolls;
            return this;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        /**
         * Overrides the REST host (tests point it at a simulator). The OAuth realm stays the account id. Only
         * scheme, host and port are used.
         */
        public Builder baseUri(URI value) {
            Objects.requireNonNull(value, "baseUri");
            if (value.getScheme() == null || value.getHost() == null) {
                throw new IllegalArgumentException("baseUri must be absolute, was " + value);
            }
            this.baseUri = URI.create(value.getScheme() + "://" + value.getRawAuthority());
            return this;
        }

        /** How long one request may take; default 120 s (NetSuite itself gives up after 15 minutes). */
        public Builder requestTimeout(Duration value) {
            Objects.requireNonNull(value, "requestTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive");
            }
            this.requestTimeout = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The source of OAuth nonces; by default 32 random letters and digits from a {@link SecureRandom}. Each
         * value must be unique per token and timestamp and at least 6 characters (20 recommended).
         */
        public Builder nonceSource(Supplier<String> value) {
            this.nonceSource = Objects.requireNonNull(value, "nonceSource");
            return this;
        }

        /** The internal id of the subsidiary new customers belong to. */
        public Builder subsidiaryId(String value) {
            Objects.requireNonNull(value, "subsidiaryId");
            if (!SUBSIDIARY_ID.matcher(value).matches()) {
                throw new IllegalArgumentException("subsidiaryId must be a NetSuite internal id (digits), was " + value);
            }
            this.subsidiaryId = value;
            return this;
        }

        /** Default {@link PropertyNameValidation#ERROR}. */
        public Builder propertyNameValidation(PropertyNameValidation value) {
            this.propertyNameValidation = Objects.requireNonNull(value, "propertyNameValidation");
            return this;
        }

        /**
         * Core's Failsafe pipeline for NetSuite, passed to the client's {@code PlatformHttp}: short retries of
         * transient failures (with {@code Retry-After}), a circuit breaker, a rate limiter and a quota governor. It runs
         * inside the connector's account bulkhead ({@link #concurrencyLimit}), which stays in charge of concurrency:
         * leave the pipeline's {@code maxConcurrent} unset (a second, smaller limit only adds waiting). A retry's
         * backoff holds the account slot it runs in, so keep retries few and short. Share one instance per account.
         * Token requests (M2M) do not pass it. Default: none.
         */
        public Builder resilience(ConnectorResilience value) {
            this.resilience = Objects.requireNonNull(value, "resilience");
            return this;
        }

        public NetSuiteConfig build() {
            return new NetSuiteConfig(this);
        }
    }
}
