package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.resilience.ConnectorResilience;
import dev.synckit.core.resilience.QuotaGovernor;
import dev.synckit.core.resilience.QuotaReading;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SalesforceResilienceFunctionalTest {

    private static final String SECRET = "resilience-Secret-9";
    private static final String SOQL = "SELECT Id FROM Account";

    private SalesforceSimulator sim;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() throws InterruptedException {
        if (sim != null) {
            sim.releaseDataResponses();
            sim.close();
        }
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void start(SalesforceSimulator simulator) {
        sim = simulator;
        sim.start();
        sim.registerClient("client-1", SECRET);
        sim.seedRecord("Account", Map.of("Name", "Acme"));
    }

    private SalesforceConfig.Builder config() {
        return SalesforceConfig.builder().loginUrl(sim.baseUri())
                .credentials(new SalesforceCredentials.ClientCredentials("client-1", Secret.of(SECRET)));
    }

    private static long count(SalesforceClient client) {
        return client.query(SOQL).mapToLong(p -> p.rows().size()).sum();
    }

    @Test
    void maxConcurrentOne_secondCallerNeverReachesTheOrgWhileTheFirstIsInFlight() throws Exception {
        start(SalesforceSimulator.create());
        ConnectorResilience pipeline = ConnectorResilience.builder(SourceSystem.SALESFORCE)
                .maxConcurrent(1).retries(0).maxInCallWait(Duration.ofMillis(100)).build();
        SalesforceClient client = SalesforceClient.create(config().resilience(pipeline).build());
        count(client); // token cached, so both calls below are data calls only
        long before = sim.requestCount();

        sim.holdDataResponses();
        Future<Long> first = threads.submit(() -> count(client));
        assertThat(sim.awaitDataRequestsInFlight(1, Duration.ofSeconds(10))).isTrue();

        assertThatThrownBy(() -> count(client)).isInstanceOfSatisfying(TransientException.class,
                e -> assertThat(e.details().platformCode()).isEqualTo("BULKHEAD_FULL"));
        sim.releaseDataResponses();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(sim.requestCount() - before).as("only the first caller's query reached the org").isEqualTo(1);
        assertThat(sim.maxConcurrentDataRequests()).isEqualTo(1);
    }

    @Test
    void maxConcurrentOne_queuedCallersRunOneAfterTheOther() throws Exception {
        start(SalesforceSimulator.create());
        ConnectorResilience pipeline = ConnectorResilience.builder(SourceSystem.SALESFORCE)
                .maxConcurrent(1).retries(0).maxInCallWait(Duration.ofSeconds(30)).build();
        SalesforceClient client = SalesforceClient.create(config().resilience(pipeline).build());
        count(client);

        sim.holdDataResponses();
        List<Future<Long>> callers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(threads.submit(() -> count(client)));
        }
        assertThat(sim.awaitDataRequestsInFlight(1, Duration.ofSeconds(10))).isTrue();
        sim.releaseDataResponses();

        for (Future<Long> f : callers) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(sim.maxConcurrentDataRequests()).isEqualTo(1);
    }

    @Test
    void withoutAPipeline_concurrentCallersOverlapAtTheOrg() throws Exception {
        start(SalesforceSimulator.create());
        SalesforceClient client = SalesforceClient.create(config().build());
        count(client);

        sim.holdDataResponses();
        Future<Long> a = threads.submit(() -> count(client));
        Future<Long> b = threads.submit(() -> count(client));
        assertThat(sim.awaitDataRequestsInFlight(2, Duration.ofSeconds(10))).as("the control: both calls reach the org").isTrue();
        sim.releaseDataResponses();

        assertThat(a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(sim.maxConcurrentDataRequests()).isEqualTo(2);
    }

    @Test
    void quotaGovernor_fedBySforceLimitInfo_pacesTheNextCallThroughThePipeline() {
        start(SalesforceSimulator.builder().dailyApiLimit(10).build());
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
        QuotaGovernor governor = new QuotaGovernor(clock, 0.5, 0, Duration.ofHours(24));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        ConnectorResilience pipeline = ConnectorResilience.builder(SourceSystem.SALESFORCE)
                .quotaGovernor(governor).sleeper(waits::add).build();
        SalesforceClient client = SalesforceClient.create(config().quotaObserver(governor).resilience(pipeline).build());

        for (int i = 0; i < 7; i++) {
            count(client);
        }

        assertThat(client.lastApiUsage()).contains(new ApiUsage(7, 10));
        // the 6th call (after 5/10) takes the first paced slot at once; the 7th (after 6/10: 4 calls left of a
        // rolling 24 h window) is spaced one 6 h step after it
        assertThat(waits).containsExactly(Duration.ofHours(6));
        assertThat(governor.pace()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void quotaObserver_givenAGovernor_passesOnlyTheDailyReading() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
        QuotaGovernor governor = new QuotaGovernor(clock, 0.8, 0, Duration.ofHours(24));
        SalesforceConfig cfg = SalesforceConfig.builder()
                .credentials(new SalesforceCredentials.ClientCredentials("c", Secret.of("s")))
                .quotaObserver(governor).build();

        cfg.quotaObserver().onReading(new QuotaReading(SourceSystem.SALESFORCE, SalesforceConfig.DAILY_API_USAGE,
                10, 1000, null, clock.instant()));
        cfg.quotaObserver().onReading(new QuotaReading(SourceSystem.SALESFORCE, SalesforceConfig.API_BURSTS,
                749, 750, null, clock.instant()));

        assertThat(governor.pace()).as("a nearly spent burst allowance is not the daily quota").isZero();
    }

    @Test
    void tokenResilience_mustNotBeTheDataPipeline() {
        ConnectorResilience pipeline = ConnectorResilience.builder(SourceSystem.SALESFORCE).maxConcurrent(1).build();
        SalesforceConfig.Builder b = SalesforceConfig.builder()
                .credentials(new SalesforceCredentials.ClientCredentials("c", Secret.of("s")))
                .resilience(pipeline).tokenResilience(pipeline);

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenResilience");
    }
}
