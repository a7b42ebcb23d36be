package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerToAccountMapperTest {

    private static Customer.Builder customer() {
        return Customer.builder().id("cust-1").name("Acme GmbH").phone("+49 30 1234").website("https://acme.example")
                .addBillTo(new Party(PartyRole.BILL_TO, null,
                        new Address(List.of("Hauptstr. 1", "Hof 2"), "Berlin", "DE-BE", "10115", "DE"), null, null, true))
                .addShipTo(new Party(PartyRole.SHIP_TO, null,
                        new Address(List.of("Dock 9"), "Hamburg", "Hamburg", "20457", "DE"), null, null, true))
                .lastModified(Instant.parse("2024-05-01T00:00:00Z")).sourceSystem(SourceSystem.NETSUITE);
    }

    @Test
    void map_writesComponentAddressFields_withIsoCodesIntoThePicklistFields() {
        SObjectUpsert r = CustomerToAccountMapper.create().map(customer().build(), new TestMappingContext());

        assertThat(r.type()).isEqualTo("Account");
        assertThat(r.externalIdField()).isEqualTo("SyncKit_Id__c");
        assertThat(r.externalId()).isEqualTo("cust-1");
        assertThat(Json.write(r.fields())).isEqualTo("{\"Name\":\"Acme GmbH\",\"Phone\":\"+49 30 1234\","
                + "\"Website\":\"https://acme.example\",\"BillingStreet\":\"Hauptstr. 1\\nHof 2\","
                + "\"BillingCity\":\"Berlin\",\"BillingPostalCode\":\"10115\",\"BillingCountryCode\":\"DE\","
                + "\"BillingStateCode\":\"BE\",\"ShippingStreet\":\"Dock 9\",\"ShippingCity\":\"Hamburg\","
                + "\"ShippingPostalCode\":\"20457\",\"ShippingCountryCode\":\"DE\",\"ShippingState\":\"Hamburg\"}");
    }

    @Test
    void map_withoutPicklists_andACustomExternalIdField_writesTextStateAndCountry() {
        SObjectUpsert r = CustomerToAccountMapper.builder().externalIdField("ERP_Key__c").statePicklists(false).build()
                .map(customer().build(), new TestMappingContext());

        assertThat(r.externalIdField()).isEqualTo("ERP_Key__c");
        assertThat(r.field("BillingState")).hasValueSatisfying(v -> assertThat(v.asText()).isEqualTo("BE"));
        assertThat(r.field("BillingCountry")).hasValueSatisfying(v -> assertThat(v.asText()).isEqualTo("DE"));
        assertThat(r.field("BillingCountryCode")).isEmpty();
    }

    @Test
    void map_parentKnownToTheCrossReference_setsParentId() {
        TestMappingContext context = new TestMappingContext() {
            @Override
            public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
                return canonicalId.equals("parent-1") ? Optional.of("001000000000001AAA") : Optional.empty();
            }
        };

        SObjectUpsert r = CustomerToAccountMapper.create().map(customer().parentId("parent-1").build(), context);

        assertThat(r.field("ParentId")).hasValueSatisfying(v -> assertThat(v.asText()).isEqualTo("001000000000001AAA"));
    }

    @Test
    void map_parentNotInSalesforceYet_isATransientDependencyNamingParentId() {
        assertThatThrownBy(() -> CustomerToAccountMapper.create().map(customer().parentId("parent-9").build(),
                new TestMappingContext())).isInstanceOfSatisfying(TransientException.class, e -> {
                    assertThat(e.platformCode()).contains(CustomerToAccountMapper.DEPENDENCY_PENDING);
                    assertThat(e.field()).contains("ParentId");
                });
    }

    @Test
    void writeBack_success_setsTheErpNumberAndClearsTheError() {
        SObjectUpsert r = ErpWriteBackMapper.create().map(ErpWriteBack.customerSynced("cust-1", "C-10042"),
                new TestMappingContext());

        assertThat(Json.write(r.fields())).isEqualTo("{\"ERP_Customer_Number__c\":\"C-10042\","
                + "\"SyncKit_Sync_Status__c\":\"SYNCED\",\"SyncKit_Sync_Error__c\":null}");
    }

    @Test
    void writeBack_failure_onAnOpportunity_cutsTheErrorToTheFieldLength() {
        SObjectUpsert r = ErpWriteBackMapper.builder().syncErrorField("Err__c").build()
                .map(ErpWriteBack.failed("Opportunity", "opp-1", "x".repeat(400)), new TestMappingContext());

        assertThat(r.type()).isEqualTo("Opportunity");
        assertThat(r.field("Err__c")).hasValueSatisfying(v -> assertThat(v.asText()).hasSize(255).endsWith("..."));
        assertThat(r.field("SyncKit_Sync_Status__c")).hasValueSatisfying(v -> assertThat(v.asText()).isEqualTo("FAILED"));
    }
}
