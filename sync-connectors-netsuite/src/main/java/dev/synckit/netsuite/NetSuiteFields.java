package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading and writing NetSuite REST JSON in the default mappers. Stateless; package-private. */
final class NetSuiteFields {

    private NetSuiteFields() {
    }

    static ObjectNode ref(String id) {
        return Json.mapper().createObjectNode().put("id", id);
    }

    static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static Optional<String> platformCode(MappingContext context, String table, String canonicalCode) {
        return context.codeTable(table).flatMap((CodeTable t) -> t.platform(canonicalCode));
    }

    static Optional<String> canonicalCode(MappingContext context, String table, String platformCode) {
        return context.codeTable(table).flatMap((CodeTable t) -> t.canonical(platformCode));
    }

    /** The NetSuite internal id of a canonical record, or a transient {@code DEPENDENCY_PENDING} failure. */
    static String dependency(MappingContext context, String entityType, String canonicalId, String recordId,
            String field) {
        return context.systemId(entityType, canonicalId, SourceSystem.NETSUITE).orElseThrow(() ->
                new TransientException(entityType + " " + canonicalId + " of " + recordId
                        + " is not in NetSuite yet; retry after it was written",
                        ErrorDetails.of(SourceSystem.NETSUITE)
                                .withPlatformCode(CustomerToNetSuiteMapper.DEPENDENCY_PENDING)
                                .withRecordId(recordId).withField(field)));
    }

    /** A field's text: a plain value, or the {@code id} of a reference or enum object; empty when absent. */
    static Optional<String> text(JsonNode record, String field) {
        JsonNode v = record.path(field);
        if (v.isObject()) {
            v = v.path("id");
        }
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    static String requireText(JsonNode record, String field, String recordId) {
        return text(record, field).orElseThrow(() -> MappingException.field(recordId, field, "is missing"));
    }

    static Optional<BigDecimal> decimal(JsonNode record, String field, String recordId) {
        JsonNode v = record.path(field);
        if (v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(v.asText().strip()));
        } catch (NumberFormatException e) {
            throw MappingException.field(recordId, field, "is not a number: " + v.asText());
        }
    }

    static Optional<Money> money(JsonNode record, String field, Currency currency, String recordId) {
        return decimal(record, field, recordId).map(a -> Money.of(a, currency));
    }

    static Optional<LocalDate> date(JsonNode record, String field, String recordId) {
        Optional<String> v = text(record, field);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String s = v.get();
        try {
            return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
        } catch (DateTimeParseException e) {
            throw MappingException.field(recordId, field, "is not a date (yyyy-MM-dd): " + s);
        }
    }

    static Instant lastModified(JsonNode record, MappingContext context, String recordId) {
        Optional<String> v = text(record, "lastModifiedDate");
        if (v.isEmpty()) {
            return context.now();
        }
        try {
            return Instant.parse(v.get());
        } catch (DateTimeParseException e) {
            throw MappingException.field(recordId, "lastModifiedDate", "is not an ISO-8601 instant: " + v.get());
        }
    }

    /**
     * The transaction currency: the NetSuite currency id through the code table {@code netsuite.currency}, else the
     * reference's {@code refName} when it is an ISO 4217 code.
     */
    static Currency currency(JsonNode record, MappingContext context, String recordId) {
        JsonNode ref = record.path("currency");
        Optional<String> id = text(record, "currency");
        Optional<String> code = id.flatMap(i -> canonicalCode(context, CustomerToNetSuiteMapper.CURRENCY_TABLE, i));
        if (code.isEmpty() && ref.path("refName").isTextual()) {
            code = Optional.of(ref.path("refName").asText());
        }
        if (code.isEmpty()) {
            throw MappingException.field(recordId, "currency", "is missing or not mapped by the code table "
                    + CustomerToNetSuiteMapper.CURRENCY_TABLE + (id.isPresent() ? " (id " + id.get() + ")" : ""));
        }
        try {
            return Currency.getInstance(code.get().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MappingException.field(recordId, "currency", "is not an ISO 4217 code: " + code.get());
        }
    }

    /** A check box: JSON {@code true}/{@code false} or SuiteQL {@code T}/{@code F}; absent is {@code false}. */
    static boolean bool(JsonNode record, String field, String recordId) {
        JsonNode v = record.path(field);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        Optional<String> t = text(record, field);
        if (t.isEmpty()) {
            return false;
        }
        return switch (t.get().strip().toUpperCase(java.util.Locale.ROOT)) {
            case "T", "TRUE" -> true;
            case "F", "FALSE" -> false;
            default -> throw MappingException.field(recordId, field, "is not a check box value: " + t.get());
        };
    }

    /**
     * A SuiteQL row as record JSON: each listed field (camel case, as the record API names it) from its lower-case
     * column, and {@code lastModifiedDate} as an ISO instant from {@link NetSuiteChangeSource#MODIFIED_COLUMN} or else
     * {@code lastmodifieddate}, either selected as {@code TO_CHAR(…, 'YYYY-MM-DD HH24:MI:SS')} in the account zone.
     */
    static ObjectNode fromRow(SuiteQlRow row, java.time.ZoneId accountZone, String... fields) {
        ObjectNode out = Json.mapper().createObjectNode();
        row.string("id").ifPresent(v -> out.put("id", v));
        for (String f : fields) {
            row.string(f).ifPresent(v -> out.put(f, v));
        }
        String column = row.string(NetSuiteChangeSource.MODIFIED_COLUMN).isPresent()
                ? NetSuiteChangeSource.MODIFIED_COLUMN : "lastmodifieddate";
        row.dateTime(column, accountZone).ifPresent(t -> out.put("lastModifiedDate", t.toInstant().toString()));
        return out;
    }
}
