package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One NetSuite record to write: its type, its external id (the upsert key) and its REST body. The body is
 * copied in and out, so an instance is immutable and thread-safe.
 *
 * @param type the REST record type, e.g. {@code customer}
 * @param externalId the external id, {@code [A-Za-z0-9_-]} only (see {@link ExternalIds})
 * @param body the record body as SuiteTalk REST expects it; never carries {@code id}
 */
public record NetSuiteRecord(String type, String externalId, ObjectNode body) {

    public NetSuiteRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(externalId, "externalId");
        body = Objects.requireNonNull(body, "body").deepCopy();
    }

    /** A copy of the body: changing it does not change this record. */
    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }
}
