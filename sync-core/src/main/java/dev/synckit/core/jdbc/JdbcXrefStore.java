package dev.synckit.core.jdbc;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.store.XrefEntry;
import dev.synckit.core.store.XrefStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/** Cross-references in {@code sk_xref}: unique both ways, batched writes. Thread-safe. */
final class JdbcXrefStore implements XrefStore {
    private final Sql sql;
    private final Clock clock;

    JdbcXrefStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
        return sql.inTransaction("xref look-up", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT system_id FROM sk_xref"
                    + " WHERE entity_type = ? AND canonical_id = ? AND system = ?")) {
                ps.setString(1, entityType);
                ps.setString(2, canonicalId);
                ps.setString(3, system.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public Optional<String> canonicalId(String entityType, SourceSystem system, String systemId) {
        return sql.inTransaction("xref look-up", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT canonical_id FROM sk_xref"
                    + " WHERE entity_type = ? AND system = ? AND system_id = ?")) {
                ps.setString(1, entityType);
                ps.setString(2, system.id());
                ps.setString(3, systemId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public java.util.Map<String, String> systemIds(String entityType, Collection<String> canonicalIds, SourceSystem system) {
        if (canonicalIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.List<String> ids = new java.util.ArrayList<>(canonicalIds);
        return sql.inTransaction("xref look-up", c -> {
            java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += 300) {
                java.util.List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 300));
                String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT canonical_id, system_id FROM sk_xref"
                        + " WHERE entity_type = ? AND system = ? AND canonical_id IN (" + in + ")")) {
                    ps.setString(1, entityType);
                    ps.setString(2, system.id());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 3, chunk.get(i));
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
    public void putAll(Collection<XrefEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        sql.inTransaction("xref write", c -> {
            try (PreparedStatement owner = c.prepareStatement("SELECT canonical_id FROM sk_xref"
                    + " WHERE entity_type = ? AND system = ? AND system_id = ?");
                    PreparedStatement update = c.prepareStatement("UPDATE sk_xref SET system_id = ?, updated_at = ?"
                            + " WHERE entity_type = ? AND canonical_id = ? AND system = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO sk_xref (entity_type, canonical_id,"
                            + " system, system_id, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                for (XrefEntry e : entries) {
                    owner.setString(1, e.entityType());
                    owner.setString(2, e.system().id());
                    owner.setString(3, e.systemId());
                    try (ResultSet rs = owner.executeQuery()) {
                        if (rs.next()) {
                            String current = rs.getString(1);
                            if (current.equals(e.canonicalId())) {
                                continue; // already known
                            }
                            throw new ConflictException(e.system().id() + " " + e.entityType() + " " + e.systemId()
                                    + " already belongs to canonical id " + current, ErrorDetails.of(e.system())
                                    .withPlatformCode("XREF_CONFLICT").withRecordId(e.canonicalId()));
                        }
                    }
                    // the platform re-created the record under a new id: the newest id wins
                    update.setString(1, e.systemId());
                    Sql.setInstant(update, 2, clock.instant());
                    update.setString(3, e.entityType());
                    update.setString(4, e.canonicalId());
                    update.setString(5, e.system().id());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, e.entityType());
                        insert.setString(2, e.canonicalId());
                        insert.setString(3, e.system().id());
                        insert.setString(4, e.systemId());
                        Sql.setInstant(insert, 5, clock.instant());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
