package dev.synckit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.http.Json;
import dev.synckit.examples.AccountSeeder;
import dev.synckit.examples.CustomerSync;
import dev.synckit.netsuite.NetSuiteClient;
import dev.synckit.netsuite.NetSuiteConfig;
import dev.synckit.netsuite.TbaCredentials;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;

/**
 * End-to-end throughput of the customer sync (Salesforce simulator → engine → NetSuite simulator),
 * reported as a ratio to a baseline measured in the same process: the same number of bare NetSuite
 * upserts (PUT {@code eid:} + GET id, the two requests the sink sends per new record) from one thread,
 * with no reading, mapping, journal or engine. The ratio says what the whole pipeline costs on top of
 * the writes it cannot avoid.
 *
 * <p>Run: {@code mvn -B -q -DskipTests install && java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" dev.synckit.benchmarks.EndToEndSyncBenchmark 2000 3}
 * — or through exec:java, see benchmarks/README.md.
 */
public final class EndToEndSyncBenchmark {

    private static final String CK = "bench-ck";
    private static final String CS = "bench-cs";
    private static final String TOKEN = "bench-token";
    private static final String TS = "bench-ts";

    private EndToEndSyncBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("accounts=%d rounds=%d cores=%d java=%s%n", accounts, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        baseline(accounts); // warm-up
        engine(accounts, 2);
        for (int round = 1; round <= rounds; round++) {
            double base = baseline(accounts);
            double one = engine(accounts, 1);
            double two = engine(accounts, 2);
            System.out.printf("round %d: baseline %.0f rec/s | engine 1 worker %.0f rec/s (%.2fx baseline) | "
                    + "engine 2 workers %.0f rec/s (%.2fx baseline)%n", round, base, one, one / base, two, two / base);
        }
    }

    /** Bare upserts, one thread: records per second. */
    static double baseline(int accounts) {
        try (NetSuiteSimulator netsuite = NetSuiteSimulator.create().start()) {
            netsuite.registerToken(CK, CS, TOKEN, TS);
            NetSuiteClient client = NetSuiteClient.create(NetSuiteConfig.builder(netsuite.accountId(),
                    TbaCredentials.of(CK, CS, TOKEN, TS)).baseUri(netsuite.baseUri()).build());
            long start = System.nanoTime();
            for (int i = 0; i < accounts; i++) {
                ObjectNode body = Json.mapper().createObjectNode();
                body.put("companyName", "Baseline " + i);
                body.put("externalId", "base-" + i);
                client.upsertByExternalId("customer", "base-" + i, body);
                client.getByExternalId("customer", "base-" + i, "id");
            }
            return accounts / seconds(start);
        }
    }

    /** The whole sync with a fresh engine: records per second. */
    static double engine(int accounts, int workers) {
        try (SalesforceSimulator salesforce = SalesforceSimulator.builder().pageSize(2000).build().start();
                NetSuiteSimulator netsuite = NetSuiteSimulator.create().start()) {
            CustomerSync sync = new CustomerSync(salesforce, netsuite);
            sync.registerCredentials();
            AccountSeeder.seed(salesforce, accounts);
            long start = System.nanoTime();
            CustomerSync.Result result = sync.run(Duration.ofMinutes(10), workers);
            double rate = result.summary().written() / seconds(start);
            if (result.summary().written() != accounts) {
                throw new IllegalStateException("wrote " + result.summary().written() + " of " + accounts);
            }
            return rate;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
