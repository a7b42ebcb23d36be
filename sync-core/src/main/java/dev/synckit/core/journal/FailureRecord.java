package dev.synckit.core.journal;

import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.failure.SyncException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failure as the journal stores it: enough for an operator to understand and fix it, nothing that
 * needs the exception object. Immutable and thread-safe.
 *
 * @param failureClass how it was classified
 * @param code the platform's error code, or a SyncKit code such as {@code MAPPING_FAILED}
 * @param field the field at fault, if known
 * @param message the exception message (never holds a secret)
 * @param at when it happened
 */
public record FailureRecord(FailureClass failureClass, String code, @Nullable String field, String message,
        Instant at) {
    public FailureRecord {
        Objects.requireNonNull(failureClass, "failureClass");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    public static FailureRecord of(SyncException e, Instant at) {
        return new FailureRecord(e.failureClass(), e.platformCode().orElse(e.failureClass().name()),
                e.field().orElse(null), e.getMessage(), at);
    }
}
