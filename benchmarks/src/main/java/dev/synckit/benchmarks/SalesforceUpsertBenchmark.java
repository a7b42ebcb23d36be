package dev.synckit.benchmarks;

import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.EntityBinding;
import dev.synckit.core.InboundRoute;
import dev.synckit.core.OutboundRoute;
import dev.synckit.core.RunSummary;
import dev.synckit.core.SyncEngine;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.ChangeSource;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceRecord;
import dev.synckit.salesforce.CustomerToAccountMapper;
import dev.synckit.salesforce.SObjectUpsertSink;
import dev.synckit.salesforce.SalesforceClient;
import dev.synckit.salesforce.SalesforceConfig;
import dev.synckit.salesforce.SalesforceCredentials;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Upserting canonical customers as Salesforce Accounts through the engine into the simulator: the first sync
 * writes every account through sObject Collections (write calls and records/s reported), the second sync of the
 * same, unchanged customers (new change events, same content) must make no write call at all (the engine's
 * content-hash suppression, fed by the sink's deterministic records).
 *
 * <p>Run: {@code mvn -B -q -o -DskipTests install && java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat
 * benchmarks/target/classpath.txt)" dev.synckit.benchmarks.SalesforceUpsertBenchmark 10000 3}
 */
public final class SalesforceUpsertBenchmark {

    private static final String EXT = "SyncKit_Id__c";

    private SalesforceUpsertBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("accounts=%d rounds=%d cores=%d java=%s%n", accounts, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        boolean ok = true;
        for (int round = 0; round <= rounds; round++) {
            ok &= round(round, accounts);
        }
        if (!ok) {
            throw new IllegalStateException("an acceptance figure was missed (see above)");
        }
    }

    /** One full sync and one re-sync with a fresh simulator and engine; round 0 is the warm-up. */
    private static boolean round(int round, int accounts) {
        try (SalesforceSimulator sim = SalesforceSimulator.builder().build().start()) {
            sim.registerClient("bench", "bench-secret");
            sim.registerExternalIdField("Account", EXT);
            sim.registerField("Account", "BillingCountryCode");
            sim.registerField("Account", "BillingStateCode");
            SalesforceClient client = SalesforceClient.create(SalesforceConfig.builder().loginUrl(sim.baseUri())
                    .credentials(new SalesforceCredentials.ClientCredentials("bench", Secret.of("bench-secret")))
                    .build());
            Customers source = new Customers(accounts);
            OutboundRoute<Customer, ?> route = OutboundRoute.builder("salesforce-accounts", EntityBinding.customers(),
                    CustomerToAccountMapper.create(), SObjectUpsertSink.accounts(client, EXT))
                    .claimSize(SalesforceClient.MAX_COLLECTION_SIZE).build();
            try (SyncEngine engine = SyncEngine.builder()
                    .inbound(InboundRoute.builder("customers", source, (Customer c, dev.synckit.core.mapping.MappingContext
                            ctx) -> c, EntityBinding.customers()).build())
                    .outbound(route).workers(2).build()) {
                long start = System.nanoTime();
                RunSummary first = engine.runUntilIdle(Duration.ofMinutes(10));
                double seconds = (System.nanoTime() - start) / 1e9;
                long writeCalls = writeCalls(sim);
                int stored = sim.records("Account").size();

                source.touch(); // every customer changes version, none changes content
                sim.clearRequests();
                long start2 = System.nanoTime();
                RunSummary second = engine.runUntilIdle(Duration.ofMinutes(10));
                double seconds2 = (System.nanoTime() - start2) / 1e9;
                long writeCalls2 = writeCalls(sim);

                boolean ok = first.idle() && second.idle() && stored == accounts && writeCalls <= Math.ceil(accounts / 196.0)
                        && writeCalls2 == 0;
                System.out.printf("%s: sync %d accounts: %d written, %d write calls (%.1f records/call), %.0f records/s,"
                        + " %.2f s | re-sync unchanged: %d appended, %d unchanged, %d write calls, %.2f s%s%n",
                        round == 0 ? "warm-up" : "round " + round, accounts, first.written(), writeCalls,
                        (double) stored / Math.max(1, writeCalls), accounts / seconds, seconds,
                        // the engine's counters are cumulative: report the second run's share
                        appended(second) - appended(first), unchanged(second) - unchanged(first), writeCalls2, seconds2,
                        ok ? "" : "  <-- MISSED");
                return ok;
            }
        }
    }

    private static long appended(RunSummary s) {
        return s.inbound().stream().mapToLong(r -> r.appended()).sum();
    }

    private static long unchanged(RunSummary s) {
        return s.outbound().stream().mapToLong(r -> r.unchanged()).sum();
    }

    private static long writeCalls(SalesforceSimulator sim) {
        return sim.requests().stream().filter(r -> r.method().equals("PATCH")).count();
    }

    /** Canonical customers as a change source; {@link #touch()} re-emits them all as new, unchanged versions. */
    private static final class Customers implements ChangeSource<Customer> {
        private static final int PAGE = 1000;
        private final List<Customer> customers = new ArrayList<>();
        private volatile int version = 1;

        Customers(int n) {
            for (int i = 0; i < n; i++) {
                customers.add(Customer.builder().id(String.format("cust-%06d", i)).name("Account " + i)
                        .phone("+1 512 555 " + String.format("%04d", i % 10_000)).website("https://a" + i + ".example")
                        .addBillTo(new Party(PartyRole.BILL_TO, null, new Address(List.of(i + " Congress Ave"),
                                "Austin", "US-TX", "73301", "US"), null, null, true))
                        .lastModified(Instant.parse("2024-05-01T00:00:00Z")).sourceSystem(SourceSystem.NETSUITE)
                        .build());
            }
        }

        void touch() {
            version++;
        }

        @Override
        public SourceSystem system() {
            return SourceSystem.NETSUITE;
        }

        @Override
        public String recordType() {
            return "customer";
        }

        @Override
        public ChangePage<Customer> poll(Checkpoint from) {
            int v = version;
            int offset = 0;
            if (!from.isInitial()) {
                String[] parts = from.value().split(":");
                offset = Integer.parseInt(parts[0]) == v ? Integer.parseInt(parts[1]) : 0;
            }
            int end = Math.min(customers.size(), offset + PAGE);
            List<SourceRecord<Customer>> page = new ArrayList<>();
            for (Customer c : customers.subList(offset, end)) {
                page.add(new SourceRecord<>(c.id(), c.id() + "@" + v, c.lastModified(), c));
            }
            return new ChangePage<>(page, List.of(), Checkpoint.of(v + ":" + end), end < customers.size());
        }
    }
}
