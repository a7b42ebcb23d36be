package dev.synckit.core.metrics;

import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.resilience.QuotaReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes SyncKit's metrics to a Micrometer registry: counters {@code synckit.records.read},
 * {@code synckit.records.written}, {@code synckit.records.unchanged}, {@code synckit.failures} (tag
 * {@code class}), {@code synckit.retries}, {@code synckit.dead.letters}; timer {@code synckit.latency}
 * (source change to target write); gauges {@code synckit.backlog} and {@code synckit.quota.remaining}
 * (tags {@code system}, {@code quota}). Every meter has a {@code route} tag except the quota gauge.
 * Needs {@code io.micrometer:micrometer-core} on the class path (an optional dependency of sync-core).
 * Thread-safe.
 */
public final class MicrometerSyncMetrics implements SyncMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public MicrometerSyncMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    private Counter counter(String name, String route, String... tags) {
        return Counter.builder(name).tag("route", route).tags(tags).register(registry);
    }

    private AtomicLong gauge(String name, String key, String... tags) {
        return gauges.computeIfAbsent(name + '|' + key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(tags).register(registry);
            return value;
        });
    }

    @Override
    public void read(String route, long count) {
        counter("synckit.records.read", route).increment(count);
    }

    @Override
    public void written(String route, long count) {
        counter("synckit.records.written", route).increment(count);
    }

    @Override
    public void unchanged(String route, long count) {
        counter("synckit.records.unchanged", route).increment(count);
    }

    @Override
    public void failed(String route, FailureClass failureClass) {
        counter("synckit.failures", route, "class", failureClass.name()).increment();
    }

    @Override
    public void retried(String route) {
        counter("synckit.retries", route).increment();
    }

    @Override
    public void deadLettered(String route) {
        counter("synckit.dead.letters", route).increment();
    }

    @Override
    public void latency(String route, Duration endToEnd) {
        Timer.builder("synckit.latency").tag("route", route).register(registry).record(endToEnd);
    }

    @Override
    public void backlog(String route, long entries) {
        gauge("synckit.backlog", route, "route", route).set(entries);
    }

    @Override
    public void onReading(QuotaReading reading) {
        gauge("synckit.quota.remaining", reading.system().id() + '|' + reading.quota(),
                "system", reading.system().id(), "quota", reading.quota()).set(reading.remaining());
    }
}
