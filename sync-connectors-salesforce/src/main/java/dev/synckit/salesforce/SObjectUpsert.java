package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;

/**
 * One record to upsert by external id: the sObject type, the External ID field that keys it, that field's
 * value, and the other fields to set (in the order they are sent, so the same record always gives the same
 * request body). A JSON {@code null} clears a field; a field left out is left alone. Immutable and thread-safe:
 * {@link #fields()} returns a copy. {@code toString()} names the record, never its field values.
 *
 * @param type the sObject type, e.g. {@code Account}
 * @param externalIdField the External ID field, e.g. {@code SyncKit_Id__c}
 * @param externalId the record's value of that field; the same value always addresses the same record, so a
 *     repeated write cannot create a second one
 * @param fields the fields to write, without {@code Id}, {@code attributes} or the external id field itself
 */
public record SObjectUpsert(String type, String externalIdField, String externalId, ObjectNode fields) {

    public SObjectUpsert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(externalIdField, "externalIdField");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(fields, "fields");
        if (type.isBlank() || externalIdField.isBlank() || externalId.isBlank()) {
            throw new IllegalArgumentException("type, externalIdField and externalId must not be blank");
        }
        if (externalIdField.equalsIgnoreCase("Id")) {
            throw new IllegalArgumentException("upserts are keyed by an External ID field, not Id");
        }
        fields = fields.deepCopy();
        for (Iterator<String> names = fields.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("attributes") || name.equalsIgnoreCase("Id") || name.equalsIgnoreCase(externalIdField)) {
                throw new IllegalArgumentException("fields must not hold " + name + " (it is set from the key)");
            }
            JsonNode value = fields.get(name);
            if (value.isContainerNode()) {
                throw new IllegalArgumentException("field " + name + " must be a scalar or null, not " + value.getNodeType());
            }
        }
    }

    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    /** The value of one field, if set (JSON {@code null} included). */
    public java.util.Optional<JsonNode> field(String name) {
        return java.util.Optional.ofNullable(fields.get(name));
    }

    @Override
    public String toString() {
        return "SObjectUpsert[" + type + " " + externalIdField + "=" + externalId + ", " + fields.size() + " fields]";
    }
}
