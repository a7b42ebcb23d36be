package dev.synckit.core.journal;

/** Where a journal entry is in its life. */
public enum EntryState {
    /** Waiting to be claimed (possibly not before its next-attempt time). */
    PENDING,
    /** Claimed under a lease by a worker. */
    IN_FLIGHT,
    /** Delivered; kept only until retention removes it. */
    COMPLETED,
    /** Given up on: rejected, or retries exhausted. Waits for an operator. */
    DEAD,
    /**
     * A dead delivery of a strict-order route that holds back the later deliveries of its key until
     * its dead letter is replayed (it then becomes pending again, in its place) or skipped.
     */
    HELD
}
