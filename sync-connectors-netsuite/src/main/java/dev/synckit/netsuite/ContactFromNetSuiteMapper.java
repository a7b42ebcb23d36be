package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.Contact;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The default inbound mapping of a NetSuite {@code contact} to a canonical {@link Contact}, the reverse of
 * {@link ContactToNetSuiteMapper}: id = {@code canonicalIdFor("contact", NETSUITE, id)}, {@code firstName},
 * {@code lastName} (required), {@code email}, {@code phone}, {@code title}, {@code company} → customerId via
 * {@code canonicalIdFor("customer", NETSUITE, company)}, {@code lastModifiedDate} → lastModified (the mapping time
 * when absent), the NetSuite id as external reference. Reads record JSON or, through {@link #forSuiteQlRows}, a
 * SuiteQL row. Stateless and thread-safe.
 */
public final class ContactFromNetSuiteMapper implements Mapper<JsonNode, Contact> {

    /** The SuiteQL columns {@link #forSuiteQlRows} reads (select them, plus {@code id} and a modified time). */
    public static final List<String> SUITEQL_COLUMNS = List.of("firstName", "lastName", "email", "phone", "title",
            "company");

    /** A mapper of SuiteQL rows; the modified time is read as in {@link CustomerFromNetSuiteMapper#forSuiteQlRows}. */
    public static Mapper<SuiteQlRow, Contact> forSuiteQlRows(ZoneId accountZone) {
        Objects.requireNonNull(accountZone, "accountZone");
        ContactFromNetSuiteMapper json = new ContactFromNetSuiteMapper();
        String[] columns = SUITEQL_COLUMNS.toArray(String[]::new);
        return (row, context) -> json.map(NetSuiteFields.fromRow(row, accountZone, columns), context);
    }

    /**
     * {@inheritDoc}
     *
     * @throws MappingException naming the field when {@code id} or {@code lastName} is missing
     */
    @Override
    public Contact map(JsonNode contact, MappingContext context) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(context, "context");
        String nsId = NetSuiteFields.requireText(contact, "id", "contact");
        Contact.Builder b = Contact.builder()
                .id(context.canonicalIdFor(ContactToNetSuiteMapper.RECORD_TYPE, SourceSystem.NETSUITE, nsId))
                .firstName(NetSuiteFields.text(contact, "firstName").orElse(null))
                .lastName(NetSuiteFields.requireText(contact, "lastName", nsId))
                .email(NetSuiteFields.text(contact, "email").orElse(null))
                .phone(NetSuiteFields.text(contact, "phone").orElse(null))
                .title(NetSuiteFields.text(contact, "title").orElse(null))
                .externalRefs(List.of(new ExternalRef(SourceSystem.NETSUITE, ContactToNetSuiteMapper.RECORD_TYPE,
                        nsId)))
                .lastModified(NetSuiteFields.lastModified(contact, context, nsId))
                .sourceSystem(SourceSystem.NETSUITE);
        NetSuiteFields.text(contact, "company").ifPresent(c -> b.customerId(
                context.canonicalIdFor(CustomerToNetSuiteMapper.RECORD_TYPE, SourceSystem.NETSUITE, c)));
        try {
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MappingException(String.valueOf(e.getMessage()), ErrorDetails.of(SourceSystem.NETSUITE)
                    .withPlatformCode(MappingException.CODE).withRecordId(nsId),
                    List.of(new MappingException.FieldError("contact", String.valueOf(e.getMessage()))), e);
        }
    }

    @Override
    public String toString() {
        return "ContactFromNetSuiteMapper";
    }
}
