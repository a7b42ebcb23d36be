package dev.synckit.core.journal;

import dev.synckit.core.Envelope;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something that could not be processed, kept for an operator: either a journaled envelope whose
 * delivery failed for good, or a source record that could not even be read or mapped (then only its
 * raw text is known). Immutable and thread-safe.
 *
 * @param id the dead letter's id, unique in its journal
 * @param route the route (destination or source id) it belongs to
 * @param recordId the record at fault: the source record id, or the envelope's business key
 * @param envelope the envelope, when the failure happened after journaling
 * @param raw the raw source record, when the failure happened before journaling
 * @param attempts how many times it was tried
 * @param failure why it is here
 */
public record DeadLetter(long id, String route, String recordId, @Nullable Envelope envelope, @Nullable String raw,
        int attempts, FailureRecord failure) {
    public DeadLetter {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(failure, "failure");
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
}
