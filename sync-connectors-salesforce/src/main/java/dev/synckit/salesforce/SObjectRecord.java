package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One sObject row as a query returned it: its type, Id and fields (without the {@code attributes} block).
 * The typed getters treat a missing field and JSON {@code null} alike as empty, and throw a
 * {@link MappingException} naming the record and field when a value has the wrong JSON type or format.
 * Immutable and thread-safe: {@link #fields()} returns a copy.
 *
 * @param type the sObject type, e.g. {@code Account}
 * @param id the 18-character record Id
 * @param fields the selected fields by API name (nested objects for relationship fields)
 */
public record SObjectRecord(String type, String id, ObjectNode fields) {

    public SObjectRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        fields = Objects.requireNonNull(fields, "fields").deepCopy();
        fields.remove("attributes");
    }

    /**
     * Reads a row of a query result.
     *
     * @param row the JSON object Salesforce returned
     * @param defaultType the type to assume when the row has no {@code attributes.type}
     * @throws MappingException naming {@code Id} when the row is not an object or has no textual Id
     */
    public static SObjectRecord from(JsonNode row, String defaultType) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(defaultType, "defaultType");
        if (!row.isObject()) {
            throw MappingException.field("?", "Id", "the row is a JSON " + kind(row) + ", not an object");
        }
        JsonNode id = row.path("Id");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw MappingException.field("?", "Id", id.isMissingNode() || id.isNull() ? "is missing"
                    : "expected a JSON string but was " + kind(id));
        }
        String type = row.path("attributes").path("type").asText(defaultType);
        return new SObjectRecord(type.isBlank() ? defaultType : type, id.asText(), (ObjectNode) row);
    }

    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /** Whether the field was selected and is not null. */
    public boolean has(String field) {
        JsonNode v = fields.get(field);
        return v != null && !v.isNull();
    }

    /** A text field (picklists, Ids and dates included); blank text counts as empty. */
    public Optional<String> text(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a JSON string", v);
        }
        return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    /** A datetime field in Salesforce's wire format (or the ISO {@code Z} / {@code +00:00} variants). */
    public Optional<Instant> instant(String field) {
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SalesforceDateTimes.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw MappingException.field(id, field, "is not a datetime: '" + abbreviate(text.get()) + "'");
        }
    }

    /** A number, currency or percent field. */
    public Optional<BigDecimal> decimal(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isNumber()) {
            throw wrongType(field, "a JSON number", v);
        }
        return Optional.of(v.decimalValue());
    }

    /** A checkbox field. */
    public Optional<Boolean> bool(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "a JSON boolean", v);
        }
        return Optional.of(v.booleanValue());
    }

    /** The record as JSON text, for dead letters and logs of non-secret data. */
    public String toJson() {
        return Json.write(fields);
    }

    @Override
    public String toString() {
        return type + "[" + id + "]";
    }

    private @Nullable JsonNode value(String field) {
        Objects.requireNonNull(field, "field");
        JsonNode v = fields.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private MappingException wrongType(String field, String expected, JsonNode actual) {
        return MappingException.field(id, field, "expected " + expected + " but was " + kind(actual));
    }

    static String kind(JsonNode node) {
        JsonNodeType t = node.getNodeType();
        return t == JsonNodeType.POJO ? "object" : t.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
