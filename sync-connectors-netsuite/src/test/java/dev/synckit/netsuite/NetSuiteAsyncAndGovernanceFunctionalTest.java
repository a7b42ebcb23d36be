package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.Json;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetSuiteAsyncAndGovernanceFunctionalTest {

    private NetSuiteSimulator sim = NetSuiteSimulator.create();

    @AfterEach
    void close() {
        sim.close();
    }

    private NetSuiteConfig.Builder config() {
        sim.registerToken("ck-1", "cs", "tok-1", "ts");
        return NetSuiteConfig.builder(sim.accountId(), TbaCredentials.of("ck-1", "cs", "tok-1", "ts"))
                .baseUri(sim.baseUri()).asyncPolling(Duration.ZERO, 10);
    }

    private static NetSuiteRecord customer(String externalId, String name) {
        ObjectNode body = Json.mapper().createObjectNode().put("companyName", name);
        return new NetSuiteRecord("customer", externalId, body);
    }

    private static List<NetSuiteRecord> customers(int n) {
        List<NetSuiteRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(customer("CRM-" + i, "Customer " + i));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ async

    @Test
    void upsertBatch_sendsOneAsyncRequestWithTheKey_pollsTheJob_andReturnsPerRecordResults() {
        NetSuiteClient client = NetSuiteClient.create(config().build());
        UUID key = IdempotencyKeys.forBatch("upsert", "customer", List.of("e1", "e2", "e3"));
        List<NetSuiteRecord> batch = new ArrayList<>(customers(2));
        batch.add(new NetSuiteRecord("customer", "CRM-bad", Json.mapper().createObjectNode().put("companyName", "")));

        List<BatchItemResult> results = client.upsertBatch("customer", batch, key);

        assertThat(results).extracting(BatchItemResult::externalId).containsExactly("CRM-0", "CRM-1", "CRM-bad");
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(0).internalIdOptional()).isPresent();
        assertThat(results.get(2).failureOptional()).hasValueSatisfying(f -> {
            assertThat(f).isInstanceOf(RejectedException.class);
            assertThat(f.field()).contains("companyName");
            assertThat(f.recordId()).contains("CRM-bad");
        });
        LoggedRequest submit = sim.requests().get(0);
        assertThat(submit.method()).isEqualTo("PUT");
        assertThat(submit.path()).isEqualTo("/services/rest/record/v1/customer");
        assertThat(submit.header("Prefer")).contains("respond-async");
        assertThat(submit.header("X-NetSuite-Idempotency-Key")).contains(key.toString());
        assertThat(sim.requests()).filteredOn(r -> r.path().matches(".*/job/[0-9]+")).hasSize(2); // pending, then done
        assertThat(sim.recordCount("customer")).isEqualTo(2);
    }

    @Test
    void aResendAfterALostAnswer_followsTheIdempotencyErrorToTheOriginalJob_andCreatesNothingTwice() throws Exception {
        NetSuiteClient impatient = NetSuiteClient.create(config().requestTimeout(Duration.ofSeconds(1)).build());
        List<NetSuiteRecord> batch = customers(3);
        UUID key = IdempotencyKeys.forBatch("upsert", "customer", List.of("e1", "e2", "e3"));
        sim.loseResponses("PUT", "/services/rest/record/v1/customer", 1);

        assertThatThrownBy(() -> impatient.upsertBatch("customer", batch, key)).isInstanceOf(TransientException.class);
        assertThat(sim.awaitHeldResponse(Duration.ofSeconds(30))).isTrue();
        sim.releaseHeldResponses();
        assertThat(sim.jobCount()).isEqualTo(1); // it did take effect

        List<BatchItemResult> results = impatient.upsertBatch("customer", batch, key);

        assertThat(results).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        assertThat(sim.jobCount()).isEqualTo(1);
        assertThat(sim.recordCount("customer")).isEqualTo(3);
        assertThat(sim.requests()).filteredOn(r -> r.method().equals("PUT")).extracting(LoggedRequest::responseStatus)
                .containsExactly(202, 400);
    }

    @Test
    void theIdempotencyKey_isTheSameForTheSameEntries_andDiffersForOthers() {
        UUID a = IdempotencyKeys.forBatch("upsert", "customer", List.of("e1", "e2"));
        assertThat(IdempotencyKeys.forBatch("upsert", "customer", List.of("e1", "e2"))).isEqualTo(a);
        assertThat(IdempotencyKeys.forBatch("upsert", "customer", List.of("e2", "e1"))).isNotEqualTo(a);
        assertThat(IdempotencyKeys.forBatch("upsert", "contact", List.of("e1", "e2"))).isNotEqualTo(a);
        assertThat(a.version()).isEqualTo(3);
        assertThat(a.variant()).isEqualTo(2); // RFC 4122
    }

    @Test
    void aBatchOfMoreThan100_isRefusedBeforeAnyRequest() {
        NetSuiteClient client = NetSuiteClient.create(config().build());
        assertThatThrownBy(() -> client.upsertBatch("customer", customers(101), UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.requestCount()).isZero();
    }

    // ------------------------------------------------------------------------------------------ governance

    @Test
    void sixteenWorkers_underALimitOfFive_loseNothing_andNeverExceedFiveInFlight() throws Exception {
        sim.close();
        sim = NetSuiteSimulator.builder().concurrencyLimit(5).latency(Duration.ofMillis(10)).build();
        NetSuiteClient client = NetSuiteClient.create(config().concurrencyLimit(5).build());
        ExecutorService workers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        client.upsertByExternalId("customer", "W" + worker + "-" + i,
                                Json.mapper().createObjectNode().put("companyName", "W" + worker + " " + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(sim.recordCount("customer")).isEqualTo(160);
        assertThat(sim.concurrencyRejections()).isZero();
        assertThat(sim.peakConcurrency()).isBetween(2, 5);
        assertThat(client.availableConcurrency()).isEqualTo(5);
    }

    @Test
    void withoutAMatchingBulkhead_theSimulatorRefusesTheExcessAs429_classifiedAsRateLimited() throws Exception {
        sim.close();
        sim = NetSuiteSimulator.builder().concurrencyLimit(1).build();
        sim.faults().add(FaultRule.latency(Duration.ofSeconds(30)).times(1));
        NetSuiteClient client = NetSuiteClient.create(config().concurrencyLimit(2).build());
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = one.submit(() -> client.getByExternalId("customer", "held"));
            assertThat(sim.awaitInFlight(1, Duration.ofSeconds(10))).isTrue();
            assertThatThrownBy(() -> client.getByExternalId("customer", "second"))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.platformCode()).contains("CONCURRENCY_LIMIT_EXCEEDED"));
            sim.close();
            held.cancel(true);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void governanceLimits_giveTheAccountsConcurrencyLimit() {
        sim.close();
        sim = NetSuiteSimulator.builder().concurrencyLimit(15).build();
        assertThat(NetSuiteClient.create(config().build()).readConcurrencyLimit()).hasValue(15);
    }

    @Test
    void aSlow401_isRetriedOnceAsLikelyOverload_butAQuickOneIsNot() {
        sim.faults().add(FaultRule.status(401).times(1));
        NetSuiteClient quick = NetSuiteClient.create(config().build());
        assertThatThrownBy(() -> quick.getByExternalId("customer", "x")).isInstanceOf(UnauthorizedException.class);
        assertThat(sim.requestCount()).isEqualTo(1);

        sim.clearRequests();
        sim.faults().add(FaultRule.status(401).times(1));
        sim.faults().add(FaultRule.latency(Duration.ofMillis(300)).times(1));
        NetSuiteClient patient = NetSuiteClient.create(config().slowUnauthorizedThreshold(Duration.ofMillis(200)).build());
        assertThat(patient.getByExternalId("customer", "x")).isEmpty();
        assertThat(sim.requests()).extracting(LoggedRequest::responseStatus).containsExactly(401, 404);
    }

    // ------------------------------------------------------------------------------------------ sublists

    @Test
    void reUpsertingACustomer_replacesItsAddressBook_soEachRoleKeepsOneAddress() {
        NetSuiteClient client = NetSuiteClient.create(config().build());
        ObjectNode body = Json.mapper().createObjectNode().put("companyName", "Acme");
        ObjectNode line = body.putObject("addressBook").putArray("items").addObject()
                .put("defaultBilling", true).put("defaultShipping", true);
        line.putObject("addressBookAddress").put("addr1", "1 Main St").putObject("country").put("id", "US");

        client.upsertByExternalId("customer", "CRM-1", body);
        client.upsertByExternalId("customer", "CRM-1", body);
        client.upsertByExternalId("customer", "CRM-1", body);

        String id = client.getByExternalId("customer", "CRM-1", "id").orElseThrow().get("id").asText();
        ObjectNode read = client.getExpanded("customer", id).orElseThrow();
        assertThat(read.path("addressBook").path("items")).hasSize(1);
        assertThat(sim.requests().get(0).query()).isEqualTo("replace=addressBook");
    }

    @Test
    void patchWithoutReplace_appendsSublistLines_asTheDocsSay() {
        NetSuiteClient client = NetSuiteClient.create(config().build());
        String id = sim.seedRecord("customer", Map.of("companyName", "Acme",
                "addressBook", Map.of("items", List.of(Map.of("defaultBilling", true)))));
        // the simulator follows the documented PATCH semantics; only ?replace= keeps one line
        client.update("customer", id, Json.mapper().createObjectNode().put("companyName", "Acme 2"));
        assertThat(client.getExpanded("customer", id).orElseThrow().path("addressBook").path("items")).hasSize(1);
        assertThat(client.getExpanded("customer", id).orElseThrow().path("companyName").asText()).isEqualTo("Acme 2");
    }
}
