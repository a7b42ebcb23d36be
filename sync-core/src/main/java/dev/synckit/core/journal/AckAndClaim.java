package dev.synckit.core.journal;

import java.util.List;

/**
 * What {@link Journal#acknowledgeAndClaim} did.
 *
 * @param refused how many acks were refused because their lease was no longer current
 * @param claimed the deliveries claimed after the acks took effect, in append order
 */
public record AckAndClaim(int refused, List<JournalEntry> claimed) {
    public AckAndClaim {
        if (refused < 0) {
            throw new IllegalArgumentException("refused must be >= 0, was " + refused);
        }
        claimed = List.copyOf(claimed);
    }
}
