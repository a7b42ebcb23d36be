package dev.synckit.core.journal;

import java.util.Objects;

/**
 * A record that failed before it could be journaled (unparseable, unmappable), to be kept as a dead
 * letter with its raw text. Immutable and thread-safe.
 *
 * @param route the source route it was read by
 * @param recordId the record's id as far as it could be read
 * @param raw the raw record text
 * @param failure why it failed
 */
public record RawDeadLetter(String route, String recordId, String raw, FailureRecord failure) {
    public RawDeadLetter {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(failure, "failure");
    }
}
