package dev.synckit.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Thread-safe (concurrent maps). */
final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<IdempotencyKey, Instant> keys = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    @Override
    public Set<IdempotencyKey> recorded(Collection<IdempotencyKey> wanted) {
        Set<IdempotencyKey> found = new HashSet<>();
        for (IdempotencyKey k : wanted) {
            if (keys.containsKey(k)) {
                found.add(k);
            }
        }
        return found;
    }

    @Override
    public void recordAll(Collection<IdempotencyKey> done, Instant at) {
        for (IdempotencyKey k : done) {
            keys.putIfAbsent(k, at);
        }
    }

    @Override
    public Optional<String> contentHash(String target, String recordKey) {
        return Optional.ofNullable(hashes.get(target + '\u0000' + recordKey));
    }

    @Override
    public void putContentHash(String target, String recordKey, String hash) {
        hashes.put(target + '\u0000' + recordKey, hash);
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        int before = keys.size();
        keys.values().removeIf(at -> at.isBefore(cutoff));
        return before - keys.size();
    }
}
