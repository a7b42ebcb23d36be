package dev.synckit.salesforce;

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

    private final ContactFields fields;

    private ContactRecordMapper(ContactFields fields) {
        this.fields = java.util.Objects.requireNonNull(fields, "fields");
    }

    /** The mapper on the standard Contact fields. */
    public static ContactRecordMapper create() {
        return create(ContactFields.defaults());
    }

    /** The mapper on an org's field names. */
    public static ContactRecordMapper create(ContactFields fields) {
        return new ContactRecordMapper(fields);
    }

    @Override
    public Contact map(SObjectRecord contact, MappingContext context) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(context, "context");
        return Contact.builder()
                .id(context.canonicalIdFor(ENTITY_TYPE, SourceSystem.SALESFORCE, contact.id()))
                .customerId(SalesforceMapping.canonicalId(contact, fields.account(), AccountToCustomerMapper.ENTITY_TYPE,
                        context))
                .firstName(optional(contact, fields.firstName()))
                .lastName(SalesforceMapping.required(contact, fields.lastName()))
                .email(optional(contact, fields.email()))
                .phone(optional(contact, fields.phone()))
                .title(optional(contact, fields.title()))
                .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, contact.type(), contact.id()))
                .lastModified(SalesforceMapping.lastModified(contact))
                .sourceSystem(SourceSystem.SALESFORCE)
                .build();
    }

    @Override
    public String toString() {
        return "ContactRecordMapper[" + fields + "]";
    }
}
