package dev.synckit.core.journal;

import dev.synckit.core.Envelope;
import java.util.Objects;
import java.util.Set;

/**
 * One envelope to append, with the destinations (routes) that each get their own delivery of it.
 * Immutable and thread-safe.
 */
public record Append(Envelope envelope, Set<String> destinations) {
    public Append {
        Objects.requireNonNull(envelope, "envelope");
        destinations = Set.copyOf(destinations);
    }
}
