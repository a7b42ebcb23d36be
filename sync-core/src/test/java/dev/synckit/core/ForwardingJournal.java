package dev.synckit.core;

import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.core.journal.Ack;
import dev.synckit.core.journal.Append;
import dev.synckit.core.journal.AppendResult;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.journal.DeadLetterQuery;
import dev.synckit.core.journal.FailureRecord;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.JournalEntry;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.store.CheckpointStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A journal that forwards every call, for tests that break one of them. */
class ForwardingJournal implements Journal {
    private final Journal delegate;

    ForwardingJournal(Journal delegate) {
        this.delegate = delegate;
    }

    @Override
    public AppendResult append(List<Append> items) {
        return delegate.append(items);
    }

    @Override
    public AppendResult appendAndCheckpoint(List<Append> items, CheckpointStore checkpoints, String sourceId,
            Checkpoint checkpoint) {
        return delegate.appendAndCheckpoint(items, checkpoints, sourceId, checkpoint);
    }

    @Override
    public AppendResult appendAndCheckpoint(List<Append> items, List<dev.synckit.core.journal.RawDeadLetter> deadLetters,
            CheckpointStore checkpoints, String sourceId, Checkpoint checkpoint) {
        return delegate.appendAndCheckpoint(items, deadLetters, checkpoints, sourceId, checkpoint);
    }

    @Override
    public List<JournalEntry> claim(String destination, int max, String owner, Duration leaseDuration) {
        return delegate.claim(destination, max, owner, leaseDuration);
    }

    @Override
    public int acknowledge(Collection<Ack> acks) {
        return delegate.acknowledge(acks);
    }

    @Override
    public DeadLetter deadLetterRaw(String route, String recordId, String raw, FailureRecord failure) {
        return delegate.deadLetterRaw(route, recordId, raw, failure);
    }

    @Override
    public long backlog(String destination) {
        return delegate.backlog(destination);
    }

    @Override
    public Optional<Instant> nextAttemptAt(String destination) {
        return delegate.nextAttemptAt(destination);
    }

    @Override
    public List<DeadLetter> deadLetters(DeadLetterQuery query) {
        return delegate.deadLetters(query);
    }

    @Override
    public long deadLetterCount(String route) {
        return delegate.deadLetterCount(route);
    }

    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        return delegate.deadLetter(id);
    }

    @Override
    public Envelope replay(long deadLetterId, @Nullable BusinessEvent edited) {
        return delegate.replay(deadLetterId, edited);
    }

    @Override
    public void skip(long deadLetterId) {
        delegate.skip(deadLetterId);
    }

    @Override
    public int purge(Instant cutoff) {
        return delegate.purge(cutoff);
    }
}
