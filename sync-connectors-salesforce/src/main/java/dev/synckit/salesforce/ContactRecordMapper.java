package dev.synckit.salesforce;

import static dev.synckit.salesforce.SalesforceMapping.name;
import static dev.synckit.salesforce.SalesforceMapping.optional;

import dev.synckit.canonical.Contact;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;

/**
 * The default inbound mapping of a Salesforce Contact to a canonical {@link Contact}: canonical id from the
 * cross-reference ({@value #ENTITY_TYPE}), {@code AccountId} → {@code customerId} (entity
 * {@value AccountToCustomerMapper#ENTITY_TYPE}), {@code FirstName}, {@code LastName} (required), {@code Email},
 * {@code Phone}, {@code Title}, external ref {@code (salesforce, Contact, Id)}, {@code lastModified =
 * SystemModstamp}. Field names are configurable; add more with {@link Mapper#andThen}. Stateless, thread-safe.
 */
public final class ContactRecordMapper implements Mapper<SObjectRecord, Contact> {

    /** The cross-reference entity type of contacts. */
    public static final String ENTITY_TYPE = "contact";

    private final String accountField;
    private final String firstNameField;
    private final String lastNameField;
    private final String emailField;
    private final String phoneField;
    private final String titleField;

    private ContactRecordMapper(Builder b) {
        this.accountField = b.accountField;
        this.firstNameField = b.firstNameField;
        this.lastNameField = b.lastNameField;
        this.emailField = b.emailField;
        this.phoneField = b.phoneField;
        this.titleField = b.titleField;
    }

    public static ContactRecordMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Contact map(SObjectRecord contact, MappingContext context) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(context, "context");
        return Contact.builder()
                .id(context.canonicalIdFor(ENTITY_TYPE, SourceSystem.SALESFORCE, contact.id()))
                .customerId(SalesforceMapping.canonicalId(contact, accountField, AccountToCustomerMapper.ENTITY_TYPE,
                        context))
                .firstName(optional(contact, firstNameField))
                .lastName(SalesforceMapping.required(contact, lastNameField))
                .email(optional(contact, emailField))
                .phone(optional(contact, phoneField))
                .title(optional(contact, titleField))
                .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, contact.type(), contact.id()))
                .lastModified(SalesforceMapping.lastModified(contact))
                .sourceSystem(SourceSystem.SALESFORCE)
                .build();
    }

    @Override
    public String toString() {
        return "ContactRecordMapper[lastName=" + lastNameField + ", account=" + accountField + "]";
    }

    /** Configures a {@link ContactRecordMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String accountField = "AccountId";
        private String firstNameField = "FirstName";
        private String lastNameField = "LastName";
        private String emailField = "Email";
        private String phoneField = "Phone";
        private String titleField = "Title";

        private Builder() {
        }

        public Builder accountField(String value) {
            this.accountField = name(value, "accountField");
            return this;
        }

        public Builder firstNameField(String value) {
            this.firstNameField = name(value, "firstNameField");
            return this;
        }

        public Builder lastNameField(String value) {
            this.lastNameField = name(value, "lastNameField");
            return this;
        }

        public Builder emailField(String value) {
            this.emailField = name(value, "emailField");
            return this;
        }

        /** Default {@code Phone}; {@code MobilePhone} is the usual alternative. */
        public Builder phoneField(String value) {
            this.phoneField = name(value, "phoneField");
            return this;
        }

        public Builder titleField(String value) {
            this.titleField = name(value, "titleField");
            return this;
        }

        public ContactRecordMapper build() {
            return new ContactRecordMapper(this);
        }
    }
}
