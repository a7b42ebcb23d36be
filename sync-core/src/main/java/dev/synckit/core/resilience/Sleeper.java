package dev.synckit.core.resilience;

import java.time.Duration;

/**
 * Waits. Production code sleeps; tests substitute a sleeper that advances a fake clock, so nothing in a
 * test sleeps. Every component that waits (the resilience pipeline, connector limiters, job polling)
 * takes one. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for the duration; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
