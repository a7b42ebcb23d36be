package dev.synckit.salesforce;

import dev.synckit.canonical.Address;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.CustomerStatus;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Party;
import dev.synckit.canonical.PartyRole;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.code.Countries;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default inbound mapping of a Salesforce Account to a canonical {@link Customer}: the hierarchy through
 * {@code ParentId}, the Billing* and Shipping* address sets as bill-to and ship-to parties, phone, web site,
 * and the Account's Id as external reference. Field names can be changed with the builder (custom fields);
 * anything else is added with {@link Mapper#andThen}. Stateless and thread-safe.
 */
public final class AccountToCustomerMapper implements Mapper<SObjectRecord, Customer> {

    /** The canonical entity type of customers, as used for cross-references. */
    public static final String ENTITY_TYPE = "customer";

    private final String nameField;
    private final String parentField;
    private final String phoneField;
    private final String websiteField;
    private final String billingPrefix;
    private final String shippingPrefix;

    private AccountToCustomerMapper(Builder b) {
        this.nameField = b.nameField;
        this.parentField = b.parentField;
        this.phoneField = b.phoneField;
        this.websiteField = b.websiteField;
        this.billingPrefix = b.billingPrefix;
        this.shippingPrefix = b.shippingPrefix;
    }

    /** The mapper for the standard Account fields. */
    public static AccountToCustomerMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Customer map(SObjectRecord account, MappingContext context) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(context, "context");
        String id = account.id();
        String name = account.text(nameField)
                .orElseThrow(() -> MappingException.field(id, nameField, "is required"));
        Customer.Builder b = Customer.builder()
                .id(context.canonicalIdFor(ENTITY_TYPE, SourceSystem.SALESFORCE, id))
                .name(name.strip())
                .status(CustomerStatus.ACTIVE)
                .sourceSystem(SourceSystem.SALESFORCE)
                .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, account.type(), id))
                .lastModified(account.instant("SystemModstamp")
                        .orElseThrow(() -> MappingException.field(id, "SystemModstamp", "is required")));
        account.text(parentField)
                .ifPresent(p -> b.parentId(context.canonicalIdFor(ENTITY_TYPE, SourceSystem.SALESFORCE, p)));
        account.text(phoneField).map(String::strip).ifPresent(b::phone);
        account.text(websiteField).map(String::strip).ifPresent(b::website);
        address(account, billingPrefix).ifPresent(a -> b.addBillTo(new Party(PartyRole.BILL_TO, null, a, null, null, true)));
        address(account, shippingPrefix).ifPresent(a -> b.addShipTo(new Party(PartyRole.SHIP_TO, null, a, null, null, true)));
        return b.build();
    }

    /** The address of one field set, or empty when every component is empty. */
    private static Optional<Address> address(SObjectRecord account, String prefix) {
        String id = account.id();
        List<String> lines = account.text(prefix + "Street")
                .map(s -> Arrays.stream(s.split("\\r?\\n")).map(String::strip).filter(l -> !l.isEmpty()).toList())
                .orElse(List.of());
        String city = field(account, prefix + "City");
        String state = field(account, prefix + "State");
        String stateCode = field(account, prefix + "StateCode");
        String postalCode = field(account, prefix + "PostalCode");
        String countryName = field(account, prefix + "Country");
        String countryCode = field(account, prefix + "CountryCode");
        if (lines.isEmpty() && city == null && state == null && stateCode == null && postalCode == null
                && countryName == null && countryCode == null) {
            return Optional.empty();
        }
        String country;
        if (countryCode != null) {
            country = Countries.normalise(countryCode).orElseThrow(() -> MappingException.field(id,
                    prefix + "CountryCode", "is not an ISO 3166-1 country code: '" + countryCode + "'"));
        } else if (countryName != null) {
            country = Countries.normalise(countryName).orElseThrow(() -> MappingException.field(id,
                    prefix + "Country", "is not a recognised country: '" + countryName + "'"));
        } else {
            throw MappingException.field(id, prefix + "Country", "is required when the address has other parts");
        }
        String region = stateCode != null ? country + "-" + stateCode : state;
        return Optional.of(new Address(lines, city, region, postalCode, country));
    }

    /** A text field if the record has it; fields an org does not have (StateCode) are simply absent. */
    private static @Nullable String field(SObjectRecord account, String name) {
        return account.text(name).map(String::strip).orElse(null);
    }

    @Override
    public String toString() {
        return "AccountToCustomerMapper[name=" + nameField + ", billing=" + billingPrefix + "*, shipping="
                + shippingPrefix + "*]";
    }

    /** Configures an {@link AccountToCustomerMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String nameField = "Name";
        private String parentField = "ParentId";
        private String phoneField = "Phone";
        private String websiteField = "Website";
        private String billingPrefix = "Billing";
        private String shippingPrefix = "Shipping";

        private Builder() {
        }

        /** The field holding the customer name; default {@code Name}. */
        public Builder nameField(String value) {
            this.nameField = Objects.requireNonNull(value, "nameField");
            return this;
        }

        /** The lookup to the parent account; default {@code ParentId}. */
        public Builder parentField(String value) {
            this.parentField = Objects.requireNonNull(value, "parentField");
            return this;
        }

        public Builder phoneField(String value) {
            this.phoneField = Objects.requireNonNull(value, "phoneField");
            return this;
        }

        public Builder websiteField(String value) {
            this.websiteField = Objects.requireNonNull(value, "websiteField");
            return this;
        }

        /**
         * The prefix of the bill-to address set: {@code <prefix>Street}, {@code City}, {@code State},
         * {@code StateCode}, {@code PostalCode}, {@code Country}, {@code CountryCode}; default {@code Billing}.
         */
        public Builder billingPrefix(String value) {
            this.billingPrefix = Objects.requireNonNull(value, "billingPrefix");
            return this;
        }

        /** The prefix of the ship-to address set; default {@code Shipping}. */
        public Builder shippingPrefix(String value) {
            this.shippingPrefix = Objects.requireNonNull(value, "shippingPrefix");
            return this;
        }

        public AccountToCustomerMapper build() {
            return new AccountToCustomerMapper(this);
        }
    }
}
