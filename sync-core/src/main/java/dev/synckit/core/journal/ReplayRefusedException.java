package dev.synckit.core.journal;

import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;

/**
 * A dead letter cannot be replayed: it is not open, it has no envelope and no valid edited payload was
 * given, or it reached the loop guard (too many replays). Thread-safe (immutable).
 */
public class ReplayRefusedException extends RejectedException {
    private static final long serialVersionUID = 1L;

    public ReplayRefusedException(String reason, long deadLetterId, String code) {
        super(reason, ErrorDetails.none().withPlatformCode(code).withRecordId("dead-letter-" + deadLetterId));
    }

    private ReplayRefusedException(String reason, ErrorDetails details) {
        super(reason, details);
    }

    @Override
    public ReplayRefusedException withDetails(ErrorDetails newDetails) {
        return new ReplayRefusedException(reason(), newDetails);
    }
}
