package dev.synckit.netsuite;

import dev.synckit.core.failure.SyncException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one record of an asynchronous batch, read from its job task's result. Immutable and thread-safe.
 *
 * @param externalId the record's external id (the upsert key)
 * @param internalId the record's internal id when the task result named it ({@code Location}), else {@code null}
 * @param failure why NetSuite refused the record, classified; {@code null} when it was written
 */
public record BatchItemResult(String externalId, @Nullable String internalId, @Nullable SyncException failure) {

    public BatchItemResult {
        Objects.requireNonNull(externalId, "externalId");
    }

    public boolean succeeded() {
        return failure == null;
    }

    public Optional<String> internalIdOptional() {
        return Optional.ofNullable(internalId);
    }

    public Optional<SyncException> failureOptional() {
        return Optional.ofNullable(failure);
    }
}
