package dev.synckit.core.metrics;

import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.resilience.QuotaReading;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Metrics kept in memory; {@link #snapshot()} reads them. Thread-safe (lock-free counters). */
public final class InMemorySyncMetrics implements SyncMetrics {

    private static final class Route {
        final LongAdder read = new LongAdder();
        final LongAdder written = new LongAdder();
        final LongAdder unchanged = new LongAdder();
        final Map<FailureClass, LongAdder> failed = new ConcurrentHashMap<>();
        final LongAdder retried = new LongAdder();
        final LongAdder dead = new LongAdder();
        final AtomicLong backlog = new AtomicLong();
        final LongAdder latencyCount = new LongAdder();
        final LongAdder latencyNanos = new LongAdder();
        final AtomicLong latencyMax = new AtomicLong();
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, Long> quota = new ConcurrentHashMap<>();

    InMemorySyncMetrics() {
    }

    private Route route(String id) {
        return routes.computeIfAbsent(id, k -> new Route());
    }

    @Override
    public void read(String route, long count) {
        route(route).read.add(count);
    }

    @Override
    public void written(String route, long count) {
        route(route).written.add(count);
    }

    @Override
    public void unchanged(String route, long count) {
        route(route).unchanged.add(count);
    }

    @Override
    public void failed(String route, FailureClass failureClass) {
        route(route).failed.computeIfAbsent(failureClass, k -> new LongAdder()).increment();
    }

    @Override
    public void retried(String route) {
        route(route).retried.increment();
    }

    @Override
    public void deadLettered(String route) {
        route(route).dead.increment();
    }

    @Override
    public void latency(String route, Duration endToEnd) {
        Route r = route(route);
        long nanos = Math.max(0, endToEnd.toNanos());
        r.latencyCount.increment();
        r.latencyNanos.add(nanos);
        r.latencyMax.accumulateAndGet(nanos, Math::max);
    }

    @Override
    public void backlog(String route, long entries) {
        route(route).backlog.set(entries);
    }

    @Override
    public void onReading(QuotaReading reading) {
        quota.put(reading.system().id() + "/" + reading.quota(), reading.remaining());
    }

    /** The metrics now. */
    public MetricsSnapshot snapshot() {
        Map<String, MetricsSnapshot.RouteMetrics> out = new HashMap<>();
        routes.forEach((id, r) -> {
            Map<String, Long> failed = new HashMap<>();
            r.failed.forEach((k, v) -> failed.put(k.name(), v.sum()));
            long count = r.latencyCount.sum();
            out.put(id, new MetricsSnapshot.RouteMetrics(r.read.sum(), r.written.sum(), r.unchanged.sum(), failed,
                    r.retried.sum(), r.dead.sum(), r.backlog.get(), count,
                    Duration.ofNanos(count == 0 ? 0 : r.latencyNanos.sum() / count), Duration.ofNanos(r.latencyMax.get())));
        });
        return new MetricsSnapshot(out, quota);
    }
}
