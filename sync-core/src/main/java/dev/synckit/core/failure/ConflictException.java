package dev.synckit.core.failure;

import org.jspecify.annotations.Nullable;

/**
 * The target holds conflicting state, e.g. several records match one external id (Salesforce 300). Needs a decision, not a retry. Thread-safe (immutable).
 */
public class ConflictException extends SyncException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String reason, ErrorDetails details) {
        this(reason, details, null);
    }

    public ConflictException(String reason, ErrorDetails details, @Nullable Throwable cause) {
        super(reason, details, cause, true);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.CONFLICT;
    }

    @Override
    public ConflictException withDetails(ErrorDetails newDetails) {
        return new ConflictException(reason(), newDetails, getCause());
    }
}
