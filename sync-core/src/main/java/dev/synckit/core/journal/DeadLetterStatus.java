package dev.synckit.core.journal;

/** What became of a dead letter. */
public enum DeadLetterStatus {
    /** Waiting for an operator. */
    OPEN,
    /** Sent again (possibly edited) as a new delivery. */
    REPLAYED,
    /** An operator decided it needs no delivery. */
    SKIPPED,
    /** A later change of the same record was delivered, so this one no longer matters. */
    SUPERSEDED
}
