package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.CustomerStatus;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountToCustomerMapperTest {

    private final AccountToCustomerMapper mapper = AccountToCustomerMapper.create();
    private final TestMappingContext context = new TestMappingContext();

    private static SObjectRecord account(String json) {
        ObjectNode node;
        try {
            node = (ObjectNode) Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return SObjectRecord.from(node, "Account");
    }

    @Test
    void map_withParentAndBothAddresses_buildsHierarchyAndParties() {
        Customer c = mapper.map(account("""
                {"attributes":{"type":"Account"},"Id":"001000000000001AAA","Name":" Acme GmbH ",
                 "ParentId":"001000000000000AAA","Phone":"+49 30 1234","Website":"acme.example",
                 "BillingStreet":"Hauptstr. 1\\nHinterhaus","BillingCity":"Berlin","BillingPostalCode":"10115",
                 "BillingCountry":"Germany",
                 "ShippingStreet":"1 Main St","ShippingCity":"San Francisco","ShippingStateCode":"CA",
                 "ShippingCountryCode":"US","ShippingPostalCode":"94105",
                 "SystemModstamp":"2024-05-01T10:15:30.000+0000"}"""), context);

        assertThat(c.id()).isEqualTo("sf-001000000000001AAA");
        assertThat(c.name()).isEqualTo("Acme GmbH");
        assertThat(c.parentId()).isEqualTo("sf-001000000000000AAA");
        assertThat(c.phone()).isEqualTo("+49 30 1234");
        assertThat(c.website()).isEqualTo("acme.example");
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(c.sourceSystem()).isEqualTo(SourceSystem.SALESFORCE);
        assertThat(c.lastModified()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
        assertThat(c.externalRefs()).containsExactly(
                new ExternalRef(SourceSystem.SALESFORCE, "Account", "001000000000001AAA"));
        assertThat(c.billTo()).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(PartyRole.BILL_TO);
            assertThat(p.primary()).isTrue();
            assertThat(p.address()).isEqualTo(
                    new Address(List.of("Hauptstr. 1", "Hinterhaus"), "Berlin", null, "10115", "DE"));
        });
        assertThat(c.shipTo()).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(PartyRole.SHIP_TO);
            assertThat(p.address()).isEqualTo(
                    new Address(List.of("1 Main St"), "San Francisco", "US-CA", "94105", "US"));
        });
    }

    @Test
    void map_withoutAnyAddressOrParent_omitsParties() {
        Customer c = mapper.map(account("""
                {"Id":"001000000000002AAA","Name":"Bare","ParentId":null,"BillingStreet":null,
                 "SystemModstamp":"2024-05-01T10:15:30.000+0000"}"""), context);
        assertThat(c.parentId()).isNull();
        assertThat(c.billTo()).isEmpty();
        assertThat(c.shipTo()).isEmpty();
    }

    @Test
    void map_withoutName_failsNamingRecordAndField() {
        assertThatThrownBy(() -> mapper.map(account("""
                {"Id":"001000000000003AAA","Name":"  ","SystemModstamp":"2024-05-01T10:15:30.000+0000"}"""), context))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.recordId()).contains("001000000000003AAA");
                    assertThat(e.field()).contains("Name");
                    assertThat(e.getMessage()).contains("is required");
                });
    }

    @Test
    void map_withUnrecognisableCountry_failsNamingBillingCountry() {
        assertThatThrownBy(() -> mapper.map(account("""
                {"Id":"001000000000004AAA","Name":"X","BillingCity":"Atlantis","BillingCountry":"Atlantis",
                 "SystemModstamp":"2024-05-01T10:15:30.000+0000"}"""), context))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.recordId()).contains("001000000000004AAA");
                    assertThat(e.field()).contains("BillingCountry");
                });
    }

    @Test
    void map_withNumberInATextField_failsNamingTheField() {
        assertThatThrownBy(() -> mapper.map(account("""
                {"Id":"001000000000005AAA","Name":"X","Phone":12345,
                 "SystemModstamp":"2024-05-01T10:15:30.000+0000"}"""), context))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("Phone"));
    }

    @Test
    void andThen_letsAHostAddACustomField() {
        var custom = mapper.andThen((source, mapped, ctx) -> source.text("Tier__c")
                .map(t -> mapped.toBuilder().customAttribute("tier", t).build()).orElse(mapped));
        Customer c = custom.map(account("""
                {"Id":"001000000000006AAA","Name":"X","Tier__c":"Gold",
                 "SystemModstamp":"2024-05-01T10:15:30.000+0000"}"""), context);
        assertThat(c.customAttributes()).containsEntry("tier", "Gold");
    }
}
