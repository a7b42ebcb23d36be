package dev.synckit.core.store;

import dev.synckit.core.spi.Checkpoint;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Thread-safe (concurrent map). */
final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    @Override
    public Optional<Checkpoint> load(String sourceId) {
        return Optional.ofNullable(checkpoints.get(sourceId));
    }

    @Override
    public void save(String sourceId, Checkpoint checkpoint) {
        checkpoints.put(Objects.requireNonNull(sourceId, "sourceId"), Objects.requireNonNull(checkpoint, "checkpoint"));
    }
}
