package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.Envelope;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SObjectUpsertSinkFunctionalTest {

    static final String CLIENT_SECRET = "s3cr3t-Client-Value-42";
    static final String EXT = "SyncKit_Id__c";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-02T10:00:00Z"));
    private SalesforceSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    private SalesforceSimulator start(SalesforceSimulator.Builder builder) {
        sim = builder.clock(clock).build();
        sim.start();
        sim.registerClient("client-1", CLIENT_SECRET);
        sim.registerExternalIdField("Account", EXT);
        return sim;
    }

    private SalesforceClient client(UnaryOperator<SalesforceConfig.Builder> custom) {
        return SalesforceClient.create(custom.apply(SalesforceConfig.builder().loginUrl(sim.baseUri()).clock(clock)
                .credentials(new SalesforceCredentials.ClientCredentials("client-1", Secret.of(CLIENT_SECRET))))
                .build());
    }

    static SinkRecord<SObjectUpsert> record(String canonicalId, ObjectNode fields) {
        Customer customer = Customer.builder().id(canonicalId).name("n")
                .lastModified(Instant.parse("2024-05-01T00:00:00Z")).sourceSystem(SourceSystem.NETSUITE).build();
        Envelope envelope = Envelope.forChange(new CustomerRegistered(customer), SourceSystem.NETSUITE,
                canonicalId + "@1", "corr-1", Instant.parse("2024-05-01T00:00:00Z"));
        return new SinkRecord<>(canonicalId, null, new SObjectUpsert("Account", EXT, canonicalId, fields), envelope);
    }

    static ObjectNode named(String name) {
        return Json.mapper().createObjectNode().put("Name", name).put("Phone", "+1 555 0100");
    }

    static List<SinkRecord<SObjectUpsert>> accounts(int n) {
        List<SinkRecord<SObjectUpsert>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(record(String.format("cust-%05d", i), named("Account " + i)));
        }
        return out;
    }

    private List<WriteOutcome> upsertInBatches(SObjectUpsertSink sink, List<SinkRecord<SObjectUpsert>> records) {
        List<WriteOutcome> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i += sink.maxBatchSize()) {
            out.addAll(sink.upsert(records.subList(i, Math.min(records.size(), i + sink.maxBatchSize()))));
        }
        return out;
    }

    private List<LoggedRequest> writes() {
        return sim.requests().stream().filter(r -> !r.method().equals("GET") && !r.path().contains("/oauth2/"))
                .toList();
    }

    @Test
    void upsert_1000RecordsWithOneInvalid_writes999AndRejectsOneNamingTheField_in5Calls() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        List<SinkRecord<SObjectUpsert>> records = new ArrayList<>(accounts(1000));
        records.set(417, record("cust-00417", Json.mapper().createObjectNode().put("Phone", "no name")));

        List<WriteOutcome> outcomes = upsertInBatches(sink, records);

        assertThat(outcomes).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(outcomes.get(i).canonicalId()).isEqualTo(records.get(i).canonicalId());
        }
        assertThat(outcomes).filteredOn(o -> o instanceof WriteOutcome.Written).hasSize(999)
                .allSatisfy(o -> assertThat(((WriteOutcome.Written) o).wasCreated()).contains(true));
        assertThat(outcomes.get(417)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure()).isInstanceOf(RejectedException.class);
            assertThat(f.failure().platformCode()).contains("REQUIRED_FIELD_MISSING");
            assertThat(f.failure().field()).contains("Name");
            assertThat(f.failure().recordId()).contains("cust-00417");
            assertThat(f.failure().getMessage()).contains("Required fields are missing: [Name]");
        });
        assertThat(sim.records("Account")).hasSize(999);
        assertThat(writes()).hasSize(5).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.path()).isEqualTo("/services/data/v62.0/composite/sobjects/Account/" + EXT);
        });
    }

    @Test
    void requestLog_noUrlCarriesASecret_andEveryWriteIsAnExternalIdUpsert() {
        start(SalesforceSimulator.builder());
        SalesforceClient client = client(b -> b);
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client, EXT);
        upsertInBatches(sink, accounts(250));
        client.upsert(new SObjectUpsert("Account", EXT, "single-1", named("Single")));
        client.query("SELECT Id FROM Account").forEach(p -> { });
        sim.expireAllSessions();
        upsertInBatches(sink, accounts(10));

        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET));
        sim.requests().forEach(r -> r.header("Authorization").ifPresent(a -> secrets.add(a.substring("Bearer ".length()))));
        assertThat(secrets).hasSizeGreaterThan(2);
        assertThat(sim.requests()).allSatisfy(r -> secrets.forEach(secret ->
                assertThat(r.path() + "?" + r.query()).doesNotContain(secret)));
        assertThat(writes()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.path()).matches("/services/data/v62\\.0/(composite/sobjects/Account/" + EXT
                    + "|sobjects/Account/" + EXT + "/[^/]+)");
        });
        assertThat(sim.records("Account")).hasSize(251);
    }

    @Test
    void aLostResponse_thenTheSameWriteAgain_createsNoSecondRecord() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b.requestTimeout(Duration.ofMillis(300))), EXT);
        sink.upsert(accounts(1)); // token and connection ready
        List<SinkRecord<SObjectUpsert>> batch = accounts(200);
        sim.faults().add(FaultRule.latency(Duration.ofMillis(1500)).matching("PATCH", ".*/composite/.*").times(1));

        List<WriteOutcome> lost = sink.upsert(batch);
        // the simulator applies the write after the client gave up waiting: the answer is lost
        await().atMost(Duration.ofSeconds(10)).until(() -> writes().stream().filter(r -> r.faulted()).count() == 1);
        List<WriteOutcome> again = sink.upsert(batch);

        assertThat(lost).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure().failureClass()).isEqualTo(FailureClass.TRANSIENT)));
        assertThat(again).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Written.class,
                // every record was created by the write whose answer was lost
                w -> assertThat(w.wasCreated()).contains(false)));
        assertThat(sim.records("Account")).hasSize(200);
    }

    @Test
    void aTokenExpiringMidRun_costsExactlyOneRenewal() {
        start(SalesforceSimulator.builder());
        SalesforceClient client = client(b -> b);
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client, EXT);
        sim.expireSessionsAfter(2);

        List<WriteOutcome> outcomes = upsertInBatches(sink, accounts(1000));

        assertThat(outcomes).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(sim.tokensIssued()).isEqualTo(2);
        assertThat(client.tokenRequestCount()).isEqualTo(2);
        assertThat(writes()).hasSize(6);
        assertThat(writes()).filteredOn(r -> r.responseStatus() == 401).hasSize(1);
    }

    @Test
    void aWholeRequestRefusedForAnUnknownField_failsOnlyTheRecordsWithThatField() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        List<SinkRecord<SObjectUpsert>> batch = new ArrayList<>(accounts(200));
        batch.set(7, record("cust-00007", named("Seven").put("Tier__c", "Gold")));

        List<WriteOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).filteredOn(o -> o instanceof WriteOutcome.Written).hasSize(199);
        assertThat(outcomes.get(7)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure()).isInstanceOf(RejectedException.class);
            assertThat(f.failure().platformCode()).contains("INVALID_FIELD");
            assertThat(f.failure().field()).contains("Tier__c");
        });
        assertThat(writes()).hasSize(2);
    }

    @Test
    void aWholeRequestRefusedWithoutNamingAField_isHalvedUntilTheGoodRecordsGoThrough() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        sim.faults().add(FaultRule.status(400).withBody("application/json",
                "[{\"message\":\"Cannot deserialize instance of date from VALUE_STRING\",\"errorCode\":\"JSON_PARSER_ERROR\"}]")
                .matching("PATCH", ".*/composite/.*").onRequest(1));

        List<WriteOutcome> outcomes = sink.upsert(accounts(200));

        assertThat(outcomes).hasSize(200).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(writes()).extracting(LoggedRequest::responseStatus).containsExactly(400, 200, 200);
    }

    @Test
    void aLockedRow_failsThatRecordAsTransient_andTheOthersAreWritten() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        sim.lockRow("Account", "cust-00003", 1);

        List<WriteOutcome> outcomes = sink.upsert(accounts(10));

        assertThat(outcomes.get(3)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure().failureClass()).isEqualTo(FailureClass.TRANSIENT);
            assertThat(f.failure().platformCode()).contains("UNABLE_TO_LOCK_ROW");
        });
        assertThat(outcomes).filteredOn(o -> o instanceof WriteOutcome.Written).hasSize(9);
        assertThat(sink.upsert(accounts(10))).allMatch(o -> o instanceof WriteOutcome.Written);
    }

    @Test
    void theSameExternalIdTwiceInABatch_isWrittenInTwoCalls_lastOneWins() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        List<SinkRecord<SObjectUpsert>> batch = List.of(record("A", named("First")), record("B", named("Bee")),
                record("A", named("Second")));

        List<WriteOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(writes()).hasSize(2);
        assertThat(sim.records("Account")).hasSize(2)
                .anySatisfy(r -> assertThat(r.get("Name")).isEqualTo("Second"));
    }

    @Test
    void severalRecordsMatchingTheExternalId_isAConflict() {
        start(SalesforceSimulator.builder());
        sim.seedRecord("Account", Map.of("Name", "One", EXT, "DUP"));
        sim.seedRecord("Account", Map.of("Name", "Two", EXT, "DUP"));
        SalesforceClient client = client(b -> b);

        List<WriteOutcome> outcomes = SObjectUpsertSink.accounts(client, EXT).upsert(List.of(record("DUP", named("X"))));

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(ConflictException.class));
    }

    @Test
    void aServerOutage_failsTheBatchAsTransient() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        sim.faults().add(FaultRule.status(503).matching("PATCH", ".*/composite/.*").times(1));

        List<WriteOutcome> outcomes = sink.upsert(accounts(5));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure().failureClass()).isEqualTo(FailureClass.TRANSIENT)));
        assertThat(sink.upsert(accounts(5))).allMatch(o -> o instanceof WriteOutcome.Written);
    }

    @Test
    void theDailyQuotaExhausted_stopsSending_untilTheRetryAfterHasPassed() {
        start(SalesforceSimulator.builder().dailyApiLimit(2));
        SObjectUpsertSink sink = SObjectUpsertSink.builder(client(b -> b.dailyQuotaRetryAfter(Duration.ofMinutes(30))),
                "Account").externalIdField(EXT).batchSize(10).build();

        List<WriteOutcome> outcomes = sink.upsert(accounts(40));

        assertThat(outcomes.subList(0, 20)).allMatch(o -> o instanceof WriteOutcome.Written);
        assertThat(outcomes.subList(20, 40)).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                WriteOutcome.Failed.class, f -> {
                    assertThat(f.failure()).isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(30)));
                    assertThat(f.failure().getMessage()).contains("api-usage=2/2");
                }));
        assertThat(writes()).hasSize(3); // the third call was refused; the fourth batch was never sent

        clock.advance(Duration.ofMinutes(10));
        assertThat(sink.upsert(accounts(1))).singleElement().isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(((RateLimitedException) f.failure()).retryAfter()).contains(Duration.ofMinutes(20)));
        assertThat(writes()).hasSize(3);

        clock.advance(Duration.ofMinutes(21));
        sink.upsert(accounts(1));
        assertThat(writes()).hasSize(4);
    }

    @Test
    void theSameRecords_giveByteIdenticalRequestBodies() {
        start(SalesforceSimulator.builder());
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);

        sink.upsert(accounts(50));
        sink.upsert(accounts(50));

        assertThat(writes()).hasSize(2);
        assertThat(writes().get(1).body()).isEqualTo(writes().get(0).body());
    }

    @Test
    void customersMappedToAccounts_andWrittenBack_landOnTheSameRecords() {
        start(SalesforceSimulator.builder());
        for (String f : List.of("ERP_Customer_Number__c", "SyncKit_Sync_Status__c", "SyncKit_Sync_Error__c",
                "BillingStateCode", "BillingCountryCode")) { // an org with State & Country picklists
            sim.registerField("Account", f);
        }
        SObjectUpsertSink sink = SObjectUpsertSink.accounts(client(b -> b), EXT);
        Customer customer = Customer.builder().id("cust-1").name("Acme").addBillTo(new dev.synckit.canonical.Party(
                dev.synckit.canonical.PartyRole.BILL_TO, null, new dev.synckit.canonical.Address(List.of("1 Main St"),
                        "Austin", "US-TX", "73301", "US"), null, null, true))
                .lastModified(Instant.parse("2024-05-01T00:00:00Z")).sourceSystem(SourceSystem.NETSUITE).build();
        SObjectUpsert account = CustomerToAccountMapper.create().map(customer, new TestMappingContext());
        SObjectUpsert writeBack = ErpWriteBackMapper.create().map(ErpWriteBack.customerSynced("cust-1", "C-10042"),
                new TestMappingContext());

        sink.upsert(List.of(withRecord(record("cust-1", named("x")), account)));
        sink.upsert(List.of(withRecord(record("cust-1", named("x")), writeBack)));

        assertThat(sim.records("Account")).singleElement().satisfies(r -> {
            assertThat(r.get("BillingStateCode")).isEqualTo("TX");
            assertThat(r.get("BillingCountryCode")).isEqualTo("US");
            assertThat(r.get("ERP_Customer_Number__c")).isEqualTo("C-10042");
            assertThat(r.get("SyncKit_Sync_Status__c")).isEqualTo("SYNCED");
            assertThat(r).doesNotContainKey("SyncKit_Sync_Error__c");
        });
    }

    private static SinkRecord<SObjectUpsert> withRecord(SinkRecord<SObjectUpsert> base, SObjectUpsert record) {
        return new SinkRecord<>(base.canonicalId(), null, record, base.envelope());
    }
}
