package dev.synckit.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine has done so far. A snapshot: immutable and thread-safe.
 *
 * @param elapsed time since the engine started
 * @param idle whether every source was caught up and every outbound backlog empty when taken
 * @param inbound per inbound route
 * @param outbound per outbound route
 */
public record RunSummary(Duration elapsed, boolean idle, List<RouteStats> inbound, List<RouteStats> outbound) {
    public RunSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
    }

    public Optional<RouteStats> route(String id) {
        return java.util.stream.Stream.concat(inbound.stream(), outbound.stream())
                .filter(r -> r.route().equals(id)).findFirst();
    }

    /** Records read by every inbound route. */
    public long read() {
        return inbound.stream().mapToLong(RouteStats::read).sum();
    }

    /** Records written by every outbound route. */
    public long written() {
        return outbound.stream().mapToLong(RouteStats::written).sum();
    }

    /** Dead letters made by every route, inbound and outbound. */
    public long failed() {
        return inbound.stream().mapToLong(RouteStats::failed).sum() + outbound.stream().mapToLong(RouteStats::failed).sum();
    }
}
