package dev.synckit.core.spi;

import dev.synckit.core.failure.SyncException;
import java.util.Objects;

/**
 * A record a source read but could not parse (a field of the wrong type, a missing id). It is
 * reported, never dropped: the engine puts it in the dead letters with its cause and raw text.
 * Immutable and thread-safe.
 *
 * @param recordId the record's id as far as it could be read, or {@code "?"} plus its position
 * @param raw the raw record text (for an operator to fix and replay), truncated by the source if huge
 * @param cause the typed failure, naming the record and the field
 */
public record SourceFailure(String recordId, String raw, SyncException cause) {
    public SourceFailure {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(cause, "cause");
    }
}
