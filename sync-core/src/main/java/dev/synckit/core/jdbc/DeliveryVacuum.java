package dev.synckit.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's delivery table small between autovacuum runs. Every delivery leaves a dead row
 * (and a dead entry in each of the table's indexes) when it completes; autovacuum wakes once a minute
 * at best, and at thousands of deliveries a second the claim and per-key look-ups would spend their time
 * stepping over the dead entries of the last minute. So the journal runs {@code VACUUM (SKIP_LOCKED)
 * sk_delivery} itself after every {@code every} departed deliveries: a few milliseconds on a table whose
 * live part is the backlog, skipped when another instance is vacuuming it already.
 *
 * <p>Runs on the thread whose acknowledgement crossed the mark, after its transaction committed, on a
 * connection of its own in auto-commit mode (VACUUM cannot run inside a transaction). A failure (a role
 * that may not vacuum the table, say) is logged once and switches the schedule off: autovacuum still
 * runs, with the table's own thresholds from the schema. Thread-safe.
 */
final class DeliveryVacuum {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryVacuum.class);

    private final Sql sql;
    private final long every;
    private final AtomicLong departed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private volatile boolean disabled;

    /** @param every departed deliveries between two runs; 0 never runs */
    DeliveryVacuum(Sql sql, long every) {
        this.sql = sql;
        this.every = every;
        this.disabled = every <= 0;
    }

    /** Counts deliveries that left the table; vacuums when the count reaches the mark. */
    void departed(int count) {
        if (disabled || count <= 0 || departed.addAndGet(count) < every || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            departed.set(0);
            vacuum();
        } finally {
            running.set(false);
        }
    }

    /** How many times the table was vacuumed by this schedule. */
    long runs() {
        return runs.get();
    }

    private void vacuum() {
        try (Connection c = sql.dataSource().getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (SKIP_LOCKED) sk_delivery");
                runs.incrementAndGet();
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            disabled = true;
            LOG.warn("cannot vacuum sk_delivery ({}); leaving it to autovacuum from now on", e.getMessage());
        }
    }
}
