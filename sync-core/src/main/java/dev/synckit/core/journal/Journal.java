package dev.synckit.core.journal;

import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.core.Envelope;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.store.CheckpointStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The durable queue between reading and writing. Implementations must be thread-safe and guarantee:
 * <ul>
 *   <li>append is idempotent on the event id: an event appended again (re-read after a crash) adds
 *       nothing, even after its deliveries completed;</li>
 *   <li>each destination gets its own delivery of an event, with its own progress, retries and dead
 *       letters;</li>
 *   <li>a claim hands out at most one delivery per (destination, business key) at a time, in append
 *       order, and none before its next-attempt time; different keys go out in parallel;</li>
 *   <li>a delivery whose lease expired can be claimed again, and an acknowledgement made under an
 *       old lease is refused (compare-and-set on the lease token);</li>
 *   <li>claims and acknowledgements are batched, and memory stays bounded by the claim size, not by
 *       the backlog (durable implementations).</li>
 * </ul>
 */
public interface Journal {

    /** An in-memory journal for tests and single-process use; it keeps nothing across restarts. */
    static Journal inMemory(Clock clock) {
        return new InMemoryJournal(clock, 5);
    }

    /** Appends each envelope once, with one delivery per destination of its item. */
    AppendResult append(List<Append> items);

    /** Appends every envelope once for each of the same destinations. */
    default AppendResult append(List<Envelope> envelopes, Collection<String> destinations) {
        Set<String> targets = Set.copyOf(destinations);
        return append(envelopes.stream().map(e -> new Append(e, targets)).toList());
    }

    /**
     * Appends, then saves a source's checkpoint. Durable implementations do both in one transaction
     * when the checkpoint store shares their database; otherwise the append comes first, so a crash in
     * between re-reads the changes rather than skipping them.
     */
    default AppendResult appendAndCheckpoint(List<Append> items, CheckpointStore checkpoints, String sourceId,
            Checkpoint checkpoint) {
        AppendResult result = append(items);
        checkpoints.save(sourceId, checkpoint);
        return result;
    }

    /**
     * Appends, records the page's unreadable records as dead letters, then saves the source's checkpoint.
     * Durable implementations do all three in one transaction when the checkpoint store shares their
     * database, so a page that is read again after a failure neither loses nor repeats its dead letters.
     *
     * @since 0.1
     */
    default AppendResult appendAndCheckpoint(List<Append> items, List<RawDeadLetter> deadLetters,
            CheckpointStore checkpoints, String sourceId, Checkpoint checkpoint) {
        AppendResult result = append(items);
        for (RawDeadLetter d : deadLetters) {
            deadLetterRaw(d.route(), d.recordId(), d.raw(), d.failure());
        }
        checkpoints.save(sourceId, checkpoint);
        return result;
    }

    /**
     * Claims up to {@code max} deliveries of a destination under a lease. A delivery whose payload can
     * no longer be decoded is moved to the dead letters instead of being handed out.
     *
     * @param owner names the claiming worker (for operators and lease checks)
     */
    List<JournalEntry> claim(String destination, int max, String owner, Duration leaseDuration);

    /**
     * Records outcomes of claimed deliveries in one go. A completed delivery also marks the open dead
     * letters of the same destination and record that were appended before it as superseded.
     *
     * @return how many acks were refused because their lease was no longer current
     */
    int acknowledge(Collection<Ack> acks);

    /**
     * A worker's cycle in one call: records the outcomes of the batch it has just delivered, then claims
     * its next batch (of any destination), as {@link #acknowledge} followed by {@link #claim} would. The
     * acks take effect first, so the claim can hand out a delivery that one of them made its key's next.
     * The JDBC journal on PostgreSQL does both in one transaction (one commit per cycle instead of two).
     */
    default AckAndClaim acknowledgeAndClaim(Collection<Ack> acks, String destination, int max, String owner,
            Duration leaseDuration) {
        int refused = acks.isEmpty() ? 0 : acknowledge(acks);
        return new AckAndClaim(refused, claim(destination, max, owner, leaseDuration));
    }

    /** Records a source record that failed before it could be journaled (unparseable, unmappable). */
    DeadLetter deadLetterRaw(String route, String recordId, String raw, FailureRecord failure);

    /** Deliveries not yet completed nor dead, for one destination. */
    long backlog(String destination);

    /** The earliest time a delivery of the destination can be handed out, if any is waiting. */
    Optional<Instant> nextAttemptAt(String destination);

    /** Dead letters matching the query, oldest first. */
    List<DeadLetter> deadLetters(DeadLetterQuery query);

    /** Every dead letter of a route (any status), oldest first, at most {@code limit}. */
    default List<DeadLetter> deadLetters(String route, int limit) {
        return deadLetters(DeadLetterQuery.route(route).withLimit(limit));
    }

    /** How many open dead letters a route has. */
    long deadLetterCount(String route);

    /** One dead letter by id. */
    Optional<DeadLetter> deadLetter(long id);

    /**
     * Sends a dead letter's event again to its route as a new delivery: the same correlation id, the
     * original event as causation, the payload replaced by {@code edited} when given. The dead letter
     * becomes {@link DeadLetterStatus#REPLAYED} and counts the replay.
     *
     * @return the envelope that was appended
     * @throws ReplayRefusedException when the dead letter is not open, has nothing to replay, or has
     *     been replayed as often as the loop guard allows
     */
    Envelope replay(long deadLetterId, @Nullable BusinessEvent edited);

    /** Marks a dead letter {@link DeadLetterStatus#SKIPPED}: an operator decided it needs no delivery. */
    void skip(long deadLetterId);

    /**
     * Retention: forgets event ids appended before {@code cutoff} (after which a re-read of such an
     * old change would be appended again) and removes closed dead letters created before it, in
     * batches. Open dead letters are kept. Returns how many rows were removed.
     */
    int purge(Instant cutoff);
}
