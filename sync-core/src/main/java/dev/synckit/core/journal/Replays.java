package dev.synckit.core.journal;

import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.core.Envelope;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rules of replaying and skipping dead letters, shared by every {@link Journal} implementation so
 * that they behave alike. Stateless and thread-safe.
 */
public final class Replays {

    private Replays() {
    }

    /**
     * The envelope a replay appends: a new event id (derived from the original and the replay count, so
     * a repeated replay request cannot append twice), the same correlation id, the original event as
     * causation, and the edited payload when given.
     */
    public static Envelope next(@Nullable DeadLetter d, long id, @Nullable BusinessEvent edited, int maxReplays, Instant now) {
        requireOpen(d, id);
        java.util.Objects.requireNonNull(d, "d");
        if (d.replays() >= maxReplays) {
            throw new ReplayRefusedException("dead letter " + id + " was replayed " + d.replays()
                    + " times; the loop guard allows " + maxReplays, id, "REPLAY_LIMIT");
        }
        Envelope original = d.envelope();
        if (original == null) {
            throw new ReplayRefusedException("dead letter " + id + " has no decodable envelope (route " + d.route()
                    + "); read it again from its source instead", id, "NOTHING_TO_REPLAY");
        }
        BusinessEvent payload = edited != null ? edited : original.payload();
        if (!payload.eventType().equals(original.type()) || !payload.businessKey().equals(original.businessKey())) {
            throw new ReplayRefusedException("an edited payload must keep the event type " + original.type()
                    + " and business key " + original.businessKey(), id, "EDIT_CHANGES_IDENTITY");
        }
        return new Envelope(Envelope.deriveId(original.eventId() + "|replay|" + (d.replays() + 1)), payload.eventType(),
                payload.schemaVersion(), original.sourceSystem(), original.businessKey(), original.correlationId(),
                original.eventId(), now, payload);
    }

    /**
     * Refuses a dead letter that is unknown or no longer open.
     *
     * @throws ReplayRefusedException naming the dead letter and its status
     */
    public static void requireOpen(@Nullable DeadLetter d, long id) {
        if (d == null) {
            throw new ReplayRefusedException("dead letter " + id + " is unknown", id, "DEAD_LETTER_UNKNOWN");
        }
        if (d.status() != DeadLetterStatus.OPEN) {
            throw new ReplayRefusedException("dead letter " + id + " is " + d.status() + ", not OPEN", id,
                    "DEAD_LETTER_NOT_OPEN");
        }
    }
}
