package dev.synckit.core.jdbc;

import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.store.CheckpointStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Checkpoints in {@code sk_checkpoint}; saved in the journal's append transaction when both share a database. Thread-safe. */
final class JdbcCheckpointStore implements CheckpointStore {
    private final Sql sql;
    private final Dialect dialect;
    private final Clock clock;

    JdbcCheckpointStore(Sql sql, Dialect dialect, Clock clock) {
        this.sql = sql;
        this.dialect = dialect;
        this.clock = clock;
    }

    boolean sharesDatabaseWith(Sql other) {
        return other.dataSource() == sql.dataSource();
    }

    @Override
    public Optional<Checkpoint> load(String sourceId) {
        return sql.inTransaction("checkpoint load", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM sk_checkpoint WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Checkpoint.of(rs.getString(1))) : Optional.<Checkpoint>empty();
                }
            }
        });
    }

    @Override
    public void save(String sourceId, Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        sql.inTransaction("checkpoint save", c -> {
            save(c, sourceId, checkpoint);
            return null;
        });
    }

    void save(Connection c, String sourceId, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                dialect.upsert("sk_checkpoint", "source_id", "source_id, position, updated_at"))) {
            ps.setString(1, Objects.requireNonNull(sourceId, "sourceId"));
            ps.setString(2, checkpoint.value());
            Sql.setInstant(ps, 3, clock.instant());
            ps.executeUpdate();
        }
    }
}
