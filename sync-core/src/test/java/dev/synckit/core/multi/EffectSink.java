package dev.synckit.core.multi;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A target "platform" in the test database: every application attempt is logged in {@code t_attempt},
 * and the effect itself is an upsert keyed by event id into {@code t_effect} (as a platform upsert by
 * external id would be), with a global application order. Thread-safe.
 */
final class EffectSink implements RecordSink<String> {

    private final DataSource ds;
    private final String owner;

    EffectSink(DataSource ds, String owner) {
        this.ds = ds;
        this.owner = owner;
    }

    static void createTables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t_effect (applied_seq BIGINT GENERATED ALWAYS AS IDENTITY,"
                    + " event_id VARCHAR(64) PRIMARY KEY, business_key VARCHAR(64) NOT NULL, version INT NOT NULL,"
                    + " owner VARCHAR(64) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS t_attempt (id BIGINT GENERATED ALWAYS AS IDENTITY,"
                    + " event_id VARCHAR(64) NOT NULL, owner VARCHAR(64) NOT NULL)");
        }
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.of("effects");
    }

    @Override
    public String recordType() {
        return "effect";
    }

    @Override
    public int maxBatchSize() {
        return 50;
    }

    @Override
    public List<WriteOutcome> upsert(List<SinkRecord<String>> batch) {
        List<WriteOutcome> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement attempt = c.prepareStatement("INSERT INTO t_attempt (event_id, owner) VALUES (?, ?)");
                PreparedStatement effect = c.prepareStatement("INSERT INTO t_effect (event_id, business_key, version,"
                        + " owner) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            c.setAutoCommit(false);
            for (SinkRecord<String> r : batch) {
                String eventId = r.envelope().eventId().toString();
                attempt.setString(1, eventId);
                attempt.setString(2, owner);
                attempt.addBatch();
                effect.setString(1, eventId);
                effect.setString(2, r.envelope().businessKey());
                effect.setInt(3, Integer.parseInt(r.record()));
                effect.setString(4, owner);
                effect.addBatch();
                out.add(WriteOutcome.written(r.canonicalId(), "effect-" + r.canonicalId(), null));
            }
            attempt.executeBatch();
            effect.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("effect write failed", e);
        }
        return out;
    }
}
