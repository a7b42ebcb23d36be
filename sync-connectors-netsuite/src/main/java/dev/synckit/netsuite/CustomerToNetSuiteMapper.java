package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.TaxProfile;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default outbound mapping of a canonical {@link Customer} to a NetSuite {@code customer}: company name,
 * e-mail, phone, web site, subsidiary, parent, default billing and shipping addresses, and currency and terms
 * where a code table maps them. Fields the customer does not have are left out, not cleared. Add custom
 * fields with {@link Mapper#andThen}. Immutable and thread-safe.
 */
public final class CustomerToNetSuiteMapper implements Mapper<Customer, NetSuiteRecord> {

    /** The NetSuite record type written. */
    public static final String RECORD_TYPE = "customer";
    /** The code table from NetSuite currency internal ids to ISO 4217 codes. */
    public static final String CURRENCY_TABLE = "netsuite.currency";
    /** The code table from NetSuite term internal ids to canonical payment terms. */
    public static final String TERMS_TABLE = "netsuite.terms";
    /** The code of the failure when the parent customer is not in NetSuite yet. */
    public static final String DEPENDENCY_PENDING = "DEPENDENCY_PENDING";

    private static final int ADDRESS_LINES = 3;

    private final @Nullable String subsidiaryId;

    private CustomerToNetSuiteMapper(@Nullable String subsidiaryId) {
        this.subsidiaryId = subsidiaryId;
    }

    /** A mapper that sets the subsidiary of the config, if it has one. */
    public static CustomerToNetSuiteMapper from(NetSuiteConfig config) {
        Objects.requireNonNull(config, "config");
        return new CustomerToNetSuiteMapper(config.subsidiaryId().orElse(null));
    }

    /**
     * {@inheritDoc}
     *
     * @throws TransientException with code {@link #DEPENDENCY_PENDING} when the customer has a parent that the
     *     cross-reference does not know in NetSuite yet; a retry after the parent was written succeeds
     */
    @Override
    public NetSuiteRecord map(Customer customer, MappingContext context) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(context, "context");
        String externalId = ExternalIds.fromCanonicalId(customer.id());
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("externalId", externalId);
        body.put("companyName", customer.name());
        putIfPresent(body, "email", customer.email());
        putIfPresent(body, "phone", customer.phone());
        putIfPresent(body, "url", customer.website());
        if (subsidiaryId != null) {
            body.set("subsidiary", ref(subsidiaryId));
        }
        if (customer.parentId() != null) {
            body.set("parent", ref(parentInternalId(customer, customer.parentId(), context)));
        }
        ArrayNode addresses = addressBook(customer);
        if (!addresses.isEmpty()) {
            body.putObject("addressBook").set("items", addresses);
        }
        if (customer.currency() != null) {
            platformCode(context, CURRENCY_TABLE, customer.currency().getCurrencyCode())
                    .ifPresent(id -> body.set("currency", ref(id)));
        }
        if (customer.paymentTerms() != null) {
            platformCode(context, TERMS_TABLE, customer.paymentTerms()).ifPresent(id -> body.set("terms", ref(id)));
        }
        tax(customer.taxProfile(), body);
        return new NetSuiteRecord(RECORD_TYPE, externalId, body);
    }

    /**
     * Tax fields, only when the customer has a tax profile (a customer without one leaves NetSuite's
     * settings alone): {@code vatRegNumber} = the VAT id (else the first tax id), {@code taxable} = not
     * exempt, {@code resaleNumber} = the exemption certificate.
     */
    static void tax(TaxProfile tax, ObjectNode body) {
        if (tax.equals(TaxProfile.none())) {
            return;
        }
        tax.taxIds().stream().filter(t -> t.scheme().equalsIgnoreCase("VAT")).findFirst()
                .or(() -> tax.taxIds().stream().findFirst())
                .ifPresent(t -> body.put("vatRegNumber", t.value()));
        body.put("taxable", !tax.exempt());
        putIfPresent(body, "resaleNumber", tax.exemptionCertificate());
    }

    private static String parentInternalId(Customer customer, String parentId, MappingContext context) {
        return context.systemId(RECORD_TYPE, parentId, SourceSystem.NETSUITE).orElseThrow(() ->
                new TransientException("parent customer " + parentId + " of customer " + customer.id()
                        + " is not in NetSuite yet; retry after it was written",
                        ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode(DEPENDENCY_PENDING)
                                .withRecordId(customer.id()).withField("parent")));
    }

    private static Optional<String> platformCode(MappingContext context, String table, String canonicalCode) {
        return context.codeTable(table).flatMap((CodeTable t) -> t.platform(canonicalCode));
    }

    /** The primary bill-to and ship-to parties; one entry with both flags when they are the same. */
    private static ArrayNode addressBook(Customer customer) {
        ArrayNode items = Json.mapper().createArrayNode();
        Optional<Party> billing = customer.primaryBillTo();
        Optional<Party> shipping = customer.primaryShipTo();
        if (billing.isPresent() && shipping.isPresent() && sameAddress(billing.get(), shipping.get())) {
            items.add(entry(customer, billing.get(), true, true));
            return items;
        }
        billing.ifPresent(p -> items.add(entry(customer, p, true, false)));
        shipping.ifPresent(p -> items.add(entry(customer, p, false, true)));
        return items;
    }

    private static boolean sameAddress(Party a, Party b) {
        return a.address().equals(b.address()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.contact(), b.contact());
    }

    private static ObjectNode entry(Customer customer, Party party, boolean billing, boolean shipping) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.put("defaultBilling", billing);
        entry.put("defaultShipping", shipping);
        ObjectNode a = entry.putObject("addressBookAddress");
        Address address = party.address();
        List<String> lines = address.lines();
        for (int i = 0; i < Math.min(lines.size(), ADDRESS_LINES); i++) {
            // NetSuite has three street lines: any further lines are appended to the third
            String line = i == ADDRESS_LINES - 1 && lines.size() > ADDRESS_LINES
                    ? String.join(", ", lines.subList(i, lines.size())) : lines.get(i);
            a.put("addr" + (i + 1), line);
        }
        putIfPresent(a, "city", address.city());
        putIfPresent(a, "state", state(address));
        putIfPresent(a, "zip", address.postalCode());
        a.set("country", ref(address.country()));
        a.put("addressee", party.name() != null ? party.name() : customer.name());
        if (party.contact() != null) {
            putIfPresent(a, "attention", party.contact().name());
            putIfPresent(a, "addrPhone", party.contact().phone());
        }
        return entry;
    }

    /** {@code US-CA} (ISO 3166-2) becomes {@code CA}; free-form regions pass unchanged. */
    private static @Nullable String state(Address address) {
        String region = address.region();
        String prefix = address.country() + "-";
        return region != null && region.startsWith(prefix) && region.length() > prefix.length()
                ? region.substring(prefix.length()) : region;
    }

    private static ObjectNode ref(String id) {
        return Json.mapper().createObjectNode().put("id", id);
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "CustomerToNetSuiteMapper[subsidiary=" + subsidiaryId + "]";
    }
}
