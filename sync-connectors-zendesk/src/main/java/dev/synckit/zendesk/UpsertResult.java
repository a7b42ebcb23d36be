package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a {@code create_or_update} did: 201 created or 200 updated. Immutable and thread-safe (the record is copied).
 *
 * @param id the Zendesk id
 * @param created whether Zendesk created the record (201) rather than updating one (200)
 * @param record the record as Zendesk returned it
 */
public record UpsertResult(long id, boolean created, ObjectNode record) {
    public UpsertResult {
        record = Objects.requireNonNull(record, "record").deepCopy();
    }

    @Override
    public ObjectNode record() {
        return record.deepCopy();
    }
}
