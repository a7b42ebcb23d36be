package dev.synckit.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.Contact;
import dev.synckit.canonical.ContactPoint;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.CustomerStatus;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.CodeTable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerAndContactFromNetSuiteMapperTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String ns(String id) {
        return SourceSystem.NETSUITE.id() + "-" + id;
    }

    private static FakeMappingContext tables() {
        return new FakeMappingContext()
                .table(CodeTable.of("netsuite.currency", Map.of("1", "USD", "4", "EUR")))
                .table(CodeTable.of("netsuite.terms", Map.of("2", "Net 30")));
    }

    private static final String CUSTOMER = "{'id':'647','companyName':'Acme Corp','email':'ap@acme.test',"
            + "'phone':'+15550100','url':'https://acme.test','parent':{'id':'600','refName':'Acme Group'},"
            + "'currency':{'id':'4','refName':'Euro'},'terms':{'id':'2','refName':'Net 30'},'isInactive':false,"
            + "'lastModifiedDate':'2024-01-05T10:00:00Z','addressBook':{'items':["
            + "{'defaultBilling':true,'defaultShipping':false,'addressBookAddress':{'addr1':'1 Main St',"
            + "'addr2':'Suite 5','city':'Springfield','state':'CA','zip':'90001','country':{'id':'US'},"
            + "'addressee':'Acme Corp','attention':'Ann Payable','addrPhone':'+15550101'}},"
            + "{'defaultBilling':false,'defaultShipping':true,'addressBookAddress':{'addr1':'9 Dock Rd',"
            + "'city':'Hamburg','zip':'20457','country':'DE','addressee':'Acme Logistics'}},"
            + "{'defaultBilling':false,'defaultShipping':false,'addressBookAddress':{'addr1':'old','country':'FR'}}]}}";

    @Test
    void aCustomerRecord_becomesTheCanonicalCustomer_withCrossReferencedIdsCodesAndDefaultAddresses() {
        Customer c = new CustomerFromNetSuiteMapper().map(json(CUSTOMER), tables());

        assertThat(c.id()).isEqualTo(ns("647"));
        assertThat(c.name()).isEqualTo("Acme Corp");
        assertThat(c.parentId()).isEqualTo(ns("600"));
        assertThat(c.email()).isEqualTo("ap@acme.test");
        assertThat(c.phone()).isEqualTo("+15550100");
        assertThat(c.website()).isEqualTo("https://acme.test");
        assertThat(c.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(c.paymentTerms()).isEqualTo("Net 30");
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(c.externalRefs()).containsExactly(new ExternalRef(SourceSystem.NETSUITE, "customer", "647"));
        assertThat(c.lastModified()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
        assertThat(c.sourceSystem()).isEqualTo(SourceSystem.NETSUITE);
        assertThat(c.billTo()).containsExactly(new Party(PartyRole.BILL_TO, null,
                new Address(List.of("1 Main St", "Suite 5"), "Springfield", "CA", "90001", "US"),
                new ContactPoint("Ann Payable", null, "+15550101"), null, true));
        assertThat(c.shipTo()).containsExactly(new Party(PartyRole.SHIP_TO, "Acme Logistics",
                new Address(List.of("9 Dock Rd"), "Hamburg", null, "20457", "DE"), null, null, true));
    }

    @Test
    void oneAddressThatIsDefaultForBoth_becomesABillToAndAShipToParty() {
        Customer c = new CustomerFromNetSuiteMapper().map(json("{'id':'5','companyName':'Solo',"
                + "'addressBook':{'items':[{'defaultBilling':true,'defaultShipping':true,"
                + "'addressBookAddress':{'addr1':'1 Rue','city':'Paris','country':{'id':'FR','refName':'France'}}}]}}"),
                new FakeMappingContext());

        assertThat(c.primaryBillTo().orElseThrow().address()).isEqualTo(c.primaryShipTo().orElseThrow().address());
        assertThat(c.primaryShipTo().orElseThrow().role()).isEqualTo(PartyRole.SHIP_TO);
        assertThat(c.currency()).isNull();
        assertThat(c.paymentTerms()).isNull();
        assertThat(c.parentId()).isNull();
        assertThat(c.lastModified()).isEqualTo(new FakeMappingContext().now());
    }

    @Test
    void aCustomerWithoutCompanyName_isAMappingErrorNamingCompanyName() {
        assertThatThrownBy(() -> new CustomerFromNetSuiteMapper().map(json("{'id':'647','email':'a@b.test'}"),
                new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.field()).contains("companyName");
                    assertThat(e.recordId()).contains("647");
                });
    }

    @Test
    void anIndividualCustomer_isNamedByFirstAndLastName_andAnInactiveOneIsInactive() {
        Customer c = new CustomerFromNetSuiteMapper().map(json("{'id':'8','isPerson':true,'firstName':'Jo',"
                + "'lastName':'Doe','isInactive':true}"), new FakeMappingContext());

        assertThat(c.name()).isEqualTo("Jo Doe");
        assertThat(c.status()).isEqualTo(CustomerStatus.INACTIVE);
    }

    @Test
    void unmappedCurrencyTermsOrCountry_areMappingErrorsNamingTheField() {
        CustomerFromNetSuiteMapper mapper = new CustomerFromNetSuiteMapper();
        assertThatThrownBy(() -> mapper.map(json("{'id':'1','companyName':'A','currency':{'id':'9'}}"), tables()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("currency"));
        assertThatThrownBy(() -> mapper.map(json("{'id':'1','companyName':'A','terms':{'id':'9'}}"), tables()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("terms"));
        assertThatThrownBy(() -> mapper.map(json("{'id':'1','companyName':'A','addressBook':{'items':["
                + "{'defaultBilling':true,'addressBookAddress':{'addr1':'x','country':'Atlantis'}}]}}"), tables()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field())
                        .contains("addressBook.items[0].addressBookAddress.country"));
    }

    @Test
    void termsUnknownToTheCodeTable_fallBackToTheirRefName() {
        Customer c = new CustomerFromNetSuiteMapper().map(json("{'id':'1','companyName':'A',"
                + "'terms':{'id':'7','refName':'Net 60'},'currency':{'id':'99','refName':'GBP'}}"), tables());

        assertThat(c.paymentTerms()).isEqualTo("Net 60");
        assertThat(c.currency()).isEqualTo(Currency.getInstance("GBP"));
    }

    @Test
    void aSuiteQlCustomerRow_isMappedThroughItsLowerCaseColumns_withTheModifiedTimeInTheAccountZone() {
        SuiteQlRow row = new SuiteQlRow(Map.of("id", "647", "companyname", "Acme Corp", "parent", "600",
                "currency", "1", "terms", "2", "isinactive", "F", "email", "ap@acme.test",
                NetSuiteChangeSource.MODIFIED_COLUMN, "2024-01-05 02:00:00"));

        Customer c = CustomerFromNetSuiteMapper.forSuiteQlRows(PACIFIC).map(row, tables());

        assertThat(c.id()).isEqualTo(ns("647"));
        assertThat(c.name()).isEqualTo("Acme Corp");
        assertThat(c.parentId()).isEqualTo(ns("600"));
        assertThat(c.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(c.paymentTerms()).isEqualTo("Net 30");
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(c.email()).isEqualTo("ap@acme.test");
        assertThat(c.lastModified()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
        assertThat(c.billTo()).isEmpty();
    }

    @Test
    void aCustomerMappedOutAndBackIn_keepsItsFieldsAndAddresses() {
        Customer original = new CustomerFromNetSuiteMapper().map(json(CUSTOMER), tables());
        NetSuiteRecord out = CustomerToNetSuiteMapper.from(NetSuiteConfig.builder("1234567",
                TbaCredentials.of("ck", "cs", "tok", "ts")).build()).map(original, tables().knows("customer",
                ns("600"), "600"));
        com.fasterxml.jackson.databind.node.ObjectNode read = out.body().put("id", "647")
                .put("lastModifiedDate", "2024-01-05T10:00:00Z");

        Customer back = new CustomerFromNetSuiteMapper().map(read, tables());

        assertThat(back).isEqualTo(original);
    }

    @Test
    void taxFields_becomeTheTaxProfile_andGoBackOutUnchanged() {
        Customer in = new CustomerFromNetSuiteMapper().map(json("{'id':'700','companyName':'Exempt GmbH',"
                + "'vatRegNumber':'DE123456789','taxable':false,'resaleNumber':'EX-42',"
                + "'lastModifiedDate':'2024-01-05T10:00:00Z'}"), tables());

        assertThat(in.taxProfile().taxIds()).singleElement().satisfies(t -> {
            assertThat(t.scheme()).isEqualTo("VAT");
            assertThat(t.value()).isEqualTo("DE123456789");
        });
        assertThat(in.taxProfile().exempt()).isTrue();
        assertThat(in.taxProfile().exemptionCertificate()).isEqualTo("EX-42");

        NetSuiteRecord out = CustomerToNetSuiteMapper.from(NetSuiteConfig.builder("1234567",
                TbaCredentials.of("ck", "cs", "tok", "ts")).build()).map(in, tables());
        assertThat(out.body().get("vatRegNumber").asText()).isEqualTo("DE123456789");
        assertThat(out.body().get("taxable").asBoolean()).isFalse();
        assertThat(out.body().get("resaleNumber").asText()).isEqualTo("EX-42");
    }

    @Test
    void aCustomerWithoutTaxFields_hasNoTaxProfile_andSendsNone() {
        Customer in = new CustomerFromNetSuiteMapper().map(json("{'id':'701','companyName':'Plain Ltd',"
                + "'lastModifiedDate':'2024-01-05T10:00:00Z'}"), tables());

        assertThat(in.taxProfile()).isEqualTo(dev.synckit.canonical.TaxProfile.none());
        NetSuiteRecord out = CustomerToNetSuiteMapper.from(NetSuiteConfig.builder("1234567",
                TbaCredentials.of("ck", "cs", "tok", "ts")).build()).map(in, tables());
        assertThat(out.body().has("taxable")).isFalse();
        assertThat(out.body().has("vatRegNumber")).isFalse();
    }

    // ------------------------------------------------------------------------------------------ contact

    @Test
    void aContactRecord_becomesTheCanonicalContact_withItsCompanyAsCrossReferencedCustomer() {
        Contact c = new ContactFromNetSuiteMapper().map(json("{'id':'31','firstName':'Ann','lastName':'Payable',"
                + "'email':'ann@acme.test','phone':'+15550100','title':'AP lead','company':{'id':'647'},"
                + "'lastModifiedDate':'2024-01-06T00:00:00Z'}"), new FakeMappingContext());

        assertThat(c).isEqualTo(Contact.builder().id(ns("31")).customerId(ns("647")).firstName("Ann")
                .lastName("Payable").email("ann@acme.test").phone("+15550100").title("AP lead")
                .externalRefs(List.of(new ExternalRef(SourceSystem.NETSUITE, "contact", "31")))
                .lastModified(Instant.parse("2024-01-06T00:00:00Z")).sourceSystem(SourceSystem.NETSUITE).build());
    }

    @Test
    void aContactWithoutCompanyOrLastName_hasNoCustomer_orIsAMappingErrorNamingLastName() {
        ContactFromNetSuiteMapper mapper = new ContactFromNetSuiteMapper();
        assertThat(mapper.map(json("{'id':'31','lastName':'Solo'}"), new FakeMappingContext()).customerId()).isNull();
        assertThatThrownBy(() -> mapper.map(json("{'id':'31','firstName':'Ann'}"), new FakeMappingContext()))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.field()).contains("lastName"));
    }

    @Test
    void aSuiteQlContactRow_isMappedThroughItsLowerCaseColumns() {
        SuiteQlRow row = new SuiteQlRow(Map.of("id", "31", "firstname", "Ann", "lastname", "Payable",
                "company", "647", "lastmodifieddate", "2024-01-05 02:00:00"));

        Contact c = ContactFromNetSuiteMapper.forSuiteQlRows(PACIFIC).map(row, new FakeMappingContext());

        assertThat(c.customerId()).isEqualTo(ns("647"));
        assertThat(c.firstName()).isEqualTo("Ann");
        assertThat(c.lastModified()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
    }
}
