package dev.synckit.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
 * connection of its own in auto-commit mode (VACUUM cannot run inside a transaction). A failure, or a
 * refusal (PostgreSQL answers a role that does not own the table with a warning), is logged once and
 * switches the schedule off: autovacuum still runs, with the table's own thresholds from the schema. A
 * skip because another session is vacuuming the table is not a refusal. Thread-safe.
 */
final class DeliveryVacuum {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryVacuum.class);

    /** PostgreSQL's SQL state for "skipping vacuum: lock not available" (SKIP_LOCKED). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** A run may take at most this share of the time (1 / SHARE): after one that took t, the next waits (SHARE - 1) t. */
    private static final int SHARE = 10;

    private final Sql sql;
    private final long every;
    private final LongSupplier nanoTime;
    private final AtomicLong departed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong runs = new AtomicLong();
    private volatile boolean disabled;
    private volatile long notBefore;
    private volatile boolean ranOnce;

    /** @param every departed deliveries between two runs; 0 never runs */
    DeliveryVacuum(Sql sql, long every) {
        this(sql, every, System::nanoTime);
    }

    DeliveryVacuum(Sql sql, long every, LongSupplier nanoTime) {
        this.sql = sql;
        this.every = every;
        this.nanoTime = nanoTime;
        this.disabled = every <= 0;
    }

    /**
     * Counts deliveries that left the table; vacuums when the count reaches the mark, unless the last run
     * was too recent for its length: a vacuum's cost grows with the table's indexes (a large backlog), so
     * runs are spaced to take at most a tenth of the time of the thread that makes them.
     */
    void departed(int count) {
        if (disabled || count <= 0 || departed.addAndGet(count) < every
                || (ranOnce && nanoTime.getAsLong() - notBefore < 0) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            departed.set(0);
            long start = nanoTime.getAsLong();
            vacuum();
            long took = nanoTime.getAsLong() - start;
            notBefore = start + took * SHARE;
            ranOnce = true;
        } finally {
            running.set(false);
        }
    }

    /** Whether the schedule still runs (not turned off, not switched off by a failure or refusal). */
    boolean active() {
        return !disabled;
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
                // PostgreSQL refuses a vacuum it may not do with a warning, not an error
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    if (LOCK_NOT_AVAILABLE.equals(w.getSQLState())) {
                        return; // another instance is vacuuming the table right now: fine
                    }
                    disabled = true;
                    LOG.warn("the database would not vacuum sk_delivery ({}); leaving it to autovacuum from now on",
                            w.getMessage());
                    return;
                }
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
