package dev.synckit.core.spi;

import dev.synckit.core.Envelope;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One record to write to a target platform. Immutable and thread-safe if {@code T} is.
 *
 * @param canonicalId the canonical id of the record (the target's external id is derived from it)
 * @param knownSystemId the record's id in the target as the cross-reference knows it, if known
 * @param record the record in the target's shape
 * @param envelope the event that caused the write (for correlation and audit)
 * @param <T> the target record type
 */
public record SinkRecord<T>(String canonicalId, @Nullable String knownSystemId, T record, Envelope envelope) {
    public SinkRecord {
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(envelope, "envelope");
    }

    public Optional<String> systemId() {
        return Optional.ofNullable(knownSystemId);
    }
}
