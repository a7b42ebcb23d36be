package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZendeskOrganizationSinkFunctionalTest {

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);
    private final ZendeskClient client = Fixtures.client(sim, clock);
    private final ZendeskOrganizationSink sink = ZendeskOrganizationSink.create(client);

    @AfterEach
    void close() {
        sim.close();
    }

    private static List<SinkRecord<ZendeskRecord>> orgs(int n, String namePrefix) {
        List<SinkRecord<ZendeskRecord>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("cust-%04d", i);
            batch.add(Fixtures.record(id, Fixtures.org(id, namePrefix + " " + i), null));
        }
        return batch;
    }

    @Test
    void upsert_250Organizations_goOutAs3BulkJobs_everyOutcomeAccountedFor() {
        List<WriteOutcome> outcomes = sink.upsert(orgs(250, "Org"));

        assertThat(outcomes).hasSize(250);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Written.class,
                w -> assertThat(w.wasCreated()).contains(true)));
        assertThat(outcomes).extracting(WriteOutcome::canonicalId).containsExactlyElementsOf(
                orgs(250, "Org").stream().map(SinkRecord::canonicalId).toList());
        assertThat(sim.jobsSubmitted()).isEqualTo(3);
        List<LoggedRequest> creates = sim.requests().stream()
                .filter(r -> r.path().endsWith("/organizations/create_many")).toList();
        assertThat(creates).hasSize(3);
        assertThat(sim.organizations()).hasSize(250);
        Set<String> ids = new HashSet<>();
        for (WriteOutcome o : outcomes) {
            String id = ((WriteOutcome.Written) o).systemId();
            assertThat(ids.add(id)).isTrue();
            assertThat(sim.organizationByExternalId(o.canonicalId()).orElseThrow().path("id").asText()).isEqualTo(id);
        }
        // polls ask for every job in flight at once
        assertThat(sim.requests().stream().filter(r -> r.path().endsWith("/job_statuses/show_many")).count())
                .isEqualTo(1);
    }

    @Test
    void upsert_again_withoutKnownIds_updatesInPlace_neverCreatesADuplicate() {
        sink.upsert(orgs(120, "Org"));
        List<WriteOutcome> again = sink.upsert(orgs(120, "Renamed"));

        assertThat(again).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Written.class,
                w -> assertThat(w.wasCreated()).contains(false)));
        assertThat(sim.organizations()).hasSize(120);
        assertThat(sim.organizationByExternalId("cust-0007").orElseThrow().path("name").asText())
                .isEqualTo("Renamed 7");
    }

    @Test
    void upsert_withKnownIds_goesStraightToUpdateMany() {
        List<WriteOutcome> first = sink.upsert(orgs(3, "Org"));
        sim.clearRequests();
        List<SinkRecord<ZendeskRecord>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = first.get(i).canonicalId();
            batch.add(Fixtures.record(id, Fixtures.org(id, "Known " + i), ((WriteOutcome.Written) first.get(i))
                    .systemId()));
        }
        List<WriteOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(sim.requests()).extracting(LoggedRequest::path)
                .containsExactly("/api/v2/organizations/update_many", "/api/v2/job_statuses/show_many");
    }

    @Test
    void upsert_aRefusedItem_failsAlone_namingZendesksCodeAndField() {
        List<SinkRecord<ZendeskRecord>> batch = new ArrayList<>(orgs(3, "Org"));
        ObjectNode clash = Fixtures.org("cust-dup", "Org 1"); // same name as cust-0001
        batch.add(Fixtures.record("cust-dup", clash, null));

        List<WriteOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes.subList(0, 3)).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure().platformCode()).contains("DuplicateValue");
            assertThat(f.failure().field()).contains("name");
            assertThat(f.failure().recordId()).contains("cust-dup");
            assertThat(f.failure().retryable()).isFalse();
        });
    }

    @Test
    void upsert_aFailedJob_failsItsItemsAsTransient_andTheOthersStillWrite() {
        sim.failNextJobs(1);
        List<WriteOutcome> outcomes = sink.upsert(orgs(150, "Org"));

        assertThat(outcomes.subList(0, 100)).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                WriteOutcome.Failed.class, f -> {
                    assertThat(f.failure().platformCode()).contains("JOB_FAILED");
                    assertThat(f.failure().retryable()).isTrue();
                }));
        assertThat(outcomes.subList(100, 150)).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
    }

    @Test
    void upsert_keepsAtMostTheConfiguredJobsInFlight_evenForLargeBatches() {
        ZendeskOrganizationSink small = ZendeskOrganizationSink.create(
                ZendeskClient.create(Fixtures.config(sim, clock).maxQueuedJobs(4).build()));
        List<WriteOutcome> outcomes = small.upsert(orgs(1000, "Org"));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(sim.jobsSubmitted()).isEqualTo(10);
        assertThat(sim.maxJobsInFlight()).isEqualTo(4);
        assertThat(sim.tooManyRequestsCount()).isZero();
    }
}
