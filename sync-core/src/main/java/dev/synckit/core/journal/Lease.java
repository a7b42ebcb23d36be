package dev.synckit.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker's claim on an entry until {@link #expiresAt()}. An acknowledgement must present the
 * lease's token, so a worker whose lease expired and was re-granted cannot complete the entry
 * twice (compare-and-set). Immutable and thread-safe.
 */
public record Lease(String owner, UUID token, Instant expiresAt) {
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
