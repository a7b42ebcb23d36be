package dev.synckit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.http.Json;
import dev.synckit.netsuite.IdempotencyKeys;
import dev.synckit.netsuite.NetSuiteClient;
import dev.synckit.netsuite.NetSuiteConfig;
import dev.synckit.netsuite.NetSuiteRecord;
import dev.synckit.netsuite.SuiteQlRow;
import dev.synckit.netsuite.TbaCredentials;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of NetSuite writes under the account's concurrency limit: 2,000 customers and 2,000 sales orders (2
 * lines each, items resolved by SKU once through SuiteQL) upserted by external id from 16 workers through the
 * connector's bulkhead of 5, against a simulator that admits 5 requests at once and holds each for 50 ms. The
 * theoretical ceiling is 5 / 50 ms = 100 requests/s; the report says how close the client comes and that the
 * simulator never saw more than 5 in flight. A second phase sends the customers again as async batches of 100.
 *
 * <p>Run: {@code java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)"
 * dev.synckit.benchmarks.NetSuiteGovernanceBenchmark 2000}
 */
public final class NetSuiteGovernanceBenchmark {

    private static final int LIMIT = 5;
    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final int WORKERS = 16;

    private NetSuiteGovernanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.printf("records=%d per type, limit=%d, latency=%d ms, workers=%d, cores=%d, java=%s%n", n, LIMIT,
                LATENCY.toMillis(), WORKERS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (NetSuiteSimulator sim = NetSuiteSimulator.builder().concurrencyLimit(LIMIT).latency(LATENCY).build().start()) {
            sim.registerToken("ck", "cs", "tok", "ts");
            NetSuiteClient client = NetSuiteClient.create(NetSuiteConfig.builder(sim.accountId(),
                    TbaCredentials.of("ck", "cs", "tok", "ts")).baseUri(sim.baseUri()).concurrencyLimit(LIMIT)
                    .asyncPolling(Duration.ZERO, 100).build());
            for (int i = 0; i < 20; i++) {
                sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-" + i));
            }
            Map<String, String> itemBySku = new HashMap<>();
            for (SuiteQlRow row : client.suiteQl("SELECT id, itemid FROM item ORDER BY id", 1000, 0).rows()) {
                itemBySku.put(row.string("itemid").orElseThrow(), row.id());
            }

            long before = sim.requestCount();
            long start = System.nanoTime();
            parallel(n, i -> client.upsertByExternalId("customer", "CUST-" + i,
                    Json.mapper().createObjectNode().put("companyName", "Customer " + i)));
            report("customers, one PUT eid: each", n, sim.requestCount() - before, System.nanoTime() - start);

            List<String> customerIds = new ArrayList<>();
            for (var rows = client.suiteQlPages("SELECT id FROM customer ORDER BY id", 1000); rows.hasNext();) {
                rows.next().rows().forEach(r -> customerIds.add(r.id()));
            }
            before = sim.requestCount();
            start = System.nanoTime();
            parallel(n, i -> client.upsertByExternalId("salesOrder", "OPP-" + i, order(customerIds.get(i % customerIds.size()),
                    itemBySku.get("SKU-" + (i % 20)), itemBySku.get("SKU-" + ((i + 7) % 20)))));
            report("sales orders, one PUT eid: each", n, sim.requestCount() - before, System.nanoTime() - start);

            before = sim.requestCount();
            start = System.nanoTime();
            int batches = (n + 99) / 100;
            parallel(batches, b -> {
                List<NetSuiteRecord> batch = new ArrayList<>();
                List<String> entries = new ArrayList<>();
                for (int i = b * 100; i < Math.min(n, b * 100 + 100); i++) {
                    batch.add(new NetSuiteRecord("customer", "CUST-" + i,
                            Json.mapper().createObjectNode().put("companyName", "Customer " + i + " v2")));
                    entries.add("bench-" + i);
                }
                client.upsertBatch("customer", batch, IdempotencyKeys.forBatch("upsert", "customer", entries));
            });
            report("customers again, async batches of 100", n, sim.requestCount() - before, System.nanoTime() - start);
            System.out.printf("simulator: peak in flight %d (limit %d), 429s %d, customers %d, sales orders %d%n",
                    sim.peakConcurrency(), LIMIT, sim.concurrencyRejections(), sim.recordCount("customer"),
                    sim.recordCount("salesOrder"));
        }
    }

    private static ObjectNode order(String customerId, String item1, String item2) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("entity").put("id", customerId);
        var items = body.putObject("item").putArray("items");
        items.addObject().put("quantity", 2).put("rate", 10.5).putObject("item").put("id", item1);
        items.addObject().put("quantity", 1).put("rate", 99).putObject("item").put("id", item2);
        return body;
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, int records, long requests, long nanos) {
        double seconds = nanos / 1e9;
        double rps = requests / seconds;
        System.out.printf("%-40s %5d records in %6.2f s: %6.1f records/s, %5d requests, %5.1f requests/s = %3.0f%% of the"
                + " 100 requests/s ceiling%n", what, records, seconds, records / seconds, requests, rps, rps);
    }
}
