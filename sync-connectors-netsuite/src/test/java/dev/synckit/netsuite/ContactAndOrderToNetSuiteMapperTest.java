package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.BillingFrequency;
import dev.synckit.canonical.Contact;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.Order;
import dev.synckit.canonical.OrderLine;
import dev.synckit.canonical.OrderStatus;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SubscriptionTerms;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.mapping.CodeTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactAndOrderToNetSuiteMapperTest {

    private static final NetSuiteConfig CONFIG = NetSuiteConfig.builder("1234567_SB1",
            TbaCredentials.of("ck", "cs", "tok", "ts")).subsidiaryId("1").build();
    private static final Currency USD = Currency.getInstance("USD");
    private static final SubscriptionTerms TERMS = new SubscriptionTerms(LocalDate.parse("2024-02-01"),
            LocalDate.parse("2025-01-31"), 12, BillingFrequency.ANNUAL, true);

    private static Contact.Builder contact() {
        return Contact.builder().id("con-1").customerId("cust-1").firstName("Ann").lastName("Payable")
                .email("ann@acme.test").phone("+15550100").title("AP lead")
                .lastModified(Instant.parse("2024-01-01T00:00:00Z")).sourceSystem(SourceSystem.SALESFORCE);
    }

    private static OrderLine line(int n, String product, String qty, String rate, SubscriptionTerms terms) {
        Money unit = Money.of(rate, "USD");
        Money amount = Money.of(new BigDecimal(rate).multiply(new BigDecimal(qty)), USD);
        return new OrderLine(n, product, "SKU-" + product, new BigDecimal(qty), unit, null, amount, terms);
    }

    private static Order.Builder order() {
        return Order.builder().id("ord-1").customerId("cust-1").orderDate(LocalDate.parse("2024-01-04"))
                .currency(USD).purchaseOrderNumber("PO-77").status(OrderStatus.APPROVED)
                .addLine(line(1, "prod-a", "2", "10.50", null))
                .addLine(line(2, "prod-b", "1", "100.00", TERMS))
                .externalRefs(List.of(new ExternalRef(SourceSystem.SALESFORCE, "Opportunity", "006Ax000001abcD")))
                .lastModified(Instant.parse("2024-01-04T08:50:20Z")).sourceSystem(SourceSystem.SALESFORCE);
    }

    private static FakeMappingContext known() {
        return new FakeMappingContext().knows("customer", "cust-1", "647").knows("product", "prod-a", "98")
                .knows("product", "prod-b", "99");
    }

    // ------------------------------------------------------------------------------------------ contact

    @Test
    void aContact_isWrittenWithItsNamesContactDataSubsidiary_andTheCompanyFromTheCrossReference() {
        NetSuiteRecord r = ContactToNetSuiteMapper.from(CONFIG).map(contact().build(), known());
        assertThat(r.type()).isEqualTo("contact");
        assertThat(r.externalId()).isEqualTo("con-1");
        JsonNode b = r.body();
        assertThat(b.path("firstName").asText()).isEqualTo("Ann");
        assertThat(b.path("lastName").asText()).isEqualTo("Payable");
        assertThat(b.path("email").asText()).isEqualTo("ann@acme.test");
        assertThat(b.path("phone").asText()).isEqualTo("+15550100");
        assertThat(b.path("title").asText()).isEqualTo("AP lead");
        assertThat(b.path("company").path("id").asText()).isEqualTo("647");
        assertThat(b.path("subsidiary").path("id").asText()).isEqualTo("1");
        assertThat(b.path("externalId").asText()).isEqualTo("con-1");
    }

    @Test
    void aContactWhoseCustomerIsNotInNetSuiteYet_failsTransientlyWithDependencyPendingOnCompany() {
        assertThatThrownBy(() -> ContactToNetSuiteMapper.from(CONFIG).map(contact().build(), new FakeMappingContext()))
                .isInstanceOfSatisfying(TransientException.class, e -> {
                    assertThat(e.platformCode()).contains(CustomerToNetSuiteMapper.DEPENDENCY_PENDING);
                    assertThat(e.field()).contains("company");
                    assertThat(e.recordId()).contains("con-1");
                });
    }

    @Test
    void aContactWithoutCustomerOrOptionalFields_leavesThemOut() {
        NetSuiteRecord r = ContactToNetSuiteMapper.from(CONFIG).map(Contact.builder().id("c2").lastName("Solo")
                .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build(), new FakeMappingContext());
        assertThat(r.body().has("company")).isFalse();
        assertThat(r.body().has("firstName")).isFalse();
        assertThat(r.body().has("email")).isFalse();
    }

    // ------------------------------------------------------------------------------------------ order

    @Test
    void anOrder_becomesASalesOrderWithEntityLinesByItemQuantityRate_andTheCrmOpportunityAsExternalId() {
        NetSuiteRecord r = OrderToNetSuiteMapper.from(CONFIG).map(order().build(), known());
        assertThat(r.type()).isEqualTo("salesOrder");
        assertThat(r.externalId()).isEqualTo("006Ax000001abcD");
        JsonNode b = r.body();
        assertThat(b.path("externalId").asText()).isEqualTo("006Ax000001abcD");
        assertThat(b.path("entity").path("id").asText()).isEqualTo("647");
        assertThat(b.path("tranDate").asText()).isEqualTo("2024-01-04");
        assertThat(b.path("otherRefNum").asText()).isEqualTo("PO-77");
        assertThat(b.path("subsidiary").path("id").asText()).isEqualTo("1");
        JsonNode items = b.path("item").path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("item").path("id").asText()).isEqualTo("98");
        assertThat(items.get(0).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(items.get(0).path("rate").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(items.get(0).path("amount").decimalValue()).isEqualByComparingTo("21.00");
        assertThat(items.get(1).path("item").path("id").asText()).isEqualTo("99");
        assertThat(b.has("orderStatus")).isFalse(); // no code table: NetSuite's own default
        assertThat(b.has("custbody_synckit_sub_start")).isFalse(); // the order has no order-level terms
    }

    @Test
    void anOrderWithoutACrmReference_usesItsCanonicalIdAsExternalId() {
        NetSuiteRecord r = OrderToNetSuiteMapper.from(CONFIG).map(order().externalRefs(List.of()).build(), known());
        assertThat(r.externalId()).isEqualTo("ord-1");
    }

    @Test
    void theExternalIdDerivation_isConfigurable_andAnInvalidResultIsAMappingErrorOnExternalId() {
        NetSuiteRecord r = OrderToNetSuiteMapper.builder(CONFIG)
                .externalId(o -> "SF-" + o.externalId(SourceSystem.SALESFORCE).orElseThrow()).build()
                .map(order().build(), known());
        assertThat(r.externalId()).isEqualTo("SF-006Ax000001abcD");

        OrderToNetSuiteMapper bad = OrderToNetSuiteMapper.builder(CONFIG).externalId(o -> "a|b").build();
        assertThatThrownBy(() -> bad.map(order().build(), known()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("externalId"));
    }

    @Test
    void aLineWhoseProductHasNoNetSuiteItem_isRefusedWithAMappingErrorNamingTheLine() {
        FakeMappingContext context = new FakeMappingContext().knows("customer", "cust-1", "647")
                .knows("product", "prod-a", "98");
        assertThatThrownBy(() -> OrderToNetSuiteMapper.from(CONFIG).map(order().build(), context))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.field()).contains("lines[1].productId");
                    assertThat(e.recordId()).contains("ord-1");
                    assertThat(e.getMessage()).contains("prod-b").contains("SKU-prod-b");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aLineWithoutACrossReferencedItem_isResolvedBySkuThroughTheItemResolver_andTheXrefStillWins() {
        FakeMappingContext context = new FakeMappingContext().knows("customer", "cust-1", "647")
                .knows("product", "prod-a", "98");
        java.util.Map<String, String> bySku = java.util.Map.of("SKU-prod-a", "1", "SKU-prod-b", "77");
        OrderToNetSuiteMapper mapper = OrderToNetSuiteMapper.builder(CONFIG)
                .itemResolver(sku -> java.util.Optional.ofNullable(bySku.get(sku))).build();

        NetSuiteRecord record = mapper.map(order().build(), context);

        assertThat(record.body().path("item").path("items")).extracting(l -> l.path("item").path("id").asText())
                .containsExactly("98", "77");
        assertThatThrownBy(() -> OrderToNetSuiteMapper.builder(CONFIG).itemResolver(sku -> java.util.Optional.empty())
                .build().map(order().build(), context))
                .isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.field()).contains("lines[1].productId"));
    }

    @Test
    void anOrderWhoseCustomerIsNotInNetSuiteYet_failsTransientlyWithDependencyPendingOnEntity() {
        FakeMappingContext context = new FakeMappingContext().knows("product", "prod-a", "98")
                .knows("product", "prod-b", "99");
        assertThatThrownBy(() -> OrderToNetSuiteMapper.from(CONFIG).map(order().build(), context))
                .isInstanceOfSatisfying(TransientException.class, e -> {
                    assertThat(e.platformCode()).contains(CustomerToNetSuiteMapper.DEPENDENCY_PENDING);
                    assertThat(e.field()).contains("entity");
                });
    }

    @Test
    void subscriptionTerms_goIntoTheDefaultCustomFields_onBodyAndLine() {
        NetSuiteRecord r = OrderToNetSuiteMapper.from(CONFIG).map(order().subscriptionTerms(TERMS).build(), known());
        JsonNode b = r.body();
        assertThat(b.path("custbody_synckit_sub_start").asText()).isEqualTo("2024-02-01");
        assertThat(b.path("custbody_synckit_sub_end").asText()).isEqualTo("2025-01-31");
        assertThat(b.path("custbody_synckit_sub_term_months").asInt()).isEqualTo(12);
        assertThat(b.path("custbody_synckit_sub_billing").asText()).isEqualTo("ANNUAL");
        assertThat(b.path("custbody_synckit_sub_auto_renew").asBoolean()).isTrue();
        JsonNode line2 = b.path("item").path("items").get(1);
        assertThat(line2.path("custcol_synckit_sub_start").asText()).isEqualTo("2024-02-01");
        assertThat(b.path("item").path("items").get(0).has("custcol_synckit_sub_start")).isFalse();
    }

    @Test
    void subscriptionFieldNames_areConfigurable_andTheBillingFrequencyIsAReferenceWhenACodeTableMapsIt() {
        OrderToNetSuiteMapper mapper = OrderToNetSuiteMapper.builder(CONFIG)
                .bodySubscriptionFields(new OrderToNetSuiteMapper.SubscriptionFields("custbody_start", null, null,
                        "custbody_freq", null))
                .lineSubscriptionFields(OrderToNetSuiteMapper.SubscriptionFields.NONE)
                .taxCodeId("5").build();
        NetSuiteRecord r = mapper.map(order().subscriptionTerms(TERMS).build(), known()
                .table(CodeTable.of("netsuite.billingFrequency", Map.of("3", "ANNUAL"))));
        JsonNode b = r.body();
        assertThat(b.path("custbody_start").asText()).isEqualTo("2024-02-01");
        assertThat(b.path("custbody_freq").path("id").asText()).isEqualTo("3");
        assertThat(b.has("custbody_synckit_sub_end")).isFalse();
        assertThat(b.path("item").path("items").get(1).has("custcol_synckit_sub_start")).isFalse();
        assertThat(b.path("item").path("items").get(0).path("taxCode").path("id").asText()).isEqualTo("5");
    }

    @Test
    void currencyAndStatus_areWrittenWhenTheirCodeTablesMapThem() {
        NetSuiteRecord r = OrderToNetSuiteMapper.from(CONFIG).map(order().build(), known()
                .table(CodeTable.of("netsuite.currency", Map.of("1", "USD")))
                .table(CodeTable.of("netsuite.orderStatus", Map.of("B", "APPROVED", "A", "PENDING_APPROVAL"))));
        assertThat(r.body().path("currency").path("id").asText()).isEqualTo("1");
        assertThat(r.body().path("orderStatus").path("id").asText()).isEqualTo("B");
    }
}
