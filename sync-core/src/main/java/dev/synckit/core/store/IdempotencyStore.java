package dev.synckit.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers which effects happened (so a duplicate delivery has no second effect) and the content
 * hash last written per target record (so a write that would change nothing is skipped).
 * Implementations must be thread-safe; batch methods exist so durable stores can use one round trip.
 */
public interface IdempotencyStore {

    /** An in-memory store for tests and single-process use. */
    static IdempotencyStore inMemory() {
        return new InMemoryIdempotencyStore();
    }

    /** Which of the keys are already recorded. */
    Set<IdempotencyKey> recorded(Collection<IdempotencyKey> keys);

    /** Records keys as done at the given time; recording a key twice is harmless. */
    void recordAll(Collection<IdempotencyKey> keys, Instant at);

    /** The hash of the content last written for a target record, if any. */
    Optional<String> contentHash(String target, String recordKey);

    /** Saves the hash of the content just written for a target record. */
    void putContentHash(String target, String recordKey, String hash);

    /** The stored hashes of several records of one target (absent ones are left out). */
    default java.util.Map<String, String> contentHashes(String target, Collection<String> recordKeys) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (String key : recordKeys) {
            contentHash(target, key).ifPresent(h -> found.put(key, h));
        }
        return found;
    }

    /** Saves several hashes of one target at once. */
    default void putContentHashes(String target, java.util.Map<String, String> hashesByRecordKey) {
        hashesByRecordKey.forEach((key, hash) -> putContentHash(target, key, hash));
    }

    /** Forgets keys recorded before the given time; returns how many were removed. */
    int purgeBefore(Instant cutoff);
}
