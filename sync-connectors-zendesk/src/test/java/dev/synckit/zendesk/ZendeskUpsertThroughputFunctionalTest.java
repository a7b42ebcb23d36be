package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark on virtual time: 10,000 organizations upserted against the simulator's 700 requests per
 * minute, once through bulk jobs (the sink) and once one {@code create_or_update} per record (to show the limiter
 * fills the plan's minute without a 429). Prints its figures; asserts the targets. Results and command:
 * {@code benchmarks/results/zendesk-upsert-throughput.txt}.
 */
class ZendeskUpsertThroughputFunctionalTest {

    private static final int RECORDS = 10_000;

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);

    @AfterEach
    void close() {
        sim.close();
    }

    private static List<SinkRecord<ZendeskRecord>> orgs() {
        List<SinkRecord<ZendeskRecord>> batch = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            String id = "cust-" + i;
            batch.add(Fixtures.record(id, Fixtures.org(id, "Org " + i), null));
        }
        return batch;
    }

    @Test
    void bulkJobs_use0point02RequestsPerRecordOrLess_andNever429() {
        ZendeskClient client = Fixtures.client(sim, clock);
        ZendeskOrganizationSink sink = ZendeskOrganizationSink.create(client);
        Instant start = clock.instant();
        long wall = System.nanoTime();
        List<WriteOutcome> outcomes = new ArrayList<>();
        List<SinkRecord<ZendeskRecord>> all = orgs();
        for (int from = 0; from < all.size(); from += sink.maxBatchSize()) {
            outcomes.addAll(sink.upsert(all.subList(from, Math.min(all.size(), from + sink.maxBatchSize()))));
        }
        long wallMs = (System.nanoTime() - wall) / 1_000_000;
        Duration virtual = Duration.between(start, clock.instant());
        double perRecord = (double) client.requestCount() / RECORDS;

        System.out.printf("bulk: %d organizations, %d requests (%d jobs, %d polls), %.4f requests/record, "
                        + "%d x 429, busiest minute %d of 700 (%.1f %%), virtual %s, wall %d ms%n",
                RECORDS, client.requestCount(), sim.jobsSubmitted(), client.requestCount() - sim.jobsSubmitted(),
                perRecord, sim.tooManyRequestsCount(), busiestMinute(), 100.0 * busiestMinute() / 700, virtual, wallMs);
        assertThat(outcomes).hasSize(RECORDS).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(sim.organizations()).hasSize(RECORDS);
        assertThat(perRecord).isLessThanOrEqualTo(0.02);
        assertThat(sim.tooManyRequestsCount()).isZero();
    }

    @Test
    void oneRequestPerRecord_fillsEveryMinuteOfThePlan_withoutA429() {
        ZendeskClient client = Fixtures.client(sim, clock);
        Instant start = clock.instant();
        long wall = System.nanoTime();
        for (int i = 0; i < RECORDS; i++) {
            client.createOrUpdateOrganization(Fixtures.org("cust-" + i, "Org " + i));
        }
        long wallMs = (System.nanoTime() - wall) / 1_000_000;
        Map<Long, Integer> perMinute = perMinute();
        long fullMinutes = perMinute.values().stream().filter(n -> n == 700).count();
        double share = 100.0 * RECORDS / (perMinute.size() * 700.0);

        System.out.printf("single: %d organizations, %d requests, %d x 429, %d minutes started, %d of them at"
                        + " 700/700, share of the limit over the run %.1f %%, virtual %s, wall %d ms%n",
                RECORDS, client.requestCount(), sim.tooManyRequestsCount(), perMinute.size(), fullMinutes, share,
                Duration.between(start, clock.instant()), wallMs);
        assertThat(sim.tooManyRequestsCount()).isZero();
        assertThat(share).isGreaterThanOrEqualTo(90.0);
        assertThat(fullMinutes).isEqualTo(RECORDS / 700);
    }

    private Map<Long, Integer> perMinute() {
        Map<Long, Integer> counts = new TreeMap<>();
        for (LoggedRequest r : sim.requests()) {
            counts.merge(r.at().getEpochSecond() / 60, 1, Integer::sum);
        }
        return counts;
    }

    private int busiestMinute() {
        return perMinute().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
