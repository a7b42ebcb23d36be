package dev.synckit.salesforce;

import static dev.synckit.salesforce.SalesforceMapping.name;
import static dev.synckit.salesforce.SalesforceMapping.put;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Contact;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;

/**
 * The default outbound mapping of a canonical {@link Contact} to a Salesforce Contact upsert keyed by the
 * canonical id in an External ID field (default {@code SyncKit_Id__c}): {@code FirstName}, {@code LastName},
 * {@code Email}, {@code Phone}, {@code Title}, and {@code AccountId} from the cross-reference of the customer (a
 * customer not in Salesforce yet is a transient {@link CustomerToAccountMapper#DEPENDENCY_PENDING} naming
 * {@code AccountId}). Fields the contact does not have are left out, not cleared; always the same order.
 * Immutable and thread-safe.
 */
public final class ContactUpsertMapper implements Mapper<Contact, SObjectUpsert> {

    private final String externalIdField;
    private final String accountField;
    private final String firstNameField;
    private final String lastNameField;
    private final String emailField;
    private final String phoneField;
    private final String titleField;

    private ContactUpsertMapper(Builder b) {
        this.externalIdField = b.externalIdField;
        this.accountField = b.accountField;
        this.firstNameField = b.firstNameField;
        this.lastNameField = b.lastNameField;
        this.emailField = b.emailField;
        this.phoneField = b.phoneField;
        this.titleField = b.titleField;
    }

    public static ContactUpsertMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SObjectUpsert map(Contact contact, MappingContext context) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(context, "context");
        ObjectNode f = Json.mapper().createObjectNode();
        put(f, firstNameField, contact.firstName());
        f.put(lastNameField, contact.lastName());
        put(f, emailField, contact.email());
        put(f, phoneField, contact.phone());
        put(f, titleField, contact.title());
        SalesforceMapping.lookup(f, accountField, AccountToCustomerMapper.ENTITY_TYPE, contact.customerId(),
                contact.id(), context);
        return new SObjectUpsert("Contact", externalIdField, contact.id(), f);
    }

    @Override
    public String toString() {
        return "ContactUpsertMapper[" + externalIdField + "]";
    }

    /** Configures a {@link ContactUpsertMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String externalIdField = SObjectUpsertSink.DEFAULT_EXTERNAL_ID_FIELD;
        private String accountField = "AccountId";
        private String firstNameField = "FirstName";
        private String lastNameField = "LastName";
        private String emailField = "Email";
        private String phoneField = "Phone";
        private String titleField = "Title";

        private Builder() {
        }

        /** The Contact External ID field holding the canonical id; default {@code SyncKit_Id__c}. */
        public Builder externalIdField(String value) {
            this.externalIdField = SalesforceMapping.externalIdField(value);
            return this;
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

        public Builder phoneField(String value) {
            this.phoneField = name(value, "phoneField");
            return this;
        }

        public Builder titleField(String value) {
            this.titleField = name(value, "titleField");
            return this;
        }

        public ContactUpsertMapper build() {
            return new ContactUpsertMapper(this);
        }
    }
}
