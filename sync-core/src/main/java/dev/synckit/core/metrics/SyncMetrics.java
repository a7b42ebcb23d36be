package dev.synckit.core.metrics;

import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.resilience.QuotaObserver;
import dev.synckit.core.resilience.QuotaReading;
import java.time.Duration;

/**
 * What the engine reports: deliveries processed and failed per route (failed by failure class),
 * end-to-end latency (from the change at the source to the write at the target), writes skipped as
 * unchanged, retries, dead letters, backlog per route and platform quota remaining. Every method has a
 * no-op default, so an implementation overrides what it records. Implementations must be thread-safe,
 * fast, and must not throw.
 *
 * @since 0.1
 */
public interface SyncMetrics extends QuotaObserver {

    /** Records nothing. */
    static SyncMetrics none() {
        return new SyncMetrics() {
        };
    }

    /** Keeps everything in memory, readable as a {@link MetricsSnapshot}. */
    static InMemorySyncMetrics inMemory() {
        return new InMemorySyncMetrics();
    }

    /** Records written to the target. */
    default void written(String route, long count) {
    }

    /** Records read from a source. */
    default void read(String route, long count) {
    }

    /** Writes skipped because the content had not changed. */
    default void unchanged(String route, long count) {
    }

    /** One failed delivery attempt or read, by class. */
    default void failed(String route, FailureClass failureClass) {
    }

    /** One delivery scheduled for another attempt. */
    default void retried(String route) {
    }

    /** One record that became a dead letter. */
    default void deadLettered(String route) {
    }

    /** The time from the change at the source to its write at the target. */
    default void latency(String route, Duration endToEnd) {
    }

    /** The route's backlog now (a gauge). */
    default void backlog(String route, long entries) {
    }

    /** A platform quota reading (a gauge of what remains). */
    @Override
    default void onReading(QuotaReading reading) {
    }
}
