package dev.synckit.core.failure;

/**
 * How a failure should be handled. Each class maps to one typed subclass of {@link SyncException}.
 */
public enum FailureClass {
    /** Retry with backoff: network errors, 5xx, lock contention. */
    TRANSIENT(true),
    /** Retry, but not before the time the platform gave. */
    RATE_LIMITED(true),
    /** Refresh credentials once, then retry. */
    UNAUTHORIZED(true),
    /** Business or validation error: never retried, goes to the dead letters. */
    REJECTED(false),
    /** The target holds a conflicting state (duplicate match, version clash): needs a decision, not a retry. */
    CONFLICT(false);

    private final boolean retryable;

    FailureClass(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether retrying the same request can succeed without anyone changing the data. */
    public boolean retryable() {
        return retryable;
    }
}
