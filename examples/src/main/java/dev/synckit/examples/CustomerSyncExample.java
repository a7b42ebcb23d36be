package dev.synckit.examples;

import dev.synckit.core.RouteStats;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The customer master sync, end to end on loopback: starts the Salesforce and NetSuite simulators,
 * seeds 500 accounts in a three-level hierarchy, syncs them into NetSuite, prints a summary, then runs
 * the whole sync again with a fresh engine to show that upserts by external id create no duplicates.
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

            CustomerSync.Result first = sync.run(Duration.ofMinutes(5));
            print(out, "First run", first, sync, netsuite);

            CustomerSync.Result second = sync.run(Duration.ofMinutes(5));
            print(out, "Second run (fresh engine, same platforms)", second, sync, netsuite);

            boolean ok = first.summary().idle() && second.summary().idle()
                    && netsuite.recordCount("customer") == accounts && first.deadLetters().isEmpty();
            out.println(ok ? "OK: every account is in NetSuite once, with its parent."
                    : "NOT OK: see the dead letters above.");
            if (!ok) {
                System.exit(1);
            }
        }
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
