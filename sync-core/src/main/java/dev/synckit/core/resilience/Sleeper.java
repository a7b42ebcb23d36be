package dev.synckit.core.resilience;

import java.time.Duration;

/** Waits. Production code sleeps; tests substitute a sleeper that advances a fake clock. Implementations must be thread-safe. */
@FunctionalInterface
public interface Sleeper {

    /** Waits for the duration (returns early, with the interrupt flag set, when interrupted). */
    void sleep(Duration duration);

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> {
            try {
                Thread.sleep(Math.max(0, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
