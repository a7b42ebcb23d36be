package dev.synckit.core.jdbc;

import dev.synckit.core.store.IdempotencyKey;
import dev.synckit.core.store.IdempotencyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Effect keys in {@code sk_idempotency} and content hashes in {@code sk_content_hash}; batched. Thread-safe. */
final class JdbcIdempotencyStore implements IdempotencyStore {
    private static final int PURGE_BATCH = 1000;

    private final Sql sql;
    private final Dialect dialect;
    private final Clock clock;

    JdbcIdempotencyStore(Sql sql, Dialect dialect, Clock clock) {
        this.sql = sql;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Override
    public Set<IdempotencyKey> recorded(Collection<IdempotencyKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<IdempotencyKey> list = new ArrayList<>(keys);
        return sql.inTransaction("idempotency look-up", c -> {
            Set<IdempotencyKey> found = new HashSet<>();
            for (int from = 0; from < list.size(); from += 300) {
                List<IdempotencyKey> chunk = list.subList(from, Math.min(list.size(), from + 300));
                String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT event_id, target, operation FROM sk_idempotency"
                        + " WHERE event_id IN (" + in + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        Sql.setUuid(ps, i + 1, chunk.get(i).eventId());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            IdempotencyKey k = new IdempotencyKey(Sql.uuid(rs, "event_id"), rs.getString("target"),
                                    rs.getString("operation"));
                            if (keys.contains(k)) {
                                found.add(k);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void recordAll(Collection<IdempotencyKey> keys, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        sql.inTransaction("idempotency record", c -> {
            try (PreparedStatement ps = c.prepareStatement(dialect.insertIgnore("sk_idempotency",
                    "event_id, target, operation", "event_id, target, operation, recorded_at"))) {
                for (IdempotencyKey k : keys) {
                    Sql.setUuid(ps, 1, k.eventId());
                    ps.setString(2, k.target());
                    ps.setString(3, k.operation());
                    Sql.setInstant(ps, 4, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<String> contentHash(String target, String recordKey) {
        return sql.inTransaction("content hash look-up", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT hash FROM sk_content_hash WHERE target = ? AND record_key = ?")) {
                ps.setString(1, target);
                ps.setString(2, recordKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void putContentHash(String target, String recordKey, String hash) {
        sql.inTransaction("content hash write", c -> {
            try (PreparedStatement ps = c.prepareStatement(dialect.upsert("sk_content_hash", "target, record_key",
                    "target, record_key, hash, updated_at"))) {
                ps.setString(1, target);
                ps.setString(2, recordKey);
                ps.setString(3, hash);
                Sql.setInstant(ps, 4, clock.instant());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public java.util.Map<String, String> contentHashes(String target, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return java.util.Map.of();
        }
        List<String> keys = new ArrayList<>(recordKeys);
        return sql.inTransaction("content hash look-up", c -> {
            java.util.Map<String, String> found = new java.util.HashMap<>();
            for (int from = 0; from < keys.size(); from += 300) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 300));
                String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT record_key, hash FROM sk_content_hash"
                        + " WHERE target = ? AND record_key IN (" + in + ")")) {
                    ps.setString(1, target);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void putContentHashes(String target, java.util.Map<String, String> hashesByRecordKey) {
        if (hashesByRecordKey.isEmpty()) {
            return;
        }
        sql.inTransaction("content hash write", c -> {
            try (PreparedStatement ps = c.prepareStatement(dialect.upsert("sk_content_hash", "target, record_key",
                    "target, record_key, hash, updated_at"))) {
                for (java.util.Map.Entry<String, String> e : hashesByRecordKey.entrySet()) {
                    ps.setString(1, target);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    Sql.setInstant(ps, 4, clock.instant());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        int total = 0;
        int removed;
        do {
            removed = sql.inTransaction("idempotency purge", c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sk_idempotency WHERE (event_id, target,"
                        + " operation) IN (SELECT event_id, target, operation FROM sk_idempotency WHERE recorded_at < ?"
                        + " LIMIT " + PURGE_BATCH + ")")) {
                    Sql.setInstant(ps, 1, cutoff);
                    return ps.executeUpdate();
                }
            });
            total += removed;
        } while (removed == PURGE_BATCH);
        return total;
    }
}
