package dev.synckit.core.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one claimed entry, reported back to the journal. Each carries the entry as claimed
 * (with its lease token). Immutable and thread-safe.
 */
public sealed interface Ack {

    /** The entry as it was claimed. */
    JournalEntry entry();

    /** Delivered. */
    record Completed(JournalEntry entry) implements Ack {
        public Completed {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Failed, to be handed out again not before {@code at}. */
    record Retry(JournalEntry entry, Instant at, FailureRecord failure) implements Ack {
        public Retry {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * Given up on: moves to the dead letters.
     *
     * @param holdKey keep later deliveries of the same business key waiting until the dead letter is
     *     replayed or skipped (routes that need strict order); otherwise they go on
     */
    record Dead(JournalEntry entry, FailureRecord failure, boolean holdKey) implements Ack {
        public Dead {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(failure, "failure");
        }
    }

    static Ack completed(JournalEntry entry) {
        return new Completed(entry);
    }

    static Ack retry(JournalEntry entry, Instant at, FailureRecord failure) {
        return new Retry(entry, at, failure);
    }

    static Ack dead(JournalEntry entry, FailureRecord failure) {
        return new Dead(entry, failure, false);
    }

    static Ack dead(JournalEntry entry, FailureRecord failure, boolean holdKey) {
        return new Dead(entry, failure, holdKey);
    }
}
