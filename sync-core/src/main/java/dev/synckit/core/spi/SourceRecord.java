package dev.synckit.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One changed record as read from a source platform. Immutable and thread-safe if {@code R} is.
 *
 * @param recordId the platform's id of the record
 * @param changeKey identifies this version of the record (e.g. id plus modification stamp);
 *     reading the same version twice gives the same key, so the journal keeps it once
 * @param modifiedAt when the platform says the record changed
 * @param record the record in the platform's shape
 * @param <R> the platform record type
 */
public record SourceRecord<R>(String recordId, String changeKey, Instant modifiedAt, R record) {
    public SourceRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(changeKey, "changeKey");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(record, "record");
    }
}
