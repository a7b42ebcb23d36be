package dev.synckit.core.resilience;

import dev.synckit.canonical.SourceSystem;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One reading of a platform quota, as a response header reported it (Salesforce
 * {@code Sforce-Limit-Info: api-usage=18/5000}, Zendesk {@code X-Rate-Limit-Remaining}, ...).
 * Immutable and thread-safe.
 *
 * @param system the platform
 * @param quota the quota's name, e.g. {@code api-usage} (daily) or {@code requests-per-minute}
 * @param used units used in the current window
 * @param limit units allowed in the window
 * @param resetAt when the window resets, if the platform said
 * @param at when the reading was taken
 */
public record QuotaReading(SourceSystem system, String quota, long used, long limit, @Nullable Instant resetAt,
        Instant at) {

    public QuotaReading {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(at, "at");
        if (used < 0 || limit < 0) {
            throw new IllegalArgumentException("used and limit must be >= 0, were " + used + ", " + limit);
        }
    }

    /** Units left in the window (never negative). */
    public long remaining() {
        return Math.max(0, limit - used);
    }

    /** The fraction of the quota used, 0 when the limit is 0 or unknown. */
    public double fractionUsed() {
        return limit == 0 ? 0 : Math.min(1.0, (double) used / limit);
    }

    public Optional<Instant> reset() {
        return Optional.ofNullable(resetAt);
    }
}
