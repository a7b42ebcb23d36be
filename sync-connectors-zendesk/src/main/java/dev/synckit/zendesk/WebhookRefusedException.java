package dev.synckit.zendesk;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import java.util.Objects;

/**
 * A webhook request that must not be processed: unsigned, badly signed, stale, replayed or malformed. The message
 * never holds the secret, the signature or the body. Thread-safe (immutable).
 */
public final class WebhookRefusedException extends RejectedException {
    private static final long serialVersionUID = 1L;

    /** Why a webhook was refused. */
    public enum Refusal {
        /** No {@code X-Zendesk-Webhook-Signature} or no {@code X-Zendesk-Webhook-Signature-Timestamp}. */
        UNSIGNED,
        /** The signature does not match the timestamp and body under the signing secret. */
        BAD_SIGNATURE,
        /** The timestamp is outside the accepted window. */
        STALE,
        /** This invocation was already accepted. */
        REPLAYED,
        /** The timestamp or the body cannot be read. */
        MALFORMED
    }

    private final Refusal refusal;

    public WebhookRefusedException(Refusal refusal, String reason) {
        super(reason, ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("WEBHOOK_" + refusal.name()));
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    private WebhookRefusedException(Refusal refusal, String reason, ErrorDetails details) {
        super(reason, details);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The HTTP status a receiver should answer: 401 for signature problems, 400 for malformed, 409 for replays. */
    public int httpStatus() {
        return switch (refusal) {
            case UNSIGNED, BAD_SIGNATURE, STALE -> 401;
            case REPLAYED -> 409;
            case MALFORMED -> 400;
        };
    }

    @Override
    public WebhookRefusedException withDetails(ErrorDetails newDetails) {
        return new WebhookRefusedException(refusal, reason(), newDetails);
    }
}
