package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.ContactPoint;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.mapping.CodeTable;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerToNetSuiteMapperTest {

    private static final TbaCredentials CREDENTIALS = TbaCredentials.of("ck", "cs", "tok", "ts");
    private final CustomerToNetSuiteMapper mapper =
            CustomerToNetSuiteMapper.from(NetSuiteConfig.builder("1234567_SB1", CREDENTIALS).subsidiaryId("1").build());

    static Customer.Builder customer(String id) {
        return Customer.builder().id(id).name("Acme " + id).lastModified(Instant.parse("2024-01-01T00:00:00Z"))
                .sourceSystem(SourceSystem.SALESFORCE);
    }

    static Party party(PartyRole role, Address address, boolean primary) {
        return new Party(role, null, address, new ContactPoint("Ann Payable", "ap@acme.test", "+15550100"), null, primary);
    }

    @Test
    void map_setsTheScalarFields_subsidiaryAndExternalId() {
        NetSuiteRecord r = mapper.map(customer("cust-1").email("ap@acme.test").phone("+1 555 0100")
                .website("https://acme.test").build(), new FakeMappingContext());
        assertThat(r.type()).isEqualTo("customer");
        assertThat(r.externalId()).isEqualTo("cust-1");
        JsonNode b = r.body();
        assertThat(b.path("companyName").asText()).isEqualTo("Acme cust-1");
        assertThat(b.path("externalId").asText()).isEqualTo("cust-1");
        assertThat(b.path("email").asText()).isEqualTo("ap@acme.test");
        assertThat(b.path("phone").asText()).isEqualTo("+1 555 0100");
        assertThat(b.path("url").asText()).isEqualTo("https://acme.test");
        assertThat(b.path("subsidiary").path("id").asText()).isEqualTo("1");
        assertThat(b.has("id")).isFalse();
        assertThat(b.has("parent")).isFalse();
        assertThat(b.has("addressBook")).isFalse();
    }

    @Test
    void map_resolvesTheParentThroughTheCrossReference() {
        NetSuiteRecord r = mapper.map(customer("child").parentId("parent-1").build(),
                new FakeMappingContext().knows("customer", "parent-1", "647"));
        assertThat(r.body().path("parent").path("id").asText()).isEqualTo("647");
    }

    @Test
    void map_whenTheParentIsNotInNetSuiteYet_failsTransientlyWithDependencyPending() {
        assertThatThrownBy(() -> mapper.map(customer("child").parentId("parent-9").build(), new FakeMappingContext()))
                .isInstanceOfSatisfying(TransientException.class, e -> {
                    assertThat(e.platformCode()).contains(CustomerToNetSuiteMapper.DEPENDENCY_PENDING);
                    assertThat(e.recordId()).contains("child");
                    assertThat(e.field()).contains("parent");
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("parent-9");
                });
    }

    @Test
    void map_writesOneAddressWithBothFlags_whenBillToAndShipToAreTheSame() {
        Address hq = new Address(List.of("1 Main St", "Floor 2"), "Springfield", "US-IL", "62701", "US");
        NetSuiteRecord r = mapper.map(customer("c").addBillTo(party(PartyRole.BILL_TO, hq, true))
                .addShipTo(party(PartyRole.SHIP_TO, hq, true)).build(), new FakeMappingContext());
        JsonNode items = r.body().path("addressBook").path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("defaultBilling").asBoolean()).isTrue();
        assertThat(items.get(0).path("defaultShipping").asBoolean()).isTrue();
        JsonNode a = items.get(0).path("addressBookAddress");
        assertThat(a.path("addr1").asText()).isEqualTo("1 Main St");
        assertThat(a.path("addr2").asText()).isEqualTo("Floor 2");
        assertThat(a.has("addr3")).isFalse();
        assertThat(a.path("city").asText()).isEqualTo("Springfield");
        assertThat(a.path("state").asText()).isEqualTo("IL");
        assertThat(a.path("zip").asText()).isEqualTo("62701");
        assertThat(a.path("country").path("id").asText()).isEqualTo("US");
        assertThat(a.path("addressee").asText()).isEqualTo("Acme c");
    }

    @Test
    void map_writesSeparateBillingAndShippingAddresses_fromThePrimaryParties() {
        Address other = Address.of("9 Side Rd", "Lyon", null, "69001", "FR");
        Address bill = new Address(List.of("a", "b", "c", "d"), "Springfield", "Illinois", "62701", "US");
        NetSuiteRecord r = mapper.map(customer("c")
                .addBillTo(party(PartyRole.BILL_TO, other, false))
                .addBillTo(party(PartyRole.BILL_TO, bill, true))
                .addShipTo(party(PartyRole.SHIP_TO, other, false)).build(), new FakeMappingContext());
        JsonNode items = r.body().path("addressBook").path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("defaultBilling").asBoolean()).isTrue();
        assertThat(items.get(0).path("defaultShipping").asBoolean()).isFalse();
        assertThat(items.get(0).path("addressBookAddress").path("addr3").asText()).isEqualTo("c, d");
        assertThat(items.get(0).path("addressBookAddress").path("state").asText()).isEqualTo("Illinois");
        assertThat(items.get(1).path("defaultBilling").asBoolean()).isFalse();
        assertThat(items.get(1).path("defaultShipping").asBoolean()).isTrue();
        assertThat(items.get(1).path("addressBookAddress").path("country").path("id").asText()).isEqualTo("FR");
    }

    @Test
    void map_setsCurrencyAndTermsOnlyWhenACodeTableMapsThem() {
        Customer c = customer("c").currency(Currency.getInstance("EUR")).paymentTerms("NET30").build();
        NetSuiteRecord without = mapper.map(c, new FakeMappingContext());
        assertThat(without.body().has("currency")).isFalse();
        assertThat(without.body().has("terms")).isFalse();

        NetSuiteRecord with = mapper.map(c, new FakeMappingContext()
                .table(CodeTable.of("netsuite.currency", Map.of("1", "USD", "4", "EUR")))
                .table(CodeTable.of("netsuite.terms", Map.of("2", "NET30"))));
        assertThat(with.body().path("currency").path("id").asText()).isEqualTo("4");
        assertThat(with.body().path("terms").path("id").asText()).isEqualTo("2");
    }

    @Test
    void map_withoutASubsidiaryInTheConfig_leavesItOut() {
        NetSuiteRecord r = CustomerToNetSuiteMapper.from(NetSuiteConfig.builder("1234567", CREDENTIALS).build())
                .map(customer("c").build(), new FakeMappingContext());
        assertThat(r.body().has("subsidiary")).isFalse();
    }

    @Test
    void theRecordBody_cannotBeChangedFromOutside() {
        NetSuiteRecord r = mapper.map(customer("c").build(), new FakeMappingContext());
        r.body().put("companyName", "changed");
        assertThat(r.body().path("companyName").asText()).isEqualTo("Acme c");
    }
}
