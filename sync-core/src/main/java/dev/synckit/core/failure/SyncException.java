package dev.synckit.core.failure;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked root of every SyncKit failure. Subclasses say how to handle it
 * ({@link #failureClass()}); {@link #details()} says where it came from. The message states the
 * cause plus every known detail and never contains a secret or a whole payload.
 *
 * <p>Instances are immutable once thrown, except that {@link #withRecordId(String)} returns a copy.
 */
public abstract class SyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final ErrorDetails details;

    protected SyncException(String reason, ErrorDetails details, @Nullable Throwable cause, boolean stackTrace) {
        super(Objects.requireNonNull(reason, "reason") + Objects.requireNonNull(details, "details").describe(),
                cause, true, stackTrace);
        this.reason = reason;
        this.details = details;
    }

    /** How this failure should be handled. */
    public abstract FailureClass failureClass();

    /** A copy of this exception with other details, same class and cause. */
    public abstract SyncException withDetails(ErrorDetails newDetails);

    /** The human-readable cause, without the details suffix. */
    public String reason() {
        return reason;
    }

    public ErrorDetails details() {
        return details;
    }

    /** Whether retrying the same request can help. */
    public boolean retryable() {
        return failureClass().retryable();
    }

    /** The platform's error code, if the platform gave one. */
    public Optional<String> platformCode() {
        return Optional.ofNullable(details.platformCode());
    }

    /** The field or JSON path at fault, if known. */
    public Optional<String> field() {
        return Optional.ofNullable(details.field());
    }

    /** The record at fault, if known. */
    public Optional<String> recordId() {
        return Optional.ofNullable(details.recordId());
    }

    /** A copy naming the record at fault; returns this when the record is already named. */
    public SyncException withRecordId(String recordId) {
        if (recordId.equals(details.recordId())) {
            return this;
        }
        return withDetails(details.withRecordId(recordId));
    }
}
