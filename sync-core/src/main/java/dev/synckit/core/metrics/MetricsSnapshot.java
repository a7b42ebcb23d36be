package dev.synckit.core.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics at one moment. Immutable and thread-safe.
 *
 * @param routes per route
 * @param quotaRemaining per {@code system/quota}: units remaining at the last reading
 */
public record MetricsSnapshot(Map<String, RouteMetrics> routes, Map<String, Long> quotaRemaining) {

    public MetricsSnapshot {
        routes = Map.copyOf(routes);
        quotaRemaining = Map.copyOf(quotaRemaining);
    }

    /** The metrics of one route (zeros when it reported nothing). */
    public RouteMetrics route(String route) {
        return routes.getOrDefault(Objects.requireNonNull(route, "route"), RouteMetrics.EMPTY);
    }

    /**
     * One route's metrics.
     *
     * @param read records read (inbound)
     * @param written records written (outbound)
     * @param unchanged writes skipped as unchanged
     * @param failed failures by failure class name
     * @param retried deliveries scheduled again
     * @param deadLetters records that became dead letters
     * @param backlog the last backlog reading
     * @param latencyCount writes with a latency
     * @param latencyMean their mean end-to-end latency
     * @param latencyMax their largest end-to-end latency
     */
    public record RouteMetrics(long read, long written, long unchanged, Map<String, Long> failed, long retried,
            long deadLetters, long backlog, long latencyCount, Duration latencyMean, Duration latencyMax) {

        static final RouteMetrics EMPTY = new RouteMetrics(0, 0, 0, Map.of(), 0, 0, 0, 0, Duration.ZERO, Duration.ZERO);

        public RouteMetrics {
            failed = Map.copyOf(failed);
        }

        /** Failed attempts of every class. */
        public long failedTotal() {
            return failed.values().stream().mapToLong(Long::longValue).sum();
        }

        /** written / (written + dead letters), 1 when nothing happened. */
        public double successRate() {
            long done = written + unchanged + deadLetters;
            return done == 0 ? 1.0 : (double) (written + unchanged) / done;
        }
    }
}
