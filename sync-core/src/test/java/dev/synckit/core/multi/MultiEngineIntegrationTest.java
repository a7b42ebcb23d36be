package dev.synckit.core.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.canonical.event.CustomerUpdated;
import dev.synckit.core.Envelope;
import dev.synckit.core.contract.TestDatabases;
import dev.synckit.core.jdbc.SyncKitDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Several host instances (separate JVMs) sharing one PostgreSQL journal: every key's effects in append
 * order, every event's effect exactly once, and a killed instance's work finished by another.
 */
class MultiEngineIntegrationTest {

    private static final int KEYS = 200;
    private static final int VERSIONS = 50;

    private PGSimpleDataSource ds;
    private SyncKitDatabase db;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws SQLException {
        ds = TestDatabases.postgres();
        db = SyncKitDatabase.create(ds);
        db.migrate();
        EffectSink.createTables(ds);
    }

    @AfterEach
    void tearDown() {
        children.forEach(Process::destroyForcibly);
        TestDatabases.drop(ds);
    }

    /** 200 keys × 50 versions, appended in rounds so that every key's versions interleave with others. */
    private void appendEvents(int keys, int versions) {
        for (int v = 1; v <= versions; v++) {
            List<Envelope> batch = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                String id = "key-" + k;
                Customer c = Customer.builder().id(id).name("Customer " + k).customAttribute("version", Integer.toString(v))
                        .lastModified(Instant.EPOCH.plusSeconds(v)).sourceSystem(SourceSystem.SALESFORCE).build();
                batch.add(Envelope.forChange(v == 1 ? new CustomerRegistered(c) : new CustomerUpdated(c, Set.of("name")),
                        SourceSystem.SALESFORCE, id + "@" + v, "corr-" + id, Instant.EPOCH.plusSeconds(v)));
            }
            db.journal().append(batch, Set.of(EngineChild.ROUTE));
        }
    }

    private Process child(String owner, int workers, long leaseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EngineChild.class.getName(), TestDatabases.PG_URL, TestDatabases.PG_USER, ds.getCurrentSchema(), owner,
                Integer.toString(workers), Long.toString(leaseMillis));
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File("target/" + owner + ".log"));
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every key's effects in append (version) order; returns the number of effects checked. */
    private long assertEffectsInOrderAndOnce(int keys, int versions) throws SQLException {
        Map<String, Integer> last = new HashMap<>();
        long n = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT business_key, version FROM t_effect ORDER BY applied_seq")) {
            while (rs.next()) {
                String key = rs.getString(1);
                int version = rs.getInt(2);
                Integer previous = last.put(key, version);
                assertThat(version).as("version order of %s", key).isEqualTo(previous == null ? 1 : previous + 1);
                n++;
            }
        }
        assertThat(n).isEqualTo((long) keys * versions);
        assertThat(count("SELECT COUNT(DISTINCT event_id) FROM t_effect")).isEqualTo(n);
        return n;
    }

    @Test
    void twoEnginesInSeparateJvms_deliverEveryEventOnce_inKeyOrder() throws Exception {
        appendEvents(KEYS, VERSIONS);
        Process a = child("engine-a", 4, 30_000);
        Process b = child("engine-b", 4, 30_000);

        assertThat(a.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(db.journal().backlog(EngineChild.ROUTE)).isZero();
        assertEffectsInOrderAndOnce(KEYS, VERSIONS);
        // nothing was applied twice: no crash, so not even a repeated attempt
        assertThat(count("SELECT COUNT(*) FROM t_attempt")).isEqualTo((long) KEYS * VERSIONS);
        // both instances did a share of the work
        assertThat(count("SELECT COUNT(*) FROM t_effect WHERE owner = 'engine-a'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM t_effect WHERE owner = 'engine-b'")).isPositive();
    }

    @Test
    void anInstanceKilledMidRun_hasItsWorkFinishedByAnother_nothingLostNothingAppliedTwice() throws Exception {
        appendEvents(100, 30);
        Process doomed = child("engine-doomed", 4, 2_000);
        await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT COUNT(*) FROM t_effect") >= 500);
        doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process rescuer = child("engine-rescuer", 4, 2_000);
        assertThat(rescuer.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(db.journal().backlog(EngineChild.ROUTE)).isZero();
        assertEffectsInOrderAndOnce(100, 30);
        assertThat(count("SELECT COUNT(*) FROM t_effect WHERE owner = 'engine-rescuer'")).isPositive();
    }
}
