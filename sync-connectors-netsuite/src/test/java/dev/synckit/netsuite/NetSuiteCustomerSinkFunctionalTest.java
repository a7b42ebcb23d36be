package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.Envelope;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.testkit.SimulatorExtension;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class NetSuiteCustomerSinkFunctionalTest {

    private final CustomerToNetSuiteMapper mapper = CustomerToNetSuiteMapper.from(
            NetSuiteConfig.builder("1234567_SB1", TbaCredentials.of("ck", "cs", "tok", "ts")).build());

    private static SinkRecord<NetSuiteRecord> record(Customer customer, NetSuiteRecord target, String knownId) {
        Envelope envelope = Envelope.forChange(new CustomerRegistered(customer), SourceSystem.SALESFORCE,
                customer.id() + "@1", "corr-1", Instant.parse("2024-01-04T08:50:20Z"));
        return new SinkRecord<>(customer.id(), knownId, target, envelope);
    }

    private SinkRecord<NetSuiteRecord> record(Customer customer, FakeMappingContext context) {
        return record(customer, mapper.map(customer, context), null);
    }

    @Test
    void upsert_writesEveryGoodRecord_andFailsOnlyTheBadOne_oneOutcomePerRecordInOrder(NetSuiteSimulator netsuite) {
        NetSuiteCustomerSink sink = NetSuiteCustomerSink.create(NetSuiteClientFunctionalTest.client(netsuite));
        // the cross-reference points the parent at an internal id NetSuite does not have: 400 INVALID_CONTENT
        FakeMappingContext context = new FakeMappingContext().knows("customer", "ghost-parent", "9999");
        List<SinkRecord<NetSuiteRecord>> batch = List.of(
                record(CustomerToNetSuiteMapperTest.customer("cust-1").build(), context),
                record(CustomerToNetSuiteMapperTest.customer("cust-2").parentId("ghost-parent").build(), context),
                record(CustomerToNetSuiteMapperTest.customer("cust-3").build(), context));

        List<WriteOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).extracting(WriteOutcome::canonicalId).containsExactly("cust-1", "cust-2", "cust-3");
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(WriteOutcome.Written.class, w -> {
            assertThat(w.systemId()).isEqualTo(netsuite.recordByExternalId("customer", "cust-1").orElseThrow().get("id"));
            assertThat(w.wasCreated()).isEmpty();
        });
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure().platformCode()).contains("INVALID_CONTENT");
            assertThat(f.failure().field()).contains("parent");
            assertThat(f.failure().recordId()).contains("cust-2");
            assertThat(f.failure().retryable()).isFalse();
        });
        assertThat(outcomes.get(2)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(netsuite.recordCount("customer")).isEqualTo(2);
    }

    @Test
    void upsert_resolvesAParentWrittenEarlier_andUsesAKnownInternalIdWithoutReadingBack(NetSuiteSimulator netsuite) {
        NetSuiteClient client = NetSuiteClientFunctionalTest.client(netsuite);
        NetSuiteCustomerSink sink = NetSuiteCustomerSink.create(client);
        Customer parent = CustomerToNetSuiteMapperTest.customer("parent-1").build();
        WriteOutcome first = sink.upsert(List.of(record(parent, new FakeMappingContext()))).get(0);
        String parentId = ((WriteOutcome.Written) first).systemId();
        long requestsForFirst = client.requestCount();
        assertThat(requestsForFirst).isEqualTo(2); // PUT + GET ?fields=id

        Customer child = CustomerToNetSuiteMapperTest.customer("child-1").parentId("parent-1").build();
        NetSuiteRecord mapped = mapper.map(child, new FakeMappingContext().knows("customer", "parent-1", parentId));
        WriteOutcome second = sink.upsert(List.of(record(child, mapped, null))).get(0);
        assertThat(second).isInstanceOf(WriteOutcome.Written.class);
        assertThat(netsuite.recordByExternalId("customer", "child-1").orElseThrow().get("parent"))
                .isEqualTo(java.util.Map.of("id", parentId));

        // again, now that the cross-reference knows the child's id: one request only
        long before = client.requestCount();
        String childId = ((WriteOutcome.Written) second).systemId();
        WriteOutcome third = sink.upsert(List.of(record(child, mapped, childId))).get(0);
        assertThat(third).isEqualTo(WriteOutcome.written("child-1", childId, null));
        assertThat(client.requestCount() - before).isEqualTo(1);
        assertThat(netsuite.recordCount("customer")).isEqualTo(2);
    }

    @Test
    void upsert_refusesAnInvalidExternalIdBeforeAnyRequest_andGoesOn(NetSuiteSimulator netsuite) {
        NetSuiteClient client = NetSuiteClientFunctionalTest.client(netsuite);
        NetSuiteCustomerSink sink = NetSuiteCustomerSink.create(client);
        Customer bad = CustomerToNetSuiteMapperTest.customer("bad").build();
        NetSuiteRecord invalid = new NetSuiteRecord("customer", "bad:id", mapper.map(bad, new FakeMappingContext()).body()
                .put("externalId", "bad:id"));
        Customer good = CustomerToNetSuiteMapperTest.customer("good").build();

        List<WriteOutcome> outcomes = sink.upsert(List.of(record(bad, invalid, null),
                record(good, new FakeMappingContext())));

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure().platformCode()).contains(ExternalIds.INVALID_EXTERNAL_ID);
            assertThat(f.failure().recordId()).contains("bad");
        });
        assertThat(outcomes.get(1)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(netsuite.requestCount()).isEqualTo(2); // only the good record's PUT and GET
    }

    @Test
    void upsert_afterRefusedCredentials_failsTheRestOfTheBatchWithoutSendingIt(NetSuiteSimulator netsuite) {
        NetSuiteClient client = NetSuiteClientFunctionalTest.client(netsuite, "wrong");
        NetSuiteCustomerSink sink = NetSuiteCustomerSink.create(client);
        List<WriteOutcome> outcomes = sink.upsert(List.of(
                record(CustomerToNetSuiteMapperTest.customer("a").build(), new FakeMappingContext()),
                record(CustomerToNetSuiteMapperTest.customer("b").build(), new FakeMappingContext())));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(UnauthorizedException.class)));
        assertThat(((WriteOutcome.Failed) outcomes.get(1)).failure().recordId()).contains("b");
        assertThat(netsuite.requestCount()).isEqualTo(1);
    }

    @Test
    void sink_describesItself() {
        NetSuiteCustomerSink sink = NetSuiteCustomerSink.create(NetSuiteClient.create(
                NetSuiteConfig.builder("1234567", TbaCredentials.of("ck", "cs", "tok", "ts")).build()));
        assertThat(sink.system()).isEqualTo(SourceSystem.NETSUITE);
        assertThat(sink.recordType()).isEqualTo("customer");
        assertThat(sink.maxBatchSize()).isEqualTo(20);
    }
}
