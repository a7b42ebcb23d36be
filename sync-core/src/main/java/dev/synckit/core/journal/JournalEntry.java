package dev.synckit.core.journal;

import dev.synckit.core.Envelope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of one envelope to one destination (a route), as the journal holds it. A snapshot:
 * immutable and thread-safe.
 *
 * @param sequence the journal's append order; entries of one business key are delivered in this order
 * @param destination the route that receives it
 * @param envelope the event
 * @param attempts how many times it was handed out
 * @param nextAttemptAt not to be handed out before this time
 * @param state its state
 * @param lease the current lease while {@link EntryState#IN_FLIGHT}
 * @param lastFailure the last failure, if any
 */
public record JournalEntry(long sequence, String destination, Envelope envelope, int attempts,
        Instant nextAttemptAt, EntryState state, @Nullable Lease lease, @Nullable FailureRecord lastFailure) {
    public JournalEntry {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(state, "state");
    }

    public Optional<Lease> currentLease() {
        return Optional.ofNullable(lease);
    }

    public Optional<FailureRecord> failure() {
        return Optional.ofNullable(lastFailure);
    }
}
