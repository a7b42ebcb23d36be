package dev.synckit.core.failure;

import org.jspecify.annotations.Nullable;

/**
 * A failure that a later retry can fix: connection errors, timeouts, 5xx, lock contention. Thread-safe (immutable).
 */
public class TransientException extends SyncException {
    private static final long serialVersionUID = 1L;

    public TransientException(String reason, ErrorDetails details) {
        this(reason, details, null);
    }

    public TransientException(String reason, ErrorDetails details, @Nullable Throwable cause) {
        super(reason, details, cause, true);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.TRANSIENT;
    }

    @Override
    public TransientException withDetails(ErrorDetails newDetails) {
        return new TransientException(reason(), newDetails, getCause());
    }
}
