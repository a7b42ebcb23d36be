package dev.synckit.core.store;

import java.util.Objects;
import java.util.UUID;

/**
 * The key of one effect: an event applied to one target by one operation. Recording it after the
 * effect lets a duplicate delivery be recognised and skipped. Immutable and thread-safe.
 *
 * @param eventId the event that caused the effect
 * @param target the route or target that applied it, e.g. {@code netsuite-customers}
 * @param operation the operation, e.g. {@code upsert}
 */
public record IdempotencyKey(UUID eventId, String target, String operation) {
    public IdempotencyKey {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(operation, "operation");
    }
}
