package dev.synckit.core.store;

import dev.synckit.core.spi.Checkpoint;
import java.util.Optional;

/**
 * Where each change source's position is kept between polls and across restarts.
 * Implementations must be thread-safe.
 */
public interface CheckpointStore {

    /** An in-memory store for tests and single-process use. */
    static CheckpointStore inMemory() {
        return new InMemoryCheckpointStore();
    }

    /** The saved checkpoint of a source, if any. */
    Optional<Checkpoint> load(String sourceId);

    /** Saves a source's checkpoint; call only after the changes before it are durably journaled. */
    void save(String sourceId, Checkpoint checkpoint);
}
