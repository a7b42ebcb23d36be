package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One organization or user to write: its external id (the upsert key) and its body as Zendesk expects it
 * ({@code external_id} set to {@link #externalId()}). The body is copied in and out, so an instance is immutable
 * and thread-safe.
 *
 * @param externalId the external id: the canonical id; Zendesk matches it case-insensitively
 * @param body the record body
 */
public record ZendeskRecord(String externalId, ObjectNode body) {

    public ZendeskRecord {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("externalId must not be blank");
        }
        body = Objects.requireNonNull(body, "body").deepCopy();
        body.put("external_id", externalId);
    }

    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }
}
