package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook whose signature, timestamp and invocation were checked. Immutable and thread-safe (the body node is
 * copied in and out).
 *
 * @param invocationId the invocation id (or, when Zendesk sent none, the signature) used for replay protection
 * @param timestamp the signed timestamp
 * @param rawBody the body text exactly as received
 * @param body the parsed body
 */
public record VerifiedWebhook(String invocationId, Instant timestamp, String rawBody, JsonNode body) {
    public VerifiedWebhook {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(rawBody, "rawBody");
        body = Objects.requireNonNull(body, "body").deepCopy();
    }

    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /** The event type, e.g. {@code zen:event-type:ticket.created}, or "" for trigger-style payloads. */
    public String type() {
        return body.path("type").asText("");
    }

    @Override
    public String toString() {
        return "VerifiedWebhook[" + type() + ", invocation=" + invocationId + ", timestamp=" + timestamp + "]";
    }
}
