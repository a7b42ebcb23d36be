package dev.synckit.salesforce;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a successful upsert reports: the record's Id and whether it was created. Immutable and thread-safe.
 *
 * @param id the 18-character record Id
 * @param created {@code TRUE} if created, {@code FALSE} if updated, {@code null} when Salesforce did not say
 *     (a legacy {@code 204 No Content} answer means an update)
 */
public record UpsertResult(String id, @Nullable Boolean created) {
    public UpsertResult {
        Objects.requireNonNull(id, "id");
    }

    public Optional<Boolean> wasCreated() {
        return Optional.ofNullable(created);
    }
}
