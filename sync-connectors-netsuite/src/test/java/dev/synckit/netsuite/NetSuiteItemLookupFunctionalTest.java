package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.Order;
import dev.synckit.canonical.OrderLine;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import dev.synckit.testkit.SimulatorExtension;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class NetSuiteItemLookupFunctionalTest {

    private NetSuiteSimulator sim;
    private NetSuiteClient client;

    @BeforeEach
    void useSimulator(NetSuiteSimulator netsuite) {
        this.sim = netsuite;
        this.client = NetSuiteClientFunctionalTest.client(netsuite);
    }

    private static OrderLine line(int n, String product, String sku) {
        return new OrderLine(n, product, sku, BigDecimal.valueOf(2), Money.of("10.00", "USD"), null,
                Money.of("20.00", "USD"), null);
    }

    private static Order order(OrderLine... lines) {
        Order.Builder b = Order.builder().id("ord-1").customerId("cust-1").orderDate(LocalDate.parse("2024-01-04"))
                .currency(java.util.Currency.getInstance("USD"))
                .externalRefs(List.of(new ExternalRef(SourceSystem.SALESFORCE, "Opportunity", "006OPP1")))
                .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE);
        for (OrderLine l : lines) {
            b.addLine(l);
        }
        return b.build();
    }

    @Test
    void aSku_isResolvedToItsItemWithSuiteQl_andCachedPerClient() throws Exception {
        String widget = sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-1"));
        String service = sim.seedRecord("serviceSaleItem", Map.of("itemId", "SVC-1"));

        assertThat(client.findItemIdBySku("SKU-1")).contains(widget);
        assertThat(client.findItemIdBySku("SVC-1")).contains(service);
        long requests = client.requestCount();
        assertThat(client.findItemIdBySku("SKU-1")).contains(widget);

        assertThat(client.requestCount()).isEqualTo(requests);
        assertThat(client.cachedItemCount()).isEqualTo(2);
        JsonNode query = Json.mapper().readTree(sim.requests().get(0).body());
        assertThat(query.path("q").asText())
                .isEqualTo("SELECT id, itemid FROM item WHERE itemid = 'SKU-1' ORDER BY id");
    }

    @Test
    void anUnknownSku_isEmpty_andNotCached_soAnItemCreatedLaterIsFound() {
        assertThat(client.findItemIdBySku("SKU-404")).isEmpty();
        assertThat(client.cachedItemCount()).isZero();

        String later = sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-404"));

        assertThat(client.findItemIdBySku("SKU-404")).contains(later);
    }

    @Test
    void aSkuWithQuotes_isEscapedAsASuiteQlLiteral_andMatchesExactly() {
        String quoted = sim.seedRecord("inventoryItem", Map.of("itemId", "O'Neil 12\" pipe"));
        sim.seedRecord("inventoryItem", Map.of("itemId", "O"));

        assertThat(client.findItemIdBySku("O'Neil 12\" pipe")).contains(quoted);
        assertThat(client.findItemIdBySku("x' OR itemid LIKE '%")).isEmpty();
        assertThat(NetSuiteClient.suiteQlLiteral("a'b''c")).isEqualTo("'a''b''''c'");
    }

    @Test
    void aBlankOrControlCharacterSku_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.findItemIdBySku(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.findItemIdBySku("A\nB")).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.requestCount()).isZero();
    }

    @Test
    void theOrderMapper_fallsBackToTheSkuLookUp_whenTheCrossReferenceHasNoItem_andTheSimulatorAcceptsTheOrder() {
        String customerId = sim.seedRecord("customer", Map.of("companyName", "Acme", "externalId", "cust-1"));
        String known = sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-1"));
        String bySku = sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-2"));
        FakeMappingContext context = new FakeMappingContext().knows("customer", "cust-1", customerId)
                .knows("product", "prod-1", known);
        OrderToNetSuiteMapper mapper = OrderToNetSuiteMapper.builder(client.config())
                .bodySubscriptionFields(OrderToNetSuiteMapper.SubscriptionFields.NONE)
                .itemResolver(client::findItemIdBySku).build();

        NetSuiteRecord record = mapper.map(order(line(1, "prod-1", "SKU-1"), line(2, "prod-2", "SKU-2")), context);
        client.upsertByExternalId(record.type(), record.externalId(), record.body());

        assertThat(record.body().path("item").path("items")).extracting(l -> l.path("item").path("id").asText())
                .containsExactly(known, bySku);
        assertThat(sim.recordByExternalId("salesOrder", "006OPP1")).isPresent();
    }

    @Test
    void anUnknownSku_isRefusedByTheOrderMapper_namingTheLine() {
        String customerId = sim.seedRecord("customer", Map.of("companyName", "Acme", "externalId", "cust-1"));
        sim.seedRecord("inventoryItem", Map.of("itemId", "SKU-1"));
        FakeMappingContext context = new FakeMappingContext().knows("customer", "cust-1", customerId);
        OrderToNetSuiteMapper mapper = OrderToNetSuiteMapper.builder(client.config())
                .itemResolver(client::findItemIdBySku).build();

        assertThatThrownBy(() -> mapper.map(order(line(1, "prod-1", "SKU-1"), line(2, "prod-9", "SKU-9")), context))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.field()).contains("lines[1].productId");
                    assertThat(e.getMessage()).contains("SKU-9");
                });
        assertThat(client.cachedItemCount()).isEqualTo(1);
        assertThat(Optional.of(sim.recordCount("salesOrder"))).contains(0);
    }
}
