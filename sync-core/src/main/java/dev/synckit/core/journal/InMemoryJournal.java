package dev.synckit.core.journal;

import dev.synckit.core.Envelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The in-memory journal. Thread-safe through one lock: fine for tests and one process, not meant for
 * large backlogs (a claim scans the destination's live entries).
 */
final class InMemoryJournal implements Journal {

    private final Clock clock;
    private final Map<String, Destination> destinations = new HashMap<>();
    private final Map<String, List<DeadLetter>> deadLetters = new HashMap<>();
    private long sequence;
    private long deadLetterIds;

    private static final class Destination {
        final TreeMap<Long, JournalEntry> live = new TreeMap<>();
        final Set<UUID> eventIds = new HashSet<>();
    }

    InMemoryJournal(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized AppendResult append(List<Envelope> envelopes, Collection<String> targets) {
        int appended = 0;
        int duplicates = 0;
        Instant now = clock.instant();
        for (Envelope e : envelopes) {
            for (String target : targets) {
                Destination d = destinations.computeIfAbsent(target, t -> new Destination());
                if (!d.eventIds.add(e.eventId())) {
                    duplicates++;
                    continue;
                }
                long seq = ++sequence;
                d.live.put(seq, new JournalEntry(seq, target, e, 0, now, EntryState.PENDING, null, null));
                appended++;
            }
        }
        return new AppendResult(appended, duplicates);
    }

    @Override
    public synchronized List<JournalEntry> claim(String destination, int max, String owner, Duration leaseDuration) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        Destination d = destinations.get(destination);
        if (d == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<String> blockedKeys = new HashSet<>();
        List<JournalEntry> claimed = new ArrayList<>();
        for (JournalEntry e : d.live.values()) {
            if (claimed.size() >= max) {
                break;
            }
            String key = e.envelope().businessKey();
            if (blockedKeys.contains(key)) {
                continue;
            }
            // whatever happens to this entry, later entries of its key must wait for it
            blockedKeys.add(key);
            boolean leaseExpired = e.state() == EntryState.IN_FLIGHT
                    && e.lease() != null && !e.lease().expiresAt().isAfter(now);
            boolean due = e.state() == EntryState.PENDING && !e.nextAttemptAt().isAfter(now);
            if (!due && !leaseExpired) {
                continue;
            }
            JournalEntry next = new JournalEntry(e.sequence(), e.destination(), e.envelope(), e.attempts() + 1,
                    e.nextAttemptAt(), EntryState.IN_FLIGHT,
                    new Lease(owner, UUID.randomUUID(), now.plus(leaseDuration)), e.lastFailure());
            d.live.put(e.sequence(), next);
            claimed.add(next);
        }
        return claimed;
    }

    @Override
    public synchronized int acknowledge(Collection<Ack> acks) {
        int refused = 0;
        for (Ack ack : acks) {
            JournalEntry claimed = ack.entry();
            Destination d = destinations.get(claimed.destination());
            JournalEntry current = d == null ? null : d.live.get(claimed.sequence());
            if (current == null || current.state() != EntryState.IN_FLIGHT || current.lease() == null
                    || claimed.lease() == null || !current.lease().token().equals(claimed.lease().token())) {
                refused++;
                continue;
            }
            if (ack instanceof Ack.Completed) {
                d.live.remove(claimed.sequence());
            } else if (ack instanceof Ack.Retry retry) {
                d.live.put(claimed.sequence(), new JournalEntry(current.sequence(), current.destination(),
                        current.envelope(), current.attempts(), retry.at(), EntryState.PENDING, null, retry.failure()));
            } else if (ack instanceof Ack.Dead dead) {
                d.live.remove(claimed.sequence());
                deadLetters.computeIfAbsent(current.destination(), k -> new ArrayList<>()).add(new DeadLetter(
                        ++deadLetterIds, current.destination(), current.envelope().businessKey(), current.envelope(),
                        null, current.attempts(), dead.failure()));
            }
        }
        return refused;
    }

    @Override
    public synchronized DeadLetter deadLetterRaw(String route, String recordId, String raw, FailureRecord failure) {
        DeadLetter letter = new DeadLetter(++deadLetterIds, route, recordId, null, raw, 1, failure);
        deadLetters.computeIfAbsent(route, k -> new ArrayList<>()).add(letter);
        return letter;
    }

    @Override
    public synchronized long backlog(String destination) {
        Destination d = destinations.get(destination);
        return d == null ? 0 : d.live.size();
    }

    @Override
    public synchronized Optional<Instant> nextAttemptAt(String destination) {
        Destination d = destinations.get(destination);
        if (d == null) {
            return Optional.empty();
        }
        // only the first live entry of each key can be handed out next
        Set<String> seen = new HashSet<>();
        Instant earliest = null;
        for (JournalEntry e : d.live.values()) {
            if (!seen.add(e.envelope().businessKey())) {
                continue;
            }
            Instant at = e.state() == EntryState.IN_FLIGHT && e.lease() != null ? e.lease().expiresAt() : e.nextAttemptAt();
            if (earliest == null || at.isBefore(earliest)) {
                earliest = at;
            }
        }
        return Optional.ofNullable(earliest);
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(String route, int limit) {
        List<DeadLetter> all = deadLetters.getOrDefault(route, List.of());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public synchronized long deadLetterCount(String route) {
        return deadLetters.getOrDefault(route, List.of()).size();
    }
}
