package dev.synckit.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a route retries a failed delivery: at most {@code maxAttempts} deliveries, waiting an
 * exponential backoff with full jitter between them (a random wait between zero and
 * {@code min(maxDelay, initialDelay * 2^(attempt-1))}), or the time the platform gave when it
 * throttled us. Immutable and thread-safe.
 *
 * @param maxAttempts deliveries before the entry becomes a dead letter (≥ 1)
 * @param initialDelay the backoff ceiling after the first failure
 * @param maxDelay the largest backoff ceiling
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetrySettings {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, was " + initialDelay + ", " + maxDelay);
        }
    }

    /** Eight attempts, backoff from 200 ms up to 30 s. */
    public static RetrySettings defaults() {
        return new RetrySettings(8, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    public RetrySettings withMaxAttempts(int value) {
        return new RetrySettings(value, initialDelay, maxDelay);
    }

    public RetrySettings withDelays(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max);
    }

    /** The wait before the next delivery after {@code attempt} failed deliveries (full jitter). */
    public Duration backoff(int attempt) {
        long ceiling = initialDelay.toMillis();
        for (int i = 1; i < attempt && ceiling < maxDelay.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxDelay.toMillis());
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
