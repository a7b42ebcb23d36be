package dev.synckit.core.spi;

import dev.synckit.core.failure.SyncException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of writing one record: written (with the target's id), or failed (with a classified
 * cause). Immutable and thread-safe.
 */
public sealed interface WriteOutcome {

    /** The canonical id of the record this outcome is about. */
    String canonicalId();

    /**
     * The record is in the target.
     *
     * @param systemId the target's id of the record
     * @param created {@code TRUE} if created, {@code FALSE} if updated, {@code null} if the platform does not say
     */
    record Written(String canonicalId, String systemId, @Nullable Boolean created) implements WriteOutcome {
        public Written {
            Objects.requireNonNull(canonicalId, "canonicalId");
            Objects.requireNonNull(systemId, "systemId");
        }

        public Optional<Boolean> wasCreated() {
            return Optional.ofNullable(created);
        }
    }

    /** The record was not written. */
    record Failed(String canonicalId, SyncException failure) implements WriteOutcome {
        public Failed {
            Objects.requireNonNull(canonicalId, "canonicalId");
            Objects.requireNonNull(failure, "failure");
        }
    }

    static Written written(String canonicalId, String systemId, @Nullable Boolean created) {
        return new Written(canonicalId, systemId, created);
    }

    static Failed failed(String canonicalId, SyncException failure) {
        return new Failed(canonicalId, failure);
    }
}
