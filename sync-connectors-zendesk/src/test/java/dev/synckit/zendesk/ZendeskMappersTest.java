package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.CaseCategory;
import dev.synckit.canonical.CasePriority;
import dev.synckit.canonical.CaseStatus;
import dev.synckit.canonical.Contact;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.CustomerStatus;
import dev.synckit.canonical.Entitlement;
import dev.synckit.canonical.EntitlementStatus;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SupportCase;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ZendeskMappersTest {

    private final ZendeskMappers mappers = ZendeskMappers.with(ZendeskFieldKeys.defaults()
            .withTicketFields(101, 102, 103, 104));
    private final TestMappingContext context = new TestMappingContext().knows("customer", "cust-1", "555");

    @Test
    void customer_becomesAnOrganizationKeyedByCanonicalId_withErpNumberAndStatusFields() {
        Customer c = Customer.builder().id("cust-1").name("Acme").status(CustomerStatus.ON_HOLD)
                .addExternalRef(new ExternalRef(SourceSystem.NETSUITE, "customer", "CUST-00042"))
                .customAttribute("serviceTier", "gold").lastModified(Instant.EPOCH)
                .sourceSystem(SourceSystem.SALESFORCE).build();
        ZendeskRecord r = mappers.customerToOrganization().map(c, context);
        assertThat(r.externalId()).isEqualTo("cust-1");
        JsonNode b = r.body();
        assertThat(b.path("name").asText()).isEqualTo("Acme");
        assertThat(b.path("id").asLong()).isEqualTo(555);
        assertThat(b.path("organization_fields").path("erp_customer_number").asText()).isEqualTo("CUST-00042");
        assertThat(b.path("organization_fields").path("account_status").asText()).isEqualTo("on_hold");
        assertThat(b.path("organization_fields").path("service_tier").asText()).isEqualTo("gold");
    }

    @Test
    void entitlement_setsTierEndDateAndStatusOnItsCustomersOrganization() {
        Entitlement e = Entitlement.builder().id("ent-1").customerId("cust-1").serviceTier("platinum")
                .start(LocalDate.parse("2026-01-01")).end(LocalDate.parse("2026-12-31"))
                .status(EntitlementStatus.ACTIVE).lastModified(Instant.EPOCH).sourceSystem(SourceSystem.NETSUITE)
                .build();
        ZendeskRecord r = mappers.entitlementToOrganization().map(e, context);
        assertThat(r.externalId()).isEqualTo("cust-1");
        assertThat(r.body().path("organization_fields").path("entitlement_end_date").asText()).isEqualTo("2026-12-31");
        assertThat(r.body().path("organization_fields").path("service_tier").asText()).isEqualTo("platinum");
        assertThat(r.body().has("name")).isFalse();
    }

    @Test
    void contact_becomesAnEndUserInItsOrganization() {
        Contact c = Contact.builder().id("con-1").customerId("cust-1").firstName("Ann").lastName("Lee")
                .email("ann@acme.test").lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();
        JsonNode u = mappers.contactToUser().map(c, context).body();
        assertThat(u.path("name").asText()).isEqualTo("Ann Lee");
        assertThat(u.path("role").asText()).isEqualTo("end-user");
        assertThat(u.path("organization_id").asLong()).isEqualTo(555);
        assertThat(u.path("external_id").asText()).isEqualTo("con-1");
    }

    @Test
    void supportCase_roundTripsThroughATicket() {
        SupportCase s = SupportCase.builder().id("case-1").subject("INV-7 charged twice").description("Twice!")
                .priority(CasePriority.HIGH).status(CaseStatus.ON_HOLD).category(CaseCategory.BILLING_DISPUTE)
                .escalated(true).organizationCustomerId("cust-1").invoiceId("inv-7").orderNumber("SO-1001")
                .lastModified(Instant.parse("2026-01-01T00:00:00Z")).sourceSystem(SourceSystem.NETSUITE).build();
        ObjectNode t = mappers.supportCaseToTicket().map(s, context);
        assertThat(t.path("status").asText()).isEqualTo("hold");
        assertThat(t.path("tags").toString()).contains("escalated").contains("billing_dispute");
        assertThat(t.path("custom_fields").toString()).contains("{\"id\":102,\"value\":true}")
                .contains("{\"id\":103,\"value\":\"inv-7\"}").contains("{\"id\":104,\"value\":\"SO-1001\"}");

        t.put("id", 42);
        t.put("updated_at", "2026-01-02T00:00:00Z");
        SupportCase back = mappers.ticketToSupportCase().map(t, context);
        assertThat(back.id()).isEqualTo("case-1");
        assertThat(back.priority()).isEqualTo(CasePriority.HIGH);
        assertThat(back.status()).isEqualTo(CaseStatus.ON_HOLD);
        assertThat(back.category()).isEqualTo(CaseCategory.BILLING_DISPUTE);
        assertThat(back.escalated()).isTrue();
        assertThat(back.organizationCustomerId()).isEqualTo("cust-1");
        assertThat(back.invoiceId()).isEqualTo("inv-7");
        assertThat(back.orderNumber()).isEqualTo("SO-1001");
    }

    @Test
    void webhookDetail_withStringValues_mapsToo_andAnUnknownStatusNamesTheField() {
        ObjectNode detail = Json.mapper().createObjectNode();
        detail.put("id", "77");
        detail.put("external_id", "");
        detail.put("organization_id", "0");
        detail.put("status", "open");
        detail.put("priority", "urgent");
        detail.put("updated_at", "2026-01-01T00:00:00Z");
        SupportCase s = mappers.ticketToSupportCase().map(detail, context);
        assertThat(s.id()).isEqualTo("zendesk-supportCase-77");
        assertThat(s.escalated()).isTrue();
        assertThat(s.organizationCustomerId()).isNull();

        detail.put("status", "weird");
        assertThatThrownBy(() -> mappers.ticketToSupportCase().map(detail, context))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("status"));
    }
}
