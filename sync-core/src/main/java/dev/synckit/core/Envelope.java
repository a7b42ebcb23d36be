package dev.synckit.core;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.BusinessEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every change travels as an envelope: the event plus what the engine needs to route, order,
 * de-duplicate and trace it. Immutable and thread-safe.
 *
 * @param eventId unique id of this event; appending the same id twice has no second effect
 * @param type the event type, e.g. {@code CustomerRegistered}
 * @param schemaVersion the payload's schema version when it was written
 * @param sourceSystem the platform the change was read from
 * @param businessKey the ordering key: entries with one key are processed one at a time, in order
 * @param correlationId ties together every event and request of one business flow
 * @param causationId the event that caused this one, if any
 * @param occurredAt when the change happened at the source
 * @param payload the canonical business event
 */
public record Envelope(
        UUID eventId,
        String type,
        int schemaVersion,
        SourceSystem sourceSystem,
        String businessKey,
        String correlationId,
        @Nullable UUID causationId,
        Instant occurredAt,
        BusinessEvent payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        if (businessKey.isBlank()) {
            throw new IllegalArgumentException("businessKey must not be blank");
        }
        if (!type.equals(payload.eventType())) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + payload.eventType());
        }
    }

    /**
     * An envelope for a freshly read change. The event id is derived from the source and
     * {@code changeKey} (record type, record id and version of the change) only, not from how the
     * change was classified, so reading the same change twice (even after the cross-reference learnt
     * the record) yields the same id and the journal keeps it once.
     */
    public static Envelope forChange(BusinessEvent payload, SourceSystem source, String changeKey,
            String correlationId, Instant occurredAt) {
        return new Envelope(deriveId(source.id() + '|' + changeKey),
                payload.eventType(), payload.schemaVersion(), source, payload.businessKey(),
                correlationId, null, occurredAt, payload);
    }

    /** An envelope caused by this one: same correlation id, causation = this event. */
    public Envelope caused(BusinessEvent next, SourceSystem source, Instant at) {
        return new Envelope(deriveId(eventId + "|" + next.eventType() + '|' + next.businessKey()),
                next.eventType(), next.schemaVersion(), source, next.businessKey(), correlationId,
                eventId, at, next);
    }

    /** A name-based (type 3) UUID of the text: stable across processes and restarts. */
    public static UUID deriveId(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<UUID> causation() {
        return Optional.ofNullable(causationId);
    }

    @Override
    public String toString() {
        return "Envelope[" + type + " v" + schemaVersion + " id=" + eventId + " key=" + businessKey
                + " source=" + sourceSystem.id() + " correlation=" + correlationId + "]";
    }
}
