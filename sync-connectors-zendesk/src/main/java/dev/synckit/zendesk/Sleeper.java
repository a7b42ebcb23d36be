package dev.synckit.zendesk;

import java.time.Duration;

/**
 * Waits. The connector sleeps only through this, so tests advance a {@code MutableClock} instead of sleeping.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the current thread. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
