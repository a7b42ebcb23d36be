package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.ContactPoint;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.CustomerStatus;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.TaxId;
import dev.synckit.canonical.TaxProfile;
import dev.synckit.canonical.code.Countries;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default inbound mapping of a NetSuite {@code customer} to a canonical {@link Customer}, the reverse of
 * {@link CustomerToNetSuiteMapper}. Reads the record JSON of {@link NetSuiteClient#get}/{@link NetSuiteClient#getExpanded}
 * (the address book is only there when expanded) or, through {@link #forSuiteQlRows}, a SuiteQL row.
 * <ul>
 * <li>id = {@code canonicalIdFor("customer", NETSUITE, id)}; the NetSuite id is kept as external reference</li>
 * <li>{@code companyName} → name (required; for an individual, {@code isPerson} true, first and last name);
 *     {@code email}, {@code phone}, {@code url} → website</li>
 * <li>{@code parent} → parentId via {@code canonicalIdFor("customer", NETSUITE, parent)}</li>
 * <li>{@code addressBook}: the default billing entry → one primary bill-to {@link Party}, the default shipping entry
 *     → one primary ship-to party (one entry may be both); other entries are not read. {@code addr1}–{@code addr3}
 *     → lines, {@code city}, {@code state} (as sent), {@code zip}, {@code country} → ISO 3166-1 alpha-2,
 *     {@code addressee} → party name unless it is the company name, {@code attention}/{@code addrPhone} → contact</li>
 * <li>{@code currency} through the code table {@code netsuite.currency} (else an ISO {@code refName});
 *     {@code terms} through {@code netsuite.terms} (else its {@code refName})</li>
 * <li>{@code isInactive} → {@link CustomerStatus#INACTIVE}, else {@link CustomerStatus#ACTIVE}</li>
 * <li>{@code lastModifiedDate} → lastModified (the mapping time when absent)</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class CustomerFromNetSuiteMapper implements Mapper<JsonNode, Customer> {

    /** The SuiteQL columns {@link #forSuiteQlRows} reads (select them, plus {@code id} and a modified time). */
    public static final List<String> SUITEQL_COLUMNS = List.of("companyName", "isPerson", "firstName", "lastName",
            "email", "phone", "url", "parent", "currency", "terms", "isInactive", "vatRegNumber", "resaleNumber",
            "taxable");

    /**
     * A mapper of SuiteQL rows (for example from {@link NetSuiteChangeSource}): the {@link #SUITEQL_COLUMNS} present,
     * and the modified time from {@link NetSuiteChangeSource#MODIFIED_COLUMN} or {@code lastmodifieddate} selected as
     * {@code TO_CHAR(…, 'YYYY-MM-DD HH24:MI:SS')}, read in the account time zone. Rows carry no address book.
     */
    public static Mapper<SuiteQlRow, Customer> forSuiteQlRows(ZoneId accountZone) {
        Objects.requireNonNull(accountZone, "accountZone");
        CustomerFromNetSuiteMapper json = new CustomerFromNetSuiteMapper();
        String[] columns = SUITEQL_COLUMNS.toArray(String[]::new);
        return (row, context) -> json.map(NetSuiteFields.fromRow(row, accountZone, columns), context);
    }

    /** {@code vatRegNumber} → a VAT tax id, {@code taxable: false} → exempt, {@code resaleNumber} → certificate. */
    private static TaxProfile tax(JsonNode customer, String nsId) {
        java.util.Optional<String> vat = NetSuiteFields.text(customer, "vatRegNumber");
        java.util.Optional<String> certificate = NetSuiteFields.text(customer, "resaleNumber");
        boolean exempt = customer.has("taxable") && !NetSuiteFields.bool(customer, "taxable", nsId);
        if (vat.isEmpty() && certificate.isEmpty() && !exempt) {
            return TaxProfile.none();
        }
        return new TaxProfile(vat.map(v -> List.of(new TaxId("VAT", v, null))).orElse(List.of()), exempt,
                certificate.orElse(null));
    }

    /**
     * {@inheritDoc}
     *
     * @throws MappingException naming the field when {@code id} or {@code companyName} is missing, or a currency,
     *     terms or country is not mapped
     */
    @Override
    public Customer map(JsonNode customer, MappingContext context) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(context, "context");
        String nsId = NetSuiteFields.requireText(customer, "id", "customer");
        String name = name(customer, nsId);
        Customer.Builder b = Customer.builder()
                .id(context.canonicalIdFor(CustomerToNetSuiteMapper.RECORD_TYPE, SourceSystem.NETSUITE, nsId))
                .name(name)
                .email(NetSuiteFields.text(customer, "email").orElse(null))
                .phone(NetSuiteFields.text(customer, "phone").orElse(null))
                .website(NetSuiteFields.text(customer, "url").orElse(null))
                .status(NetSuiteFields.bool(customer, "isInactive", nsId) ? CustomerStatus.INACTIVE
                        : CustomerStatus.ACTIVE)
                .externalRefs(List.of(new ExternalRef(SourceSystem.NETSUITE, CustomerToNetSuiteMapper.RECORD_TYPE,
                        nsId)))
                .lastModified(NetSuiteFields.lastModified(customer, context, nsId))
                .sourceSystem(SourceSystem.NETSUITE);
        NetSuiteFields.text(customer, "parent").ifPresent(p -> b.parentId(
                context.canonicalIdFor(CustomerToNetSuiteMapper.RECORD_TYPE, SourceSystem.NETSUITE, p)));
        if (NetSuiteFields.text(customer, "currency").isPresent()) {
            Currency currency = NetSuiteFields.currency(customer, context, nsId);
            b.currency(currency);
        }
        b.paymentTerms(terms(customer, context, nsId));
        b.taxProfile(tax(customer, nsId));
        JsonNode entries = customer.path("addressBook").path("items");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            boolean billing = NetSuiteFields.bool(entry, "defaultBilling", nsId);
            boolean shipping = NetSuiteFields.bool(entry, "defaultShipping", nsId);
            if (billing) {
                b.addBillTo(party(entry, i, PartyRole.BILL_TO, name, nsId));
            }
            if (shipping) {
                b.addShipTo(party(entry, i, PartyRole.SHIP_TO, name, nsId));
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MappingException(String.valueOf(e.getMessage()), ErrorDetails.of(SourceSystem.NETSUITE)
                    .withPlatformCode(MappingException.CODE).withRecordId(nsId),
                    List.of(new MappingException.FieldError("customer", String.valueOf(e.getMessage()))), e);
        }
    }

    private static String name(JsonNode customer, String nsId) {
        Optional<String> company = NetSuiteFields.text(customer, "companyName");
        if (company.isPresent()) {
            return company.get();
        }
        if (NetSuiteFields.bool(customer, "isPerson", nsId)) {
            String person = (NetSuiteFields.text(customer, "firstName").orElse("") + " "
                    + NetSuiteFields.text(customer, "lastName").orElse("")).strip();
            if (!person.isEmpty()) {
                return person;
            }
        }
        throw MappingException.field(nsId, "companyName", "is missing");
    }

    private static @Nullable String terms(JsonNode customer, MappingContext context, String nsId) {
        Optional<String> id = NetSuiteFields.text(customer, "terms");
        if (id.isEmpty()) {
            return null;
        }
        return NetSuiteFields.canonicalCode(context, CustomerToNetSuiteMapper.TERMS_TABLE, id.get())
                .or(() -> Optional.ofNullable(customer.path("terms").path("refName").textValue())
                        .filter(s -> !s.isBlank()))
                .orElseThrow(() -> MappingException.field(nsId, "terms", "id " + id.get()
                        + " is not mapped by the code table " + CustomerToNetSuiteMapper.TERMS_TABLE
                        + " and has no refName"));
    }

    private static Party party(JsonNode entry, int i, PartyRole role, String customerName, String nsId) {
        String at = "addressBook.items[" + i + "].addressBookAddress";
        JsonNode a = entry.path("addressBookAddress");
        List<String> lines = new ArrayList<>();
        for (String f : List.of("addr1", "addr2", "addr3")) {
            NetSuiteFields.text(a, f).map(String::strip).ifPresent(lines::add);
        }
        String countryText = NetSuiteFields.text(a, "country")
                .orElseThrow(() -> MappingException.field(nsId, at + ".country", "is missing"));
        String country = Countries.normalise(countryText).orElseThrow(() ->
                MappingException.field(nsId, at + ".country", "is not an ISO 3166-1 country: " + countryText));
        Address address = new Address(lines, NetSuiteFields.text(a, "city").orElse(null),
                NetSuiteFields.text(a, "state").orElse(null), NetSuiteFields.text(a, "zip").orElse(null), country);
        String addressee = NetSuiteFields.text(a, "addressee").filter(n -> !n.equals(customerName)).orElse(null);
        String attention = NetSuiteFields.text(a, "attention").orElse(null);
        String phone = NetSuiteFields.text(a, "addrPhone").orElse(null);
        ContactPoint contact = attention == null && phone == null ? null : new ContactPoint(attention, null, phone);
        return new Party(role, addressee, address, contact, null, true);
    }

    @Override
    public String toString() {
        return "CustomerFromNetSuiteMapper";
    }
}
