package dev.synckit.core.failure;

import org.jspecify.annotations.Nullable;

/**
 * The platform refused our credentials. The HTTP layer refreshes credentials once and retries once; a second refusal reaches the caller. Thread-safe (immutable).
 */
public class UnauthorizedException extends SyncException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String reason, ErrorDetails details) {
        this(reason, details, null);
    }

    public UnauthorizedException(String reason, ErrorDetails details, @Nullable Throwable cause) {
        super(reason, details, cause, true);
    }

    @Override
    public FailureClass failureClass() {
        return FailureClass.UNAUTHORIZED;
    }

    @Override
    public UnauthorizedException withDetails(ErrorDetails newDetails) {
        return new UnauthorizedException(reason(), newDetails, getCause());
    }
}
