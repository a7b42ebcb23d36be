package dev.synckit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.resilience.QuotaReading;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    private static void report(SyncMetrics m) {
        m.read("in", 10);
        m.written("out", 7);
        m.unchanged("out", 2);
        m.failed("out", FailureClass.TRANSIENT);
        m.retried("out");
        m.failed("out", FailureClass.REJECTED);
        m.deadLettered("out");
        m.latency("out", Duration.ofMillis(100));
        m.latency("out", Duration.ofMillis(300));
        m.backlog("out", 42);
        m.onReading(new QuotaReading(SourceSystem.SALESFORCE, "api-usage", 18, 5000, null, Instant.EPOCH));
    }

    @Test
    void inMemory_snapshotAddsUpWhatWasReported() {
        InMemorySyncMetrics m = SyncMetrics.inMemory();
        report(m);
        MetricsSnapshot s = m.snapshot();

        MetricsSnapshot.RouteMetrics out = s.route("out");
        assertThat(out.written()).isEqualTo(7);
        assertThat(out.unchanged()).isEqualTo(2);
        assertThat(out.failed()).containsEntry("TRANSIENT", 1L).containsEntry("REJECTED", 1L);
        assertThat(out.retried()).isEqualTo(1);
        assertThat(out.deadLetters()).isEqualTo(1);
        assertThat(out.backlog()).isEqualTo(42);
        assertThat(out.latencyMean()).isEqualTo(Duration.ofMillis(200));
        assertThat(out.latencyMax()).isEqualTo(Duration.ofMillis(300));
        assertThat(out.successRate()).isEqualTo(0.9);
        assertThat(s.route("in").read()).isEqualTo(10);
        assertThat(s.quotaRemaining()).containsEntry("salesforce/api-usage", 4982L);
    }

    @Test
    void micrometer_publishesTheSameFiguresAsMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        report(new MicrometerSyncMetrics(registry));

        assertThat(registry.get("synckit.records.written").tag("route", "out").counter().count()).isEqualTo(7);
        assertThat(registry.get("synckit.failures").tag("class", "REJECTED").counter().count()).isEqualTo(1);
        assertThat(registry.get("synckit.latency").tag("route", "out").timer().count()).isEqualTo(2);
        assertThat(registry.get("synckit.backlog").tag("route", "out").gauge().value()).isEqualTo(42);
        assertThat(registry.get("synckit.quota.remaining").tag("system", "salesforce").gauge().value()).isEqualTo(4982);
    }
}
