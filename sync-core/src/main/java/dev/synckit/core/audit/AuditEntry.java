package dev.synckit.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One audited action: a write to a platform, a suppressed write, a replay or skip of a dead letter.
 * Immutable and thread-safe.
 *
 * @param at when
 * @param action {@code WRITE}, {@code UNCHANGED}, {@code REPLAY}, {@code SKIP} ...
 * @param route the route (or operator console) that acted
 * @param system the platform written to, if any
 * @param recordId the record: the target's id after a write, the canonical id otherwise
 * @param eventId the event that caused it
 * @param correlationId the business flow it belongs to
 * @param beforeHash the content hash the target held before, if known
 * @param afterHash the content hash after
 * @param actor who: an engine instance or an operator
 * @param detail free text (never a secret, never a whole payload)
 */
public record AuditEntry(Instant at, String action, String route, @Nullable String system, String recordId,
        @Nullable UUID eventId, @Nullable String correlationId, @Nullable String beforeHash, @Nullable String afterHash,
        String actor, @Nullable String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(actor, "actor");
    }
}
