package dev.synckit.examples;

import dev.synckit.core.RouteStats;
import dev.synckit.core.jdbc.SyncKitDatabase;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.io.PrintStream;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The customer master sync, end to end on loopback: starts the Salesforce and NetSuite simulators,
 * seeds 500 accounts in a three-level hierarchy, syncs them into NetSuite with the journal, checkpoints
 * and cross-reference in an embedded H2 database, and prints a summary. A second run on the same
 * database resumes from its checkpoint (nothing to read); a third run on an empty database reads
 * everything again and shows that upserts by external id create no duplicates.
 *
 * <p>Run it with {@code mvn -B -q -Prun-example -DskipTests -pl examples -am package}; pass a number
 * of accounts with {@code -Dexec.args=2000}.
 */
public final class CustomerSyncExample {

    private CustomerSyncExample() {
    }

    public static void main(String[] args) {
        // Hibernate Validator logs through jboss-logging: route it to SLF4J like everything else
        System.setProperty("org.jboss.logging.provider", "slf4j");
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        PrintStream out = System.out;
        try (SalesforceSimulator salesforce = SalesforceSimulator.builder().pageSize(200).build().start();
                NetSuiteSimulator netsuite = NetSuiteSimulator.create().start()) {
            CustomerSync sync = new CustomerSync(salesforce, netsuite);
            sync.registerCredentials();
            AccountSeeder.seed(salesforce, accounts);
            out.printf("Seeded %d Salesforce accounts (3-level hierarchy) at %s; NetSuite simulator at %s%n",
                    accounts, salesforce.baseUri(), netsuite.baseUri());

            // the default durable store: H2 embedded in this process
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:synckit-example;DB_CLOSE_DELAY=-1");
            SyncKitDatabase database = SyncKitDatabase.create(h2);
            database.migrate();

            CustomerSync.Result first = sync.run(Duration.ofMinutes(5), 2, database);
            print(out, "First run (H2 journal, checkpoints, cross-reference)", first, sync, netsuite);

            CustomerSync.Result second = sync.run(Duration.ofMinutes(5), 2, database);
            print(out, "Second run, same database (resumes from its checkpoint)", second, sync, netsuite);

            SyncKitDatabase empty = SyncKitDatabase.create(fresh());
            empty.migrate();
            CustomerSync.Result third = sync.run(Duration.ofMinutes(5), 2, empty);
            print(out, "Third run, state lost (empty database: reads everything again)", third, sync, netsuite);

            boolean ok = first.summary().idle() && second.summary().idle() && third.summary().idle()
                    && netsuite.recordCount("customer") == accounts && first.deadLetters().isEmpty()
                    && second.summary().read() == 0;
            out.println(ok ? "OK: every account is in NetSuite once, with its parent."
                    : "NOT OK: see the dead letters above.");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    private static JdbcDataSource fresh() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:synckit-example-lost;DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static void print(PrintStream out, String title, CustomerSync.Result r, CustomerSync sync,
            NetSuiteSimulator netsuite) {
        RouteStats in = r.summary().route(CustomerSync.SOURCE_ROUTE).orElseThrow();
        RouteStats target = r.summary().route(CustomerSync.TARGET_ROUTE).orElseThrow();
        long[] parents = sync.parentsResolved();
        out.printf("%n== %s ==%n", title);
        out.printf("  read from Salesforce      %6d%n", in.read());
        out.printf("  written to NetSuite       %6d  (retries %d, e.g. a child waiting for its parent)%n",
                target.written(), target.retried());
        out.printf("  unchanged, not sent       %6d%n", target.unchanged());
        out.printf("  failed (dead letters)     %6d%n", r.summary().failed());
        out.printf("  NetSuite customers        %6d%n", netsuite.recordCount("customer"));
        out.printf("  parents resolved          %6d of %d%n", parents[0], parents[1]);
        out.printf("  API calls                 Salesforce %d, NetSuite %d%n", r.salesforceCalls(), r.netsuiteCalls());
        out.printf("  elapsed                   %d ms%s%n", r.summary().elapsed().toMillis(),
                r.summary().idle() ? "" : "  (TIMED OUT before idle)");
        for (DeadLetter d : r.deadLetters()) {
            out.printf("  dead letter  %-20s %s%n", d.route(), d.failure().message());
        }
    }
}
