package dev.synckit.core.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for store tests: a fresh in-memory H2 database, or a fresh schema in the local PostgreSQL
 * (127.0.0.1:5432, user postgres, database test). Where PostgreSQL is absent the test is skipped with
 * a message, except under CI ({@code CI=true}), where its absence is a failure.
 */
public final class TestDatabases {

    public static final String PG_URL = System.getProperty("synckit.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("synckit.test.pg.user", "postgres");

    private TestDatabases() {
    }

    public static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** A data source on a new, empty schema of the local PostgreSQL. */
    public static PGSimpleDataSource postgres() {
        String schema = "sk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + ": under CI=true the PostgreSQL tests must run, not skip");
            }
            Assumptions.abort(why + ": skipping the PostgreSQL tests");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PG_URL);
        ds.setUser(PG_USER);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** A connection pool over a data source (PostgreSQL opens a process per connection: pool it). */
    public static com.zaxxer.hikari.HikariDataSource pooled(DataSource ds, int size) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(size);
        config.setPoolName("synckit-test");
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /** Drops a schema made by {@link #postgres()}. */
    public static void drop(PGSimpleDataSource ds) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + ds.getCurrentSchema() + " CASCADE");
        } catch (SQLException e) {
            // best effort: a leftover test schema harms nothing
        }
    }
}
