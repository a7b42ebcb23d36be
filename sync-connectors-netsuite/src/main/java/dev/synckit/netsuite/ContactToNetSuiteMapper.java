package dev.synckit.netsuite;

import static dev.synckit.netsuite.NetSuiteFields.putIfPresent;
import static dev.synckit.netsuite.NetSuiteFields.ref;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Contact;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The default outbound mapping of a canonical {@link Contact} to a NetSuite {@code contact}: first and last name,
 * e-mail, phone, title, the subsidiary of the config and {@code company} = the NetSuite internal id of the
 * contact's customer from the cross-reference. Fields the contact lacks are left out, not cleared. Replace it with
 * any {@code Mapper<Contact, NetSuiteRecord>} or extend it with {@link Mapper#andThen}. Immutable and thread-safe.
 */
public final class ContactToNetSuiteMapper implements Mapper<Contact, NetSuiteRecord> {

    /** The NetSuite record type written. */
    public static final String RECORD_TYPE = "contact";

    private final @Nullable String subsidiaryId;

    private ContactToNetSuiteMapper(@Nullable String subsidiaryId) {
        this.subsidiaryId = subsidiaryId;
    }

    /** A mapper that sets the subsidiary of the config, if it has one. */
    public static ContactToNetSuiteMapper from(NetSuiteConfig config) {
        Objects.requireNonNull(config, "config");
        return new ContactToNetSuiteMapper(config.subsidiaryId().orElse(null));
    }

    /**
     * {@inheritDoc}
     *
     * @throws TransientException with code {@link CustomerToNetSuiteMapper#DEPENDENCY_PENDING} (field
     *     {@code company}) when the contact's customer is not in NetSuite yet; a retry after it was written succeeds
     */
    @Override
    public NetSuiteRecord map(Contact contact, MappingContext context) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(context, "context");
        String externalId = ExternalIds.fromCanonicalId(contact.id());
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("externalId", externalId);
        putIfPresent(body, "firstName", contact.firstName());
        body.put("lastName", contact.lastName());
        putIfPresent(body, "email", contact.email());
        putIfPresent(body, "phone", contact.phone());
        putIfPresent(body, "title", contact.title());
        if (subsidiaryId != null) {
            body.set("subsidiary", ref(subsidiaryId));
        }
        if (contact.customerId() != null) {
            body.set("company", ref(NetSuiteFields.dependency(context, CustomerToNetSuiteMapper.RECORD_TYPE,
                    contact.customerId(), contact.id(), "company")));
        }
        return new NetSuiteRecord(RECORD_TYPE, externalId, body);
    }

    @Override
    public String toString() {
        return "ContactToNetSuiteMapper[subsidiary=" + subsidiaryId + "]";
    }
}
