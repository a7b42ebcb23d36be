package dev.synckit.core.journal;

import dev.synckit.core.Envelope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something that could not be processed, kept for an operator: either a journaled envelope whose
 * delivery failed for good, or a record that could not even be read, mapped or decoded (then only its
 * raw text is known). Immutable and thread-safe.
 *
 * @param id the dead letter's id, unique in its journal
 * @param route the route (destination or source id) it belongs to
 * @param recordId the record at fault: the source record id, or the envelope's business key
 * @param envelope the envelope, when the failure happened after journaling and it could be decoded
 * @param raw the raw record or payload text, when there is no decodable envelope
 * @param attempts how many times it was tried
 * @param failure why it is here
 * @param status what became of it
 * @param replays how many times it was replayed
 * @param createdAt when it became a dead letter
 */
public record DeadLetter(long id, String route, String recordId, @Nullable Envelope envelope, @Nullable String raw,
        int attempts, FailureRecord failure, DeadLetterStatus status, int replays, Instant createdAt) {
    public DeadLetter {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (envelope == null && raw == null) {
            throw new IllegalArgumentException("a dead letter needs an envelope or the raw record");
        }
    }

    public Optional<Envelope> envelopeOptional() {
        return Optional.ofNullable(envelope);
    }

    public Optional<String> rawOptional() {
        return Optional.ofNullable(raw);
    }

    DeadLetter withStatus(DeadLetterStatus value, int replayCount) {
        return new DeadLetter(id, route, recordId, envelope, raw, attempts, failure, value, replayCount, createdAt);
    }
}
