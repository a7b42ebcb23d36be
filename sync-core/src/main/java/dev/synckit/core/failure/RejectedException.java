package dev.synckit.core.failure;

import org.jspecify.annotations.Nullable;

/**
 * The platform (or a mapper) refused the record itself: a validation or business-rule error. Never retried; the record goes to the dead letters with the platform's code and field. Thread-safe (immutable).
 */
public class RejectedException extends SyncException {
    private static final long serialVersionUID = 1L;

    public RejectedException(String reason, ErrorDetails details) {
        this(reason, details, null);
    }

    public RejectedException(String reason, ErrorDetails details, @Nullable Throwable cause) {
        super(reason, details, cause, true);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.REJECTED;
    }

    @Override
    public RejectedException withDetails(ErrorDetails newDetails) {
        return new RejectedException(reason(), newDetails, getCause());
    }
}
