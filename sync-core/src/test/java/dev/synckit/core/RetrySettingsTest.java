package dev.synckit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

    @Test
    void backoff_isFullJitterUnderAnExponentialCeiling_cappedAtTheMaximum() {
        RetrySettings retry = new RetrySettings(8, Duration.ofMillis(100), Duration.ofSeconds(2));
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(2_000, 100L << (attempt - 1));
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                Duration d = retry.backoff(attempt);
                assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
                seen.add(d.toMillis());
            }
            assertThat(seen).as("jitter spreads the waits of attempt %d", attempt).hasSizeGreaterThan(10);
        }
    }

    @Test
    void settings_refuseNonsense() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
    }
}
