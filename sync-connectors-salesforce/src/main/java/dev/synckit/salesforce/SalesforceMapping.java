package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.mapping.MappingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Helpers the default mappers share. */
final class SalesforceMapping {

    private SalesforceMapping() {
    }

    static String required(SObjectRecord record, String field) {
        return record.text(field).map(String::strip)
                .orElseThrow(() -> MappingException.field(record.id(), field, "is required"));
    }

    static java.time.Instant lastModified(SObjectRecord record) {
        return record.instant("SystemModstamp")
                .orElseThrow(() -> MappingException.field(record.id(), "SystemModstamp", "is required"));
    }

    static @Nullable String optional(SObjectRecord record, String field) {
        return record.text(field).map(String::strip).orElse(null);
    }

    /** A date field ({@code yyyy-MM-dd}). */
    static Optional<LocalDate> date(SObjectRecord record, String field) {
        Optional<String> text = record.text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get().strip()));
        } catch (DateTimeParseException e) {
            throw MappingException.field(record.id(), field, "is not a date (yyyy-MM-dd): '" + text.get() + "'");
        }
    }

    /** The canonical id of a looked-up record, or null when the lookup is empty. */
    static @Nullable String canonicalId(SObjectRecord record, String field, String entityType, MappingContext context) {
        return record.text(field).map(id -> context.canonicalIdFor(entityType, SourceSystem.SALESFORCE, id.strip()))
                .orElse(null);
    }

    /**
     * Puts the Salesforce Id of a canonical reference into a lookup field; a reference not in Salesforce yet is a
     * transient {@link CustomerToAccountMapper#DEPENDENCY_PENDING} naming the field.
     */
    static void lookup(ObjectNode f, String field, String entityType, @Nullable String canonicalId, String recordId,
            MappingContext context) {
        if (canonicalId == null) {
            return;
        }
        f.put(field, context.systemId(entityType, canonicalId, SourceSystem.SALESFORCE).orElseThrow(() ->
                new TransientException(entityType + " " + canonicalId + " referenced by " + recordId
                        + " is not in Salesforce yet; retry after it was written",
                        ErrorDetails.of(SourceSystem.SALESFORCE)
                                .withPlatformCode(CustomerToAccountMapper.DEPENDENCY_PENDING)
                                .withRecordId(recordId).withField(field))));
    }

    static void put(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static String name(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String externalIdField(String value) {
        name(value, "externalIdField");
        if (value.equalsIgnoreCase("Id")) {
            throw new IllegalArgumentException("externalIdField must name an External ID field: " + value);
        }
        return value;
    }
}
