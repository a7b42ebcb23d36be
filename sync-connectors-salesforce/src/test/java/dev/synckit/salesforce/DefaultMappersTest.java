package dev.synckit.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.BillingFrequency;
import dev.synckit.canonical.CaseCategory;
import dev.synckit.canonical.CasePriority;
import dev.synckit.canonical.CaseStatus;
import dev.synckit.canonical.Contact;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.Order;
import dev.synckit.canonical.OrderStatus;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SubscriptionTerms;
import dev.synckit.canonical.SupportCase;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultMappersTest {

    private final TestMappingContext context = new TestMappingContext();
    /** Knows every canonical id {@code sf-X} as Salesforce Id {@code X}. */
    private final TestMappingContext known = new TestMappingContext() {
        @Override
        public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
            return canonicalId.startsWith("sf-") ? Optional.of(canonicalId.substring(3)) : Optional.empty();
        }
    };

    private static SObjectRecord record(String type, String json) {
        try {
            return SObjectRecord.from((ObjectNode) Json.mapper().readTree(json), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MappingException mappingFailure(Runnable r) {
        try {
            r.run();
        } catch (MappingException e) {
            return e;
        }
        throw new AssertionError("no MappingException");
    }

    // ------------------------------------------------------------------------------------------------ Contact

    @Test
    void contactRecord_mapsNamesEmailPhoneTitle_andAccountThroughTheCrossReference() {
        Contact c = ContactRecordMapper.create().map(record("Contact", """
                {"Id":"003A","AccountId":"001A","FirstName":"Ada","LastName":" Lovelace ","Email":"ada@example.com",
                 "Phone":"+44 20 1","Title":"CTO","SystemModstamp":"2024-05-01T10:00:00.000+0000"}"""), context);

        assertThat(c.id()).isEqualTo("sf-003A");
        assertThat(c.customerId()).isEqualTo("sf-001A");
        assertThat(c.firstName()).isEqualTo("Ada");
        assertThat(c.lastName()).isEqualTo("Lovelace");
        assertThat(c.email()).isEqualTo("ada@example.com");
        assertThat(c.phone()).isEqualTo("+44 20 1");
        assertThat(c.title()).isEqualTo("CTO");
        assertThat(c.externalRefs()).containsExactly(new ExternalRef(SourceSystem.SALESFORCE, "Contact", "003A"));
        assertThat(c.lastModified()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void contactRecord_withoutLastName_failsNamingLastName() {
        MappingException e = mappingFailure(() -> ContactRecordMapper.create().map(record("Contact",
                "{\"Id\":\"003A\",\"SystemModstamp\":\"2024-05-01T10:00:00.000+0000\"}"), context));
        assertThat(e.getMessage()).contains("LastName");
    }

    @Test
    void contactRecord_readsConfiguredFieldNames() {
        Contact c = ContactRecordMapper.create(ContactFields.defaults().withPhone("MobilePhone").withAccount("Company__c"))
                .map(record("Contact", """
                        {"Id":"003A","Company__c":"001B","LastName":"L","MobilePhone":"+1 555",
                         "SystemModstamp":"2024-05-01T10:00:00.000+0000"}"""), context);
        assertThat(c.phone()).isEqualTo("+1 555");
        assertThat(c.customerId()).isEqualTo("sf-001B");
    }

    @Test
    void contactUpsert_keysByCanonicalId_andPutsTheAccountIdOfTheCustomer() {
        Contact contact = Contact.builder().id("sf-003A").customerId("sf-001A").firstName("Ada").lastName("Lovelace")
                .email("ada@example.com").lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();

        SObjectUpsert u = ContactUpsertMapper.create().map(contact, known);

        assertThat(u.type()).isEqualTo("Contact");
        assertThat(u.externalIdField()).isEqualTo("SyncKit_Id__c");
        assertThat(u.externalId()).isEqualTo("sf-003A");
        assertThat(Json.write(u.fields())).isEqualTo(
                "{\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"Email\":\"ada@example.com\",\"AccountId\":\"001A\"}");
    }

    @Test
    void contactUpsert_whoseCustomerIsNotInSalesforceYet_isATransientDependencyPendingOnAccountId() {
        Contact contact = Contact.builder().id("c-1").customerId("cust-9").lastName("L").lastModified(Instant.EPOCH)
                .sourceSystem(SourceSystem.NETSUITE).build();

        assertThatThrownBy(() -> ContactUpsertMapper.create().map(contact, context))
                .isInstanceOfSatisfying(TransientException.class, e -> {
                    assertThat(e.details().platformCode()).isEqualTo(CustomerToAccountMapper.DEPENDENCY_PENDING);
                    assertThat(e.details().field()).isEqualTo("AccountId");
                });
    }

    // ------------------------------------------------------------------------------------ Opportunity → Order

    private static final String WON = """
            {"Id":"006A","AccountId":"001A","CloseDate":"2024-04-30","IsWon":true,"IsClosed":true,
             "StageName":"Signed (renamed)","CurrencyIsoCode":"EUR","SystemModstamp":"2024-05-01T10:00:00.000+0000",
             "Subscription_Start__c":"2024-05-01","Term_Months__c":12,"Billing_Frequency__c":"Quarterly",
             "OpportunityLineItems":{"totalSize":2,"done":true,"records":[
               {"attributes":{"type":"OpportunityLineItem"},"Id":"00kA","Product2Id":"01tA","ProductCode":"PRO",
                "Quantity":2,"UnitPrice":100.50,"TotalPrice":201.00},
               {"attributes":{"type":"OpportunityLineItem"},"Id":"00kB","ProductCode":"SETUP","Quantity":1,
                "UnitPrice":50}]}}""";

    @Test
    void wonOpportunity_becomesAnApprovedOrder_withLinesTotalCurrencyAndTerms() {
        Order o = OpportunityToOrderMapper.create().map(record("Opportunity", WON), context);

        assertThat(o.id()).isEqualTo("sf-006A");
        assertThat(o.customerId()).isEqualTo("sf-001A");
        assertThat(o.status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(o.orderDate()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(o.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(o.lines()).hasSize(2);
        assertThat(o.lines().get(0).productId()).isEqualTo("sf-01tA");
        assertThat(o.lines().get(0).sku()).isEqualTo("PRO");
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(o.lines().get(0).unitPrice().isSameAmount(Money.of(new BigDecimal("100.50"),
                Currency.getInstance("EUR")))).isTrue();
        assertThat(o.lines().get(1).productId()).as("ProductCode when Product2Id is absent").isEqualTo("sf-SETUP");
        assertThat(o.lines().get(1).amount().amount()).isEqualByComparingTo("50");
        assertThat(o.total().amount()).isEqualByComparingTo("251.00");
        assertThat(o.subscriptionTerms()).isEqualTo(new SubscriptionTerms(LocalDate.of(2024, 5, 1),
                LocalDate.of(2025, 4, 30), 12, BillingFrequency.QUARTERLY, false));
        assertThat(o.externalRefs()).containsExactly(new ExternalRef(SourceSystem.SALESFORCE, "Opportunity", "006A"));
    }

    @Test
    void opportunityClosedButNotWon_isRefusedNamingIsWon_whateverItsStageLabelSays() {
        String lost = WON.replace("\"IsWon\":true", "\"IsWon\":false").replace("Signed (renamed)", "Closed Won");

        MappingException e = mappingFailure(() -> OpportunityToOrderMapper.create().map(record("Opportunity", lost),
                context));

        assertThat(e.getMessage()).contains("IsWon");
    }

    @Test
    void opportunityWonButNotClosed_isRefusedNamingIsWon() {
        String open = WON.replace("\"IsClosed\":true", "\"IsClosed\":false");
        assertThat(mappingFailure(() -> OpportunityToOrderMapper.create().map(record("Opportunity", open), context))
                .getMessage()).contains("IsWon");
    }

    @Test
    void opportunityWithoutCurrencyIsoCode_takesTheConfiguredDefaultCurrency_orFailsNamingTheField() {
        String single = WON.replace("\"CurrencyIsoCode\":\"EUR\",", "");

        Order o = OpportunityToOrderMapper.builder().defaultCurrency(Currency.getInstance("USD")).build()
                .map(record("Opportunity", single), context);
        assertThat(o.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(o.lines()).allSatisfy(l -> assertThat(l.amount().currency().getCurrencyCode()).isEqualTo("USD"));

        assertThat(mappingFailure(() -> OpportunityToOrderMapper.create().map(record("Opportunity", single), context))
                .getMessage()).contains("CurrencyIsoCode");
    }

    @Test
    void subscriptionTerms_comeFromConfiguredFields_withAnExplicitEndDate() {
        String custom = WON.replace("\"Subscription_Start__c\":\"2024-05-01\",\"Term_Months__c\":12,"
                        + "\"Billing_Frequency__c\":\"Quarterly\"",
                "\"Start__c\":\"2024-01-01\",\"End__c\":\"2024-06-30\",\"Freq__c\":\"Monthly\",\"Renew__c\":true");

        Order o = OpportunityToOrderMapper.builder().subscriptionStartField("Start__c").subscriptionEndField("End__c")
                .billingFrequencyField("Freq__c").autoRenewField("Renew__c").build()
                .map(record("Opportunity", custom), context);

        assertThat(o.subscriptionTerms()).isEqualTo(new SubscriptionTerms(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 30), 6, BillingFrequency.MONTHLY, true));
    }

    @Test
    void opportunityWithoutSubscriptionStart_hasNoTerms() {
        String oneOff = WON.replace("\"Subscription_Start__c\":\"2024-05-01\",", "");
        assertThat(OpportunityToOrderMapper.create().map(record("Opportunity", oneOff), context).subscriptionTerms())
                .isNull();
    }

    @Test
    void lineWithoutQuantity_failsNamingTheLineAndField() {
        String bad = WON.replace("\"Quantity\":1,", "");
        assertThat(mappingFailure(() -> OpportunityToOrderMapper.create().map(record("Opportunity", bad), context))
                .getMessage()).contains("OpportunityLineItems[1].Quantity");
    }

    @Test
    void unknownBillingFrequency_failsNamingTheField() {
        String bad = WON.replace("Quarterly", "Fortnightly");
        assertThat(mappingFailure(() -> OpportunityToOrderMapper.create().map(record("Opportunity", bad), context))
                .getMessage()).contains("Billing_Frequency__c");
    }

    // ------------------------------------------------------------------------------------------------- Case

    private static final String CASE = """
            {"Id":"500A","Subject":"Printer on fire","Description":"Smoke","Priority":"High","Status":"Working",
             "Type":"Problem","IsEscalated":true,"ContactId":"003A","AccountId":"001A",
             "SystemModstamp":"2024-05-01T10:00:00.000+0000"}""";

    @Test
    void caseRecord_mapsPicklistsThroughTheDefaultTables_andEscalation() {
        SupportCase c = CaseToSupportCaseMapper.create().map(record("Case", CASE), context);

        assertThat(c.id()).isEqualTo("sf-500A");
        assertThat(c.subject()).isEqualTo("Printer on fire");
        assertThat(c.description()).isEqualTo("Smoke");
        assertThat(c.priority()).isEqualTo(CasePriority.HIGH);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.category()).isEqualTo(CaseCategory.PROBLEM);
        assertThat(c.escalated()).isTrue();
        assertThat(c.requesterContactId()).isEqualTo("sf-003A");
        assertThat(c.organizationCustomerId()).isEqualTo("sf-001A");
    }

    @Test
    void caseRecord_withEmptyPicklists_takesTheCanonicalDefaults() {
        SupportCase c = CaseToSupportCaseMapper.create().map(record("Case", """
                {"Id":"500A","Subject":"S","SystemModstamp":"2024-05-01T10:00:00.000+0000"}"""), context);
        assertThat(c.priority()).isEqualTo(CasePriority.NORMAL);
        assertThat(c.status()).isEqualTo(CaseStatus.NEW);
        assertThat(c.category()).isEqualTo(CaseCategory.QUESTION);
        assertThat(c.escalated()).isFalse();
    }

    @Test
    void caseRecord_withAnUnknownPicklistValue_failsNamingTheField_unlessTheTableIsExtended() {
        String renamed = CASE.replace("\"High\"", "\"P1 - Sev\"");

        assertThat(mappingFailure(() -> CaseToSupportCaseMapper.create().map(record("Case", renamed), context))
                .getMessage()).contains("Priority").contains("P1 - Sev");

        CasePicklists org = CasePicklists.builder().priority("P1 - Sev", CasePriority.URGENT).build();
        assertThat(CaseToSupportCaseMapper.builder().picklists(org).build().map(record("Case", renamed), context)
                .priority()).isEqualTo(CasePriority.URGENT);
    }

    @Test
    void supportCaseUpsert_writesPicklistLabels_escalation_andLookups() {
        SupportCase c = SupportCase.builder().id("sf-500A").subject("Printer on fire").priority(CasePriority.URGENT)
                .status(CaseStatus.PENDING).category(CaseCategory.BILLING_DISPUTE).escalated(true)
                .requesterContactId("sf-003A").organizationCustomerId("sf-001A").lastModified(Instant.EPOCH)
                .sourceSystem(SourceSystem.ZENDESK).build();

        SObjectUpsert u = SupportCaseToCaseMapper.create().map(c, known);

        assertThat(u.type()).isEqualTo("Case");
        assertThat(u.externalId()).isEqualTo("sf-500A");
        assertThat(Json.write(u.fields())).isEqualTo("{\"Subject\":\"Printer on fire\",\"Priority\":\"Critical\","
                + "\"Status\":\"Waiting on Customer\",\"Type\":\"Billing\",\"IsEscalated\":true,"
                + "\"ContactId\":\"003A\",\"AccountId\":\"001A\"}");
    }

    @Test
    void caseRoundTrip_keepsPriorityStatusAndCategory() {
        SupportCase in = CaseToSupportCaseMapper.create().map(record("Case", CASE), context);
        SObjectUpsert out = SupportCaseToCaseMapper.create().map(in, known);
        assertThat(out.field("Priority").orElseThrow().asText()).isEqualTo("High");
        assertThat(out.field("Status").orElseThrow().asText()).isEqualTo("Working");
        assertThat(out.field("Type").orElseThrow().asText()).isEqualTo("Problem");
    }
}
