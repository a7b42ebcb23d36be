package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default outbound mapping of a canonical {@link Customer} to a Salesforce Account upsert keyed by the
 * canonical id in a configurable External ID field: {@code Name}, {@code Phone}, {@code Website},
 * {@code ParentId} (the parent's Account Id from the cross-reference), and the Billing* / Shipping* component
 * fields of the primary bill-to / ship-to party (street lines joined with new lines; with State &amp; Country
 * picklists the ISO codes go to {@code *StateCode} / {@code *CountryCode}, otherwise to {@code *State} /
 * {@code *Country}). Fields the customer does not have are left out, not cleared. Fields are always written in
 * the same order, so the same customer gives the same request body. Add custom fields with
 * {@link Mapper#andThen}. Immutable and thread-safe.
 */
public final class CustomerToAccountMapper implements Mapper<Customer, SObjectUpsert> {

    /** The cross-reference entity type of customers. */
    public static final String ENTITY_TYPE = "customer";
    /** The code of the failure when the parent account is not in Salesforce yet. */
    public static final String DEPENDENCY_PENDING = "DEPENDENCY_PENDING";

    private final String externalIdField;
    private final boolean statePicklists;
    private final boolean multiCurrency;

    private CustomerToAccountMapper(Builder b) {
        this.externalIdField = b.externalIdField;
        this.statePicklists = b.statePicklists;
        this.multiCurrency = b.multiCurrency;
    }

    /** The defaults: {@code SyncKit_Id__c}, State &amp; Country picklists on, no {@code CurrencyIsoCode}. */
    public static CustomerToAccountMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws TransientException with code {@link #DEPENDENCY_PENDING} (field {@code ParentId}) when the parent
     *     is not in Salesforce yet according to the cross-reference; a retry after it was written succeeds
     */
    @Override
    public SObjectUpsert map(Customer customer, MappingContext context) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(context, "context");
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("Name", customer.name());
        put(f, "Phone", customer.phone());
        put(f, "Website", customer.website());
        String parentId = customer.parentId();
        if (parentId != null) {
            f.put("ParentId", context.systemId(ENTITY_TYPE, parentId, SourceSystem.SALESFORCE).orElseThrow(() ->
                    new TransientException("parent customer " + parentId + " of customer " + customer.id()
                            + " is not in Salesforce yet; retry after it was written",
                            ErrorDetails.of(SourceSystem.SALESFORCE).withPlatformCode(DEPENDENCY_PENDING)
                                    .withRecordId(customer.id()).withField("ParentId"))));
        }
        address(f, "Billing", customer.primaryBillTo());
        address(f, "Shipping", customer.primaryShipTo());
        if (multiCurrency && customer.currency() != null) {
            f.put("CurrencyIsoCode", customer.currency().getCurrencyCode());
        }
        return new SObjectUpsert("Account", externalIdField, customer.id(), f);
    }

    private void address(ObjectNode f, String prefix, Optional<Party> party) {
        if (party.isEmpty()) {
            return;
        }
        Address a = party.get().address();
        if (!a.lines().isEmpty()) {
            f.put(prefix + "Street", String.join("\n", a.lines()));
        }
        put(f, prefix + "City", a.city());
        put(f, prefix + "PostalCode", a.postalCode());
        String region = a.region();
        String countryPrefix = a.country() + "-";
        boolean isoRegion = region != null && region.startsWith(countryPrefix) && region.length() > countryPrefix.length();
        if (statePicklists) {
            f.put(prefix + "CountryCode", a.country());
            if (isoRegion) {
                f.put(prefix + "StateCode", region.substring(countryPrefix.length()));
            } else {
                put(f, prefix + "State", region);
            }
        } else {
            f.put(prefix + "Country", a.country());
            put(f, prefix + "State", isoRegion ? region.substring(countryPrefix.length()) : region);
        }
    }

    private static void put(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "CustomerToAccountMapper[" + externalIdField + ", statePicklists=" + statePicklists + "]";
    }

    /** Configures a {@link CustomerToAccountMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String externalIdField = SObjectUpsertSink.DEFAULT_EXTERNAL_ID_FIELD;
        private boolean statePicklists = true;
        private boolean multiCurrency;

        private Builder() {
        }

        /** The Account External ID field holding the canonical id; default {@code SyncKit_Id__c}. */
        public Builder externalIdField(String value) {
            Objects.requireNonNull(value, "externalIdField");
            if (value.isBlank() || value.equalsIgnoreCase("Id")) {
                throw new IllegalArgumentException("externalIdField must name an External ID field: " + value);
            }
            this.externalIdField = value;
            return this;
        }

        /** Whether the org has State &amp; Country picklists ({@code *StateCode}, {@code *CountryCode}); default true. */
        public Builder statePicklists(boolean value) {
            this.statePicklists = value;
            return this;
        }

        /** Whether the org has multi-currency on, so that {@code CurrencyIsoCode} exists; default false. */
        public Builder multiCurrency(boolean value) {
            this.multiCurrency = value;
            return this;
        }

        public CustomerToAccountMapper build() {
            return new CustomerToAccountMapper(this);
        }
    }
}
