package dev.synckit.core.resilience;

/**
 * Receives quota readings that connectors take from response headers. The engine's resilience
 * pipeline uses them to slow its rate limiter before the platform refuses, and metrics publish them.
 * Implementations must be thread-safe, fast and must not throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface QuotaObserver {

    void onReading(QuotaReading reading);

    /** An observer that ignores every reading. */
    static QuotaObserver none() {
        return reading -> { };
    }

    /** Both observers, in order. */
    default QuotaObserver andThen(QuotaObserver next) {
        java.util.Objects.requireNonNull(next, "next");
        return reading -> {
            onReading(reading);
            next.onReading(reading);
        };
    }
}
