package dev.synckit.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.Envelope;
import dev.synckit.core.contract.TestDatabases;
import dev.synckit.core.journal.Ack;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.JournalEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The journal's own vacuum of PostgreSQL's delivery table (see {@link DeliveryVacuum}). */
class DeliveryVacuumIntegrationTest {

    private PGSimpleDataSource ds;

    @AfterEach
    void dropSchema() {
        if (ds != null) {
            TestDatabases.drop(ds);
        }
    }

    private SyncKitDatabase database(long vacuumEvery) {
        ds = TestDatabases.postgres();
        SyncKitDatabase db = SyncKitDatabase.builder(ds).vacuumEvery(vacuumEvery).build();
        db.migrate();
        return db;
    }

    private static void deliver(Journal journal, int count) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Customer c = Customer.builder().id("c" + i).name("Customer " + i).lastModified(Instant.EPOCH)
                    .sourceSystem(SourceSystem.SALESFORCE).build();
            envelopes.add(Envelope.forChange(new CustomerRegistered(c), SourceSystem.SALESFORCE, "c" + i, "corr", Instant.EPOCH));
        }
        journal.append(envelopes, Set.of("d"));
        List<JournalEntry> claimed = journal.claim("d", count, "w", Duration.ofMinutes(1));
        assertThat(claimed).hasSize(count);
        // acknowledged in slices, so the mark is crossed inside a run of acknowledgements
        for (int from = 0; from < count; from += 10) {
            journal.acknowledge(claimed.subList(from, Math.min(count, from + 10)).stream().map(Ack::completed).toList());
        }
    }

    /** The server's own count of manual vacuums of this schema's delivery table. */
    private long vacuumCount() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'sk_delivery'"
                        + " AND schemaname = current_schema()")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void vacuumsTheDeliveryTable_everySoManyDepartedDeliveries() {
        SyncKitDatabase db = database(50);
        JdbcJournal journal = (JdbcJournal) db.journal();

        deliver(journal, 120);

        // the first mark (50) always runs; the second (100) only if the first run was quick enough for the
        // spacing rule (tested exactly with a fake ticker below)
        long runs = journal.vacuumRuns();
        assertThat(runs).isBetween(1L, 2L);
        assertThat(journal.vacuumScheduled()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(this::vacuumCount, n -> n == runs);
        assertThat(journal.backlog("d")).isZero();
    }

    @Test
    void leavesTheTableToAutovacuum_whenTurnedOff() throws SQLException {
        SyncKitDatabase db = database(0);
        JdbcJournal journal = (JdbcJournal) db.journal();

        deliver(journal, 120);

        assertThat(journal.vacuumRuns()).isZero();
        assertThat(journal.vacuumScheduled()).isFalse();
        assertThat(vacuumCount()).isIn(-1L, 0L); // -1: no statistics of the table yet
    }

    @Test
    void aRoleThatMayNotVacuumTheTable_turnsTheScheduleOff_andTheJournalKeepsWorking() throws SQLException {
        database(0); // the schema, owned by the test's superuser
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE sk_test_worker LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            s.execute("GRANT USAGE ON SCHEMA " + ds.getCurrentSchema() + " TO sk_test_worker");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + ds.getCurrentSchema()
                    + " TO sk_test_worker");
            s.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + ds.getCurrentSchema() + " TO sk_test_worker");
        }
        PGSimpleDataSource worker = new PGSimpleDataSource();
        worker.setURL(TestDatabases.PG_URL);
        worker.setUser("sk_test_worker");
        worker.setCurrentSchema(ds.getCurrentSchema());
        JdbcJournal journal = (JdbcJournal) SyncKitDatabase.builder(worker).vacuumEvery(50).build().journal();
        assertThat(journal.vacuumScheduled()).isTrue();

        deliver(journal, 120);

        assertThat(journal.vacuumRuns()).isZero();
        assertThat(journal.vacuumScheduled()).isFalse();
        assertThat(journal.backlog("d")).isZero();
    }

    @Test
    void spacesItsRuns_soThatTheyTakeAtMostATenthOfTheTime() {
        SyncKitDatabase db = database(0);
        AtomicLong now = new AtomicLong();
        // every reading of the ticker moves it one second on: a run "takes" one second
        DeliveryVacuum vacuum = new DeliveryVacuum(new Sql(ds), 50, () -> now.getAndAdd(1_000_000_000L));
        deliver(db.journal(), 10);

        vacuum.departed(60);
        assertThat(vacuum.runs()).isEqualTo(1); // started at 0 s, took 1 s: the next not before 10 s

        vacuum.departed(60);
        assertThat(vacuum.runs()).isEqualTo(1); // at 2 s: too soon, the count is kept

        now.set(10_000_000_000L);
        vacuum.departed(1);
        assertThat(vacuum.runs()).isEqualTo(2);
    }

    @Test
    void refusesANegativeInterval() {
        assertThatThrownBy(() -> SyncKitDatabase.builder(TestDatabases.h2()).vacuumEvery(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vacuumEvery");
    }
}
