package dev.synckit.core.jdbc;

import dev.synckit.canonical.json.CanonicalJson;
import dev.synckit.core.audit.AuditLog;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.store.CheckpointStore;
import dev.synckit.core.store.IdempotencyStore;
import dev.synckit.core.store.XrefStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * SyncKit's stores on one database: journal, cross-reference, checkpoints, idempotency keys and
 * content hashes, audit log. H2 (embedded, for one process) and PostgreSQL (for several host instances
 * sharing work) are supported; the dialect is detected from the connection.
 *
 * <pre>{@code
 * SyncKitDatabase db = SyncKitDatabase.builder(dataSource).build();
 * db.migrate();                                   // creates or upgrades the schema (idempotent)
 * SyncEngine engine = SyncEngine.builder().database(db)...build();
 * }</pre>
 *
 * <p>Thread-safe; the stores it hands out are thread-safe and share the data source (use a pool).
 */
public final class SyncKitDatabase {

    /** The schema version this release writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final Sql sql;
    private final Dialect dialect;
    private final Clock clock;
    private final JdbcJournal journal;
    private final JdbcCheckpointStore checkpoints;
    private final JdbcXrefStore xref;
    private final JdbcIdempotencyStore idempotency;
    private final JdbcAuditLog audit;

    private SyncKitDatabase(Builder b) {
        this.sql = new Sql(b.dataSource);
        this.clock = b.clock;
        this.dialect = sql.inTransaction("dialect detection", Dialect::of);
        this.journal = new JdbcJournal(sql, dialect, clock, b.json, b.maxReplays, b.vacuumEvery);
        this.checkpoints = new JdbcCheckpointStore(sql, dialect, clock);
        this.xref = new JdbcXrefStore(sql, clock);
        this.idempotency = new JdbcIdempotencyStore(sql, dialect, clock);
        this.audit = new JdbcAuditLog(sql);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The stores on this data source with the defaults (system clock, loop guard of 5 replays). */
    public static SyncKitDatabase create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Creates the schema, or upgrades it to {@link #SCHEMA_VERSION}; does nothing when it is current.
     * Safe to call from several instances at once.
     *
     * @return the version the schema had before (0 when it did not exist)
     * @throws IllegalStateException when the database holds a newer schema than this release knows
     */
    public int migrate() {
        return sql.inTransaction("schema migration", c -> {
            int before = currentVersion(c);
            if (before > SCHEMA_VERSION) {
                throw new IllegalStateException("the database has SyncKit schema v" + before
                        + " but this release knows v" + SCHEMA_VERSION + ": upgrade SyncKit");
            }
            for (int v = before + 1; v <= SCHEMA_VERSION; v++) {
                apply(c, v);
            }
            return before;
        });
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sk_schema_version (version INT PRIMARY KEY,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        // several instances may migrate at once: the first to lock the version table does the work
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE sk_schema_version IN EXCLUSIVE MODE");
        } catch (SQLException e) {
            // H2 has no LOCK TABLE: one embedded process, nothing to race with
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                throw e;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM sk_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void apply(Connection c, int version) throws SQLException {
        for (String statement : statements(dialect.migrationPath(version))) {
            if (statement.toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TABLE IF NOT EXISTS SK_SCHEMA_VERSION")) {
                continue; // made above
            }
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sk_schema_version (version, applied_at) VALUES (?, ?)")) {
            ps.setInt(1, version);
            Sql.setInstant(ps, 2, clock.instant());
            ps.executeUpdate();
        }
    }

    static List<String> statements(String resource) {
        String text;
        try (InputStream in = SyncKitDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema resource " + resource, e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    public Journal journal() {
        return journal;
    }

    public CheckpointStore checkpointStore() {
        return checkpoints;
    }

    public XrefStore xrefStore() {
        return xref;
    }

    public IdempotencyStore idempotencyStore() {
        return idempotency;
    }

    public AuditLog auditLog() {
        return audit;
    }

    /** Whether this is PostgreSQL (several instances may share it) rather than embedded H2. */
    public boolean isPostgreSql() {
        return dialect == Dialect.POSTGRESQL;
    }

    /**
     * Retention: forgets event ids, idempotency keys and closed dead letters older than the cutoff, in
     * batches. Returns how many rows were removed.
     */
    public int purge(Instant cutoff) {
        return journal.purge(cutoff) + idempotency.purgeBefore(cutoff);
    }

    /** Configures a {@link SyncKitDatabase}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private CanonicalJson json = CanonicalJson.create();
        private int maxReplays = 5;
        private long vacuumEvery = 10_000;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The codec of event payloads (with the host's upcasters). */
        public Builder json(CanonicalJson value) {
            this.json = Objects.requireNonNull(value, "json");
            return this;
        }

        /** The loop guard: how often one dead letter may be replayed. */
        public Builder maxReplays(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxReplays must be >= 0, was " + value);
            }
            this.maxReplays = value;
            return this;
        }

        /**
         * PostgreSQL: the journal vacuums its delivery table after this many acknowledged deliveries (each
         * leaves a dead row: completed, dead-lettered or rescheduled), counted per {@code SyncKitDatabase};
         * 0 leaves it to autovacuum alone. The default,
         * 10,000, keeps the dead rows that claims step over to a few seconds' worth at high rates; see
         * docs/architecture.md. Ignored on H2.
         */
        public Builder vacuumEvery(long deliveries) {
            if (deliveries < 0) {
                throw new IllegalArgumentException("vacuumEvery must be >= 0, was " + deliveries);
            }
            this.vacuumEvery = deliveries;
            return this;
        }

        /**
         * @throws TransientException when the database cannot be reached
         */
        public SyncKitDatabase build() {
            return new SyncKitDatabase(this);
        }
    }
}
