package dev.synckit.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows calls down before the platform refuses them: once a quota reading shows more than
 * {@code threshold} of the quota used, calls are spaced so that what remains (less a reserve) lasts
 * until the window resets (for a rolling window without a reset time, until one window from now).
 * Below the threshold it does not delay at all. Thread-safe.
 */
public final class QuotaGovernor implements QuotaObserver {

    private final Clock clock;
    private final double threshold;
    private final long reserve;
    private final Duration window;
    private final AtomicReference<QuotaReading> latest = new AtomicReference<>();
    private final AtomicLong nextSlotNanos = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param threshold fraction of the quota used above which pacing starts, e.g. 0.8
     * @param reserve calls to keep for other clients and operators
     * @param window the quota window when the platform gives no reset time (Salesforce: 24 h rolling)
     */
    public QuotaGovernor(Clock clock, double threshold, long reserve, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
        this.reserve = Math.max(0, reserve);
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public void onReading(QuotaReading reading) {
        latest.set(Objects.requireNonNull(reading, "reading"));
    }

    /** The gap to keep between calls now: zero below the threshold. */
    public Duration pace() {
        QuotaReading r = latest.get();
        if (r == null || r.limit() == 0 || r.fractionUsed() < threshold) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Instant reset = r.reset().filter(t -> t.isAfter(now)).orElse(now.plus(window));
        long usable = r.remaining() - reserve;
        Duration untilReset = Duration.between(now, reset);
        return usable <= 0 ? untilReset : untilReset.dividedBy(usable);
    }

    /**
     * How long the caller must wait before its call, reserving the next slot: concurrent callers get
     * consecutive slots, one {@link #pace()} apart.
     */
    public Duration reserveSlot() {
        Duration pace = pace();
        if (pace.isZero()) {
            return Duration.ZERO;
        }
        long now = toNanos(clock.instant());
        long step = pace.toNanos();
        long slot = nextSlotNanos.updateAndGet(prev -> Math.max(prev + step, now));
        return Duration.ofNanos(Math.max(0, slot - now));
    }

    private static long toNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
