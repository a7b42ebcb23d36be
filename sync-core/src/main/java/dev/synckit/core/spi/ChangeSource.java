package dev.synckit.core.spi;

import dev.synckit.canonical.SourceSystem;

/**
 * Reads changes from a platform, a page at a time, from a checkpoint. Implementations hold no cursor
 * state of their own between calls: the checkpoint says where to go on, so any instance can resume.
 * A page must be bounded in size whatever the backlog. Implementations must be thread-safe; the engine
 * calls {@link #poll} from one thread per source.
 *
 * @param <R> the platform record type
 */
public interface ChangeSource<R> {

    /** The platform read from. */
    SourceSystem system();

    /** The record type read, e.g. {@code Account}. */
    String recordType();

    /**
     * Reads the next page of changes after {@code from}.
     *
     * @throws dev.synckit.core.failure.SyncException classified; the engine retries transient ones
     *     and does not advance the checkpoint
     */
    ChangePage<R> poll(Checkpoint from);
}
