package dev.synckit.core.journal;

import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.core.Envelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory journal. Thread-safe through one lock: fine for tests and one process, not meant for
 * large backlogs (a claim scans the destination's live entries; event ids are kept until purged).
 */
final class InMemoryJournal implements Journal {

    private final Clock clock;
    private final int maxReplays;
    private final Map<String, TreeMap<Long, JournalEntry>> live = new HashMap<>();
    private final Map<UUID, Instant> eventIds = new HashMap<>();
    private final Map<Long, DeadLetter> deadLetters = new LinkedHashMap<>();
    /** dead letter id → the sequence of the delivery it came from (for superseding and held keys) */
    private final Map<Long, Long> deadLetterSequence = new HashMap<>();
    private long sequence;
    private long deadLetterIds;

    InMemoryJournal(Clock clock, int maxReplays) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxReplays = maxReplays;
    }

    @Override
    public synchronized AppendResult append(List<Append> items) {
        int appended = 0;
        int duplicates = 0;
        Instant now = clock.instant();
        for (Append item : items) {
            if (eventIds.putIfAbsent(item.envelope().eventId(), now) != null) {
                duplicates += item.destinations().size();
                continue;
            }
            for (String target : new java.util.TreeSet<>(item.destinations())) {
                long seq = ++sequence;
                live.computeIfAbsent(target, t -> new TreeMap<>())
                        .put(seq, new JournalEntry(seq, target, item.envelope(), 0, now, EntryState.PENDING, null, null));
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
        TreeMap<Long, JournalEntry> entries = live.get(destination);
        if (entries == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<String> blockedKeys = new HashSet<>();
        List<JournalEntry> claimed = new ArrayList<>();
        for (JournalEntry e : entries.values()) {
            if (claimed.size() >= max) {
                break;
            }
            String key = e.envelope().businessKey();
            // whatever happens to this entry, later entries of its key must wait for it
            if (!blockedKeys.add(key) || !due(e, now)) {
                continue;
            }
            JournalEntry next = new JournalEntry(e.sequence(), e.destination(), e.envelope(), e.attempts() + 1,
                    e.nextAttemptAt(), EntryState.IN_FLIGHT,
                    new Lease(owner, UUID.randomUUID(), now.plus(leaseDuration)), e.lastFailure());
            entries.put(e.sequence(), next);
            claimed.add(next);
        }
        return claimed;
    }

    private static boolean due(JournalEntry e, Instant now) {
        return switch (e.state()) {
            case PENDING -> !e.nextAttemptAt().isAfter(now);
            case IN_FLIGHT -> e.lease() != null && !e.lease().expiresAt().isAfter(now);
            default -> false;
        };
    }

    @Override
    public synchronized int acknowledge(Collection<Ack> acks) {
        int refused = 0;
        Instant now = clock.instant();
        for (Ack ack : acks) {
            JournalEntry claimed = ack.entry();
            TreeMap<Long, JournalEntry> entries = live.get(claimed.destination());
            JournalEntry current = entries == null ? null : entries.get(claimed.sequence());
            if (current == null || current.state() != EntryState.IN_FLIGHT || current.lease() == null
                    || claimed.lease() == null || !current.lease().token().equals(claimed.lease().token())) {
                refused++;
                continue;
            }
            if (ack instanceof Ack.Completed) {
                entries.remove(claimed.sequence());
                supersede(current);
            } else if (ack instanceof Ack.Retry retry) {
                entries.put(claimed.sequence(), new JournalEntry(current.sequence(), current.destination(),
                        current.envelope(), current.attempts(), retry.at(), EntryState.PENDING, null, retry.failure()));
            } else if (ack instanceof Ack.Dead dead) {
                if (dead.holdKey()) {
                    entries.put(claimed.sequence(), new JournalEntry(current.sequence(), current.destination(),
                            current.envelope(), current.attempts(), current.nextAttemptAt(), EntryState.HELD, null,
                            dead.failure()));
                } else {
                    entries.remove(claimed.sequence());
                }
                long id = ++deadLetterIds;
                deadLetters.put(id, new DeadLetter(id, current.destination(), current.envelope().businessKey(),
                        current.envelope(), null, current.attempts(), dead.failure(), DeadLetterStatus.OPEN, 0, now));
                deadLetterSequence.put(id, current.sequence());
            }
        }
        return refused;
    }

    private void supersede(JournalEntry completed) {
        for (Map.Entry<Long, DeadLetter> e : deadLetters.entrySet()) {
            DeadLetter d = e.getValue();
            Long seq = deadLetterSequence.get(e.getKey());
            if (d.status() == DeadLetterStatus.OPEN && seq != null && seq < completed.sequence()
                    && d.route().equals(completed.destination())
                    && d.recordId().equals(completed.envelope().businessKey())) {
                e.setValue(d.withStatus(DeadLetterStatus.SUPERSEDED, d.replays()));
            }
        }
    }

    @Override
    public synchronized DeadLetter deadLetterRaw(String route, String recordId, String raw, FailureRecord failure) {
        long id = ++deadLetterIds;
        DeadLetter letter = new DeadLetter(id, route, recordId, null, raw, 1, failure, DeadLetterStatus.OPEN, 0,
                clock.instant());
        deadLetters.put(id, letter);
        return letter;
    }

    @Override
    public synchronized long backlog(String destination) {
        TreeMap<Long, JournalEntry> entries = live.get(destination);
        return entries == null ? 0 : entries.values().stream().filter(e -> e.state() != EntryState.HELD).count();
    }

    @Override
    public synchronized Optional<Instant> nextAttemptAt(String destination) {
        TreeMap<Long, JournalEntry> entries = live.get(destination);
        if (entries == null) {
            return Optional.empty();
        }
        // only the first live entry of each key can be handed out next
        Set<String> seen = new HashSet<>();
        Instant earliest = null;
        for (JournalEntry e : entries.values()) {
            if (!seen.add(e.envelope().businessKey()) || e.state() == EntryState.HELD) {
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
    public synchronized List<DeadLetter> deadLetters(DeadLetterQuery query) {
        return deadLetters.values().stream().filter(query::matches).limit(query.limit()).toList();
    }

    @Override
    public synchronized long deadLetterCount(String route) {
        return deadLetters.values().stream()
                .filter(d -> d.route().equals(route) && d.status() == DeadLetterStatus.OPEN).count();
    }

    @Override
    public synchronized Optional<DeadLetter> deadLetter(long id) {
        return Optional.ofNullable(deadLetters.get(id));
    }

    @Override
    public synchronized Envelope replay(long deadLetterId, @Nullable BusinessEvent edited) {
        DeadLetter d = deadLetters.get(deadLetterId);
        Envelope replayed = Replays.next(d, deadLetterId, edited, maxReplays, clock.instant());
        deadLetters.put(deadLetterId, d.withStatus(DeadLetterStatus.REPLAYED, d.replays() + 1));
        eventIds.put(replayed.eventId(), clock.instant());
        Instant now = clock.instant();
        TreeMap<Long, JournalEntry> entries = live.computeIfAbsent(d.route(), t -> new TreeMap<>());
        Long held = heldSequence(deadLetterId, entries);
        long seq = held != null ? held : ++sequence; // a held delivery is replayed in its place
        entries.put(seq, new JournalEntry(seq, d.route(), replayed, 0, now, EntryState.PENDING, null, null));
        return replayed;
    }

    private @Nullable Long heldSequence(long deadLetterId, TreeMap<Long, JournalEntry> entries) {
        Long seq = deadLetterSequence.get(deadLetterId);
        if (seq == null) {
            return null;
        }
        JournalEntry e = entries.get(seq);
        return e != null && e.state() == EntryState.HELD ? seq : null;
    }

    @Override
    public synchronized void skip(long deadLetterId) {
        DeadLetter d = deadLetters.get(deadLetterId);
        Replays.requireOpen(d, deadLetterId);
        deadLetters.put(deadLetterId, d.withStatus(DeadLetterStatus.SKIPPED, d.replays()));
        TreeMap<Long, JournalEntry> entries = live.get(d.route());
        if (entries != null) {
            Long held = heldSequence(deadLetterId, entries);
            if (held != null) {
                entries.remove(held);
            }
        }
    }

    @Override
    public synchronized int purge(Instant cutoff) {
        int before = eventIds.size() + deadLetters.size();
        eventIds.values().removeIf(at -> at.isBefore(cutoff));
        deadLetters.values().removeIf(d -> d.status() != DeadLetterStatus.OPEN && d.createdAt().isBefore(cutoff));
        deadLetterSequence.keySet().retainAll(deadLetters.keySet());
        return before - eventIds.size() - deadLetters.size();
    }
}
