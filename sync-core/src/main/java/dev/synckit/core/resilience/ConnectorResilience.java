package dev.synckit.core.resilience;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One Failsafe pipeline per target system: a short retry (jittered backoff, the platform's Retry-After
 * when it gave one and it is short), a circuit breaker, a rate limiter sized to the platform quota and
 * a bulkhead sized to its concurrency limit, plus a {@link QuotaGovernor} that spaces calls once quota
 * readings show the quota running low. Long waits (a daily quota, a long outage) are not slept here:
 * they reach the engine, which persists the next attempt time. Thread-safe; share one instance per
 * platform account among all its clients.
 */
public final class ConnectorResilience {

    private final SourceSystem system;
    private final FailsafeExecutor<Object> executor;
    private final @Nullable QuotaGovernor governor;
    private final Sleeper sleeper;
    private final CircuitBreaker<Object> breaker;
    private final @Nullable Bulkhead<Object> bulkhead;
    private final boolean passThrough;

    private ConnectorResilience(Builder b) {
        this.passThrough = b.passThrough;
        this.system = b.system;
        this.governor = b.governor;
        this.sleeper = b.sleeper;
        Duration maxInCallWait = b.maxInCallWait;
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(e -> e instanceof SyncException s && s.retryable() && !(e instanceof UnauthorizedException))
                .abortIf((result, e) -> e instanceof RateLimitedException r
                        && r.retryAfter().map(d -> d.compareTo(maxInCallWait) > 0).orElse(false))
                .withMaxRetries(b.retries)
                // the platform's Retry-After exactly (never earlier); otherwise exponential backoff, full jitter
                .withDelayFn(ctx -> ctx.getLastException() instanceof RateLimitedException r && r.retryAfter().isPresent()
                        ? r.retryAfter().get() : fullJitter(b.initialBackoff, b.maxBackoff, ctx.getAttemptCount()))
                .build();
        this.breaker = CircuitBreaker.builder()
                .handleIf(e -> e instanceof TransientException)
                .withFailureThreshold(b.breakerFailures)
                .withDelay(b.breakerOpenFor)
                .withSuccessThreshold(1)
                .build();
        FailsafeExecutor<Object> ex = Failsafe.with(retry).compose(breaker);
        if (b.permits > 0) {
            ex = ex.compose(RateLimiter.smoothBuilder(b.permits, b.period).withMaxWaitTime(maxInCallWait).build());
        }
        this.bulkhead = b.maxConcurrent > 0
                ? Bulkhead.builder(b.maxConcurrent).withMaxWaitTime(maxInCallWait).build() : null;
        if (bulkhead != null) {
            ex = ex.compose(bulkhead);
        }
        this.executor = ex;
    }

    /** A random wait in [0, min(max, initial * 2^(attempt-1))]. */
    static Duration fullJitter(Duration initial, Duration max, int attempt) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < attempt && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(ceiling <= 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    public static Builder builder(SourceSystem system) {
        return new Builder(system);
    }

    /** No limits, no retries: calls go straight through. */
    public static ConnectorResilience none(SourceSystem system) {
        Builder b = builder(system).retries(0);
        b.passThrough = true;
        return b.build();
    }

    /**
     * Runs one platform call through the pipeline. Failsafe's own refusals become typed failures:
     * an open circuit and a full bulkhead or rate limiter are {@link TransientException}s (without stack
     * traces: they happen in hot loops).
     */
    public <T> T call(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        if (passThrough) {
            return call.get();
        }
        try {
            return executor.get(() -> {
                if (governor != null) {
                    Duration wait = governor.reserveSlot();
                    if (!wait.isZero()) {
                        try {
                            sleeper.sleep(wait);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new TransientException("interrupted while pacing calls to " + system.id(),
                                    ErrorDetails.of(system).withPlatformCode("INTERRUPTED"), e);
                        }
                    }
                }
                return call.get();
            });
        } catch (CircuitBreakerOpenException e) {
            throw new Refused(system, "CIRCUIT_OPEN", "circuit open after repeated failures of " + system.id());
        } catch (BulkheadFullException e) {
            throw new Refused(system, "BULKHEAD_FULL", "too many concurrent calls to " + system.id());
        } catch (RateLimitExceededException e) {
            throw new Refused(system, "RATE_LIMITED_LOCALLY", "local rate limit of " + system.id() + " exceeded");
        }
    }

    /** The circuit breaker's state: CLOSED, OPEN or HALF_OPEN. */
    public String circuitState() {
        return breaker.getState().name();
    }

    /** Whether calls are limited in number at once (a bulkhead is configured). */
    public boolean hasBulkhead() {
        return bulkhead != null;
    }

    /** A refusal of the pipeline itself: cheap (no stack trace), transient. */
    static final class Refused extends TransientException {
        private static final long serialVersionUID = 1L;

        Refused(SourceSystem system, String code, String reason) {
            super(reason, ErrorDetails.of(system).withPlatformCode(code));
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Configures a {@link ConnectorResilience}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final SourceSystem system;
        private int permits;
        private Duration period = Duration.ofSeconds(1);
        private int maxConcurrent;
        private int retries = 2;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int breakerFailures = 10;
        private Duration breakerOpenFor = Duration.ofSeconds(30);
        private Duration maxInCallWait = Duration.ofSeconds(30);
        private @Nullable QuotaGovernor governor;
        private Sleeper sleeper = Sleeper.system();
        private boolean passThrough;

        private Builder(SourceSystem system) {
            this.system = Objects.requireNonNull(system, "system");
        }

        /** At most {@code permits} calls per {@code period}, spread evenly. */
        public Builder rateLimit(int permits, Duration period) {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be >= 1, was " + permits);
            }
            this.permits = permits;
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /** At most this many calls at once (the platform's concurrency limit). */
        public Builder maxConcurrent(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + value);
            }
            this.maxConcurrent = value;
            return this;
        }

        /** Quick retries inside one call (the engine retries for longer). */
        public Builder retries(int value, Duration initial, Duration max) {
            this.retries = Math.max(0, value);
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        public Builder retries(int value) {
            this.retries = Math.max(0, value);
            return this;
        }

        /** Open the circuit after this many consecutive transient failures, for this long. */
        public Builder circuitBreaker(int failures, Duration openFor) {
            this.breakerFailures = Math.max(1, failures);
            this.breakerOpenFor = Objects.requireNonNull(openFor, "openFor");
            return this;
        }

        /** The longest a call waits in the pipeline (for a permit, a slot, a Retry-After) before it gives up. */
        public Builder maxInCallWait(Duration value) {
            this.maxInCallWait = Objects.requireNonNull(value, "maxInCallWait");
            return this;
        }

        /** Space calls when quota readings show the quota running low; feed it from the connector's observer. */
        public Builder quotaGovernor(QuotaGovernor value) {
            this.governor = Objects.requireNonNull(value, "governor");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        public ConnectorResilience build() {
            return new ConnectorResilience(this);
        }
    }

    /** A governor over the system clock with the usual settings: pace above 80 % used, keep 100 calls. */
    public static QuotaGovernor defaultGovernor(Duration window) {
        return new QuotaGovernor(Clock.systemUTC(), 0.8, 100, window);
    }
}
