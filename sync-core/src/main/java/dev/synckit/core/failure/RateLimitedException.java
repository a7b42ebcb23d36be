package dev.synckit.core.failure;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The platform throttled us. Retry no sooner than {@link #retryAfter()} when the platform said;
 * otherwise back off. Thrown in hot loops, so it carries no stack trace. Thread-safe (immutable).
 */
public class RateLimitedException extends SyncException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String reason, ErrorDetails details) {
        this(reason, details, null);
    }

    public RateLimitedException(String reason, ErrorDetails details, @Nullable Throwable cause) {
        super(reason, details, cause, false);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.RATE_LIMITED;
    }

    /** The wait the platform asked for, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(details().retryAfter());
    }

    @Override
    public RateLimitedException withDetails(ErrorDetails newDetails) {
        return new RateLimitedException(reason(), newDetails, getCause());
    }
}
