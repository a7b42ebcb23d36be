package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.Order;
import dev.synckit.canonical.OrderLine;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.canonical.event.OrderApproved;
import dev.synckit.core.Envelope;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.testkit.LoggedRequest;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetSuiteBatchSinkFunctionalTest {

    private final NetSuiteSimulator sim = NetSuiteSimulator.create();

    @AfterEach
    void close() {
        sim.close();
    }

    private NetSuiteClient client(Duration timeout) {
        sim.registerToken("ck-1", "cs", "tok-1", "ts");
        return NetSuiteClient.create(NetSuiteConfig.builder(sim.accountId(), TbaCredentials.of("ck-1", "cs", "tok-1", "ts"))
                .baseUri(sim.baseUri()).asyncPolling(Duration.ZERO, 10).requestTimeout(timeout).build());
    }

    private static SinkRecord<NetSuiteRecord> customer(String id, String name) {
        Customer c = Customer.builder().id(id).name(name).lastModified(Instant.parse("2024-01-01T00:00:00Z"))
                .sourceSystem(SourceSystem.SALESFORCE).build();
        NetSuiteRecord target = new NetSuiteRecord("customer", id,
                Json.mapper().createObjectNode().put("companyName", name));
        Envelope envelope = Envelope.forChange(new CustomerRegistered(c), SourceSystem.SALESFORCE, id + "@1", "corr-1",
                Instant.parse("2024-01-04T08:50:20Z"));
        return new SinkRecord<>(id, null, target, envelope);
    }

    private static List<SinkRecord<NetSuiteRecord>> customers(int n) {
        List<SinkRecord<NetSuiteRecord>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(customer("cust-" + i, "Customer " + i));
        }
        return out;
    }

    @Test
    void aBatch_isOneAsyncRequestKeyedByTheEnvelopesEventIds_withOneOutcomePerRecordInOrder() {
        NetSuiteBatchSink sink = NetSuiteBatchSink.create(client(Duration.ofSeconds(30)), "customer");
        List<SinkRecord<NetSuiteRecord>> batch = new ArrayList<>(customers(2));
        batch.add(1, customer("cust-bad", "")); // NetSuite refuses an empty company name
        batch.add(new SinkRecord<>("cust-pipe", null, new NetSuiteRecord("customer", "a|b",
                Json.mapper().createObjectNode().put("companyName", "Pipe")), batch.get(0).envelope()));

        List<WriteOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).extracting(WriteOutcome::canonicalId)
                .containsExactly("cust-0", "cust-bad", "cust-1", "cust-pipe");
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(WriteOutcome.Written.class, w -> assertThat(w.systemId())
                .isEqualTo(sim.recordByExternalId("customer", "cust-0").orElseThrow().get("id").toString()));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure()).isInstanceOf(RejectedException.class);
            assertThat(f.failure().recordId()).contains("cust-bad");
        });
        assertThat(outcomes.get(2)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure().platformCode()).contains(ExternalIds.INVALID_EXTERNAL_ID));
        List<LoggedRequest> puts = sim.requests().stream().filter(r -> r.method().equals("PUT")).toList();
        assertThat(puts).hasSize(1); // the invalid external id never left the process
        assertThat(puts.get(0).header("X-NetSuite-Idempotency-Key"))
                .contains(sink.idempotencyKey(batch.subList(0, 3)).toString());
        assertThat(sim.recordCount("customer")).isEqualTo(2);
    }

    @Test
    void aResendOfTheSameBatchAfterADroppedResponse_createsNothingTwice() throws Exception {
        NetSuiteBatchSink sink = NetSuiteBatchSink.create(client(Duration.ofSeconds(1)), "customer");
        List<SinkRecord<NetSuiteRecord>> batch = customers(5);
        sim.loseResponses("PUT", "/services/rest/record/v1/customer", 1);

        assertThatThrownBy(() -> sink.upsert(batch)).isInstanceOf(TransientException.class);
        assertThat(sim.awaitHeldResponse(Duration.ofSeconds(30))).isTrue();
        sim.releaseHeldResponses();
        assertThat(sim.recordCount("customer")).isEqualTo(5); // the lost request did take effect

        List<WriteOutcome> outcomes = sink.upsert(batch); // the engine resends the same journal entries

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(sim.recordCount("customer")).isEqualTo(5);
        assertThat(sim.jobCount()).isEqualTo(1);
        assertThat(sim.requests()).filteredOn(r -> r.method().equals("PUT")).extracting(LoggedRequest::responseStatus)
                .containsExactly(202, 400);
        assertThat(sim.requests()).filteredOn(r -> r.method().equals("PUT"))
                .extracting(r -> r.header("X-NetSuite-Idempotency-Key").orElseThrow()).containsOnly(
                        sink.idempotencyKey(batch).toString());
    }

    @Test
    void differentEntries_getADifferentKey_andAreWrittenAsANewJob() {
        NetSuiteBatchSink sink = NetSuiteBatchSink.create(client(Duration.ofSeconds(30)), "customer");
        sink.upsert(customers(2));
        SinkRecord<NetSuiteRecord> changed = customer("cust-0", "Customer 0 renamed");
        SinkRecord<NetSuiteRecord> update = new SinkRecord<>("cust-0", null, changed.record(),
                Envelope.forChange(changed.envelope().payload(), SourceSystem.SALESFORCE, "cust-0@2", "corr-2",
                        Instant.parse("2024-01-05T00:00:00Z")));

        assertThat(sink.upsert(List.of(update))).hasSize(1).allSatisfy(o -> assertThat(o)
                .isInstanceOf(WriteOutcome.Written.class));
        assertThat(sim.jobCount()).isEqualTo(2);
        assertThat(sim.recordCount("customer")).isEqualTo(2);
        assertThat(sim.recordByExternalId("customer", "cust-0").orElseThrow().get("companyName"))
                .isEqualTo("Customer 0 renamed");
    }

    @Test
    void mappedSalesOrders_areWrittenInABatch_withItemsResolvedThroughTheCrossReference() {
        String customerId = sim.seedRecord("customer", Map.of("companyName", "Acme", "externalId", "cust-1"));
        String itemId = sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-1"));
        FakeMappingContext context = new FakeMappingContext().knows("customer", "cust-1", customerId)
                .knows("product", "prod-1", itemId);
        OrderToNetSuiteMapper mapper = OrderToNetSuiteMapper.builder(NetSuiteConfig.builder("1234567",
                        TbaCredentials.of("ck", "cs", "tok", "ts")).build())
                .bodySubscriptionFields(OrderToNetSuiteMapper.SubscriptionFields.NONE).build();
        List<SinkRecord<NetSuiteRecord>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Money rate = Money.of("10.00", "USD");
            Order order = Order.builder().id("ord-" + i).customerId("cust-1").orderDate(LocalDate.parse("2024-01-04"))
                    .currency(rate.currency())
                    .addLine(new OrderLine(1, "prod-1", "SKU-1", BigDecimal.valueOf(2), rate, null,
                            Money.of("20.00", "USD"), null))
                    .externalRefs(List.of(new ExternalRef(SourceSystem.SALESFORCE, "Opportunity", "006OPP" + i)))
                    .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();
            batch.add(new SinkRecord<>(order.id(), null, mapper.map(order, context), Envelope.forChange(
                    new OrderApproved(order, null), SourceSystem.SALESFORCE, order.id() + "@1", "corr", Instant.EPOCH)));
        }

        List<WriteOutcome> outcomes = NetSuiteBatchSink.create(client(Duration.ofSeconds(30)), "salesOrder")
                .upsert(batch);

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(WriteOutcome.Written.class));
        assertThat(sim.recordCount("salesOrder")).isEqualTo(3);
        assertThat(sim.recordByExternalId("salesOrder", "006OPP1")).isPresent();
    }

    @Test
    void aSinkRefusesBatchSizesAbove100_atConstruction() {
        NetSuiteClient client = client(Duration.ofSeconds(30));
        assertThatThrownBy(() -> NetSuiteBatchSink.create(client, "customer", 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NetSuiteBatchSink.create(client, "customer").maxBatchSize()).isEqualTo(100);
    }
}
