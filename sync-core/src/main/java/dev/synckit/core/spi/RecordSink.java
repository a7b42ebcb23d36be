package dev.synckit.core.spi;

import dev.synckit.canonical.SourceSystem;
import java.util.List;

/**
 * Writes records to a target platform as idempotent upserts keyed by an external id, so that a
 * repeated write (after a lost acknowledgement, a retry, a replay) never creates a second record.
 * Implementations must be thread-safe: the engine calls {@link #upsert} from several workers.
 *
 * @param <T> the target record type
 */
public interface RecordSink<T> {

    /** The platform written to. */
    SourceSystem system();

    /** The target record type, e.g. {@code customer}. */
    String recordType();

    /** The most records one {@link #upsert} call takes; the engine never sends more. */
    default int maxBatchSize() {
        return 1;
    }

    /**
     * Upserts a batch. Returns exactly one outcome per input record, in input order: a failure of one
     * record is a {@link WriteOutcome.Failed}, not an exception.
     *
     * @throws dev.synckit.core.failure.SyncException only when the whole batch failed (e.g. the
     *     platform is down); the engine then treats every record as failed with that cause
     */
    List<WriteOutcome> upsert(List<SinkRecord<T>> batch);
}
