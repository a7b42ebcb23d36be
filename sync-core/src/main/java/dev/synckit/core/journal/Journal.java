package dev.synckit.core.journal;

import dev.synckit.core.Envelope;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.time.Instant;

/**
 * The durable queue between reading and writing. Implementations must be thread-safe and guarantee:
 * <ul>
 *   <li>append is idempotent on (event id, destination);</li>
 *   <li>a claim hands out at most one entry per business key at a time, in append order, and none
 *       before its next-attempt time; different keys go out in parallel;</li>
 *   <li>an entry whose lease expired can be claimed again, and an acknowledgement made under an old
 *       lease is refused;</li>
 *   <li>memory stays bounded by the claim size, not the backlog (durable implementations).</li>
 * </ul>
 */
public interface Journal {

    /** An in-memory journal for tests and single-process use; it keeps nothing across restarts. */
    static Journal inMemory(Clock clock) {
        return new InMemoryJournal(clock);
    }

    /** Appends every envelope once for each destination. */
    AppendResult append(List<Envelope> envelopes, Collection<String> destinations);

    /**
     * Claims up to {@code max} entries of a destination under a lease.
     *
     * @param owner names the claiming worker (for operators and lease checks)
     */
    List<JournalEntry> claim(String destination, int max, String owner, Duration leaseDuration);

    /**
     * Records outcomes of claimed entries in one go.
     *
     * @return how many acks were refused because their lease was no longer current
     */
    int acknowledge(Collection<Ack> acks);

    /** Records a source record that failed before it could be journaled (unparseable, unmappable). */
    DeadLetter deadLetterRaw(String route, String recordId, String raw, FailureRecord failure);

    /** Entries not yet completed nor dead, for one destination. */
    long backlog(String destination);

    /** The earliest next-attempt time of a pending entry of the destination, if any. */
    Optional<Instant> nextAttemptAt(String destination);

    /** Dead letters of a route (destination or source id), oldest first, at most {@code limit}. */
    List<DeadLetter> deadLetters(String route, int limit);

    /** How many dead letters a route has. */
    long deadLetterCount(String route);
}
