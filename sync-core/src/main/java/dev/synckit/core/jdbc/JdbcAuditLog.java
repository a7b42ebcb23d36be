package dev.synckit.core.jdbc;

import dev.synckit.core.audit.AuditEntry;
import dev.synckit.core.audit.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The audit log in {@code sk_audit}; batched inserts. Thread-safe. */
final class JdbcAuditLog implements AuditLog {
    private final Sql sql;

    JdbcAuditLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void record(Collection<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        sql.inTransaction("audit write", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sk_audit (at, action, route, system, record_id,"
                    + " event_id, correlation_id, before_hash, after_hash, actor, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : entries) {
                    Sql.setInstant(ps, 1, e.at());
                    ps.setString(2, Sql.truncate(e.action(), 32));
                    ps.setString(3, Sql.truncate(e.route(), 128));
                    ps.setString(4, e.system());
                    ps.setString(5, Sql.truncate(e.recordId(), 255));
                    Sql.setUuid(ps, 6, e.eventId());
                    ps.setString(7, e.correlationId());
                    ps.setString(8, e.beforeHash());
                    ps.setString(9, e.afterHash());
                    ps.setString(10, Sql.truncate(e.actor(), 128));
                    ps.setString(11, e.detail() == null ? null : Sql.truncate(e.detail(), 4000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> forRecord(String recordId, int limit) {
        return sql.inTransaction("audit query", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sk_audit WHERE record_id = ?"
                    + " ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, recordId);
                ps.setInt(2, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(Sql.instant(rs, "at"), rs.getString("action"), rs.getString("route"),
                                rs.getString("system"), rs.getString("record_id"), Sql.uuid(rs, "event_id"),
                                rs.getString("correlation_id"), rs.getString("before_hash"), rs.getString("after_hash"),
                                rs.getString("actor"), rs.getString("detail")));
                    }
                }
                return out;
            }
        });
    }
}
