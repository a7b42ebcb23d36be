package dev.synckit.salesforce;

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
    private final ContactFields fields;

    private ContactUpsertMapper(Builder b) {
        this.externalIdField = b.externalIdField;
        this.fields = b.fields;
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
        put(f, fields.firstName(), contact.firstName());
        f.put(fields.lastName(), contact.lastName());
        put(f, fields.email(), contact.email());
        put(f, fields.phone(), contact.phone());
        put(f, fields.title(), contact.title());
        SalesforceMapping.lookup(f, fields.account(), AccountToCustomerMapper.ENTITY_TYPE, contact.customerId(),
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
        private ContactFields fields = ContactFields.defaults();

        private Builder() {
        }

        /** The Contact External ID field holding the canonical id; default {@code SyncKit_Id__c}. */
        public Builder externalIdField(String value) {
            this.externalIdField = SalesforceMapping.externalIdField(value);
            return this;
        }

        /** The org's Contact field names (shared with {@link ContactRecordMapper}); default: the standard ones. */
        public Builder fields(ContactFields value) {
            this.fields = Objects.requireNonNull(value, "fields");
            return this;
        }

        public ContactUpsertMapper build() {
            return new ContactUpsertMapper(this);
        }
    }
}
