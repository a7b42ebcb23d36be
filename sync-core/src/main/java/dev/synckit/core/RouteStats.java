package dev.synckit.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Counters of one route since the engine started. A snapshot: immutable and thread-safe.
 *
 * @param route the route id
 * @param read records read (inbound) or entries claimed (outbound)
 * @param appended journal entries added (inbound)
 * @param duplicates changes already journaled (inbound) or effects already applied (outbound), skipped
 * @param written records written to the target (outbound)
 * @param unchanged writes skipped because the content equals what was last written (outbound)
 * @param retried deliveries scheduled for another attempt (outbound)
 * @param failed records that became dead letters
 * @param haltedBecause why the route stopped, if it did
 */
public record RouteStats(String route, long read, long appended, long duplicates, long written, long unchanged,
        long retried,
        long failed, @Nullable String haltedBecause) {
    public RouteStats {
        Objects.requireNonNull(route, "route");
    }

    public Optional<String> halted() {
        return Optional.ofNullable(haltedBecause);
    }
}
