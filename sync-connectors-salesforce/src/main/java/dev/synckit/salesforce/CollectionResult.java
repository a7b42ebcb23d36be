package dev.synckit.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of one record of an sObject Collections upsert, in the position of its input record.
 * Immutable and thread-safe.
 *
 * @param id the record Id (on success)
 * @param success whether the record was written
 * @param created {@code TRUE} if created, {@code FALSE} if updated, {@code null} if not said
 * @param errors why it was not written; empty on success
 */
public record CollectionResult(@Nullable String id, boolean success, @Nullable Boolean created,
        List<RecordError> errors) {

    public CollectionResult {
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        if (success && id == null) {
            throw new IllegalArgumentException("a successful result has an id");
        }
    }

    public Optional<String> recordId() {
        return Optional.ofNullable(id);
    }

    /**
     * The errors that say what went wrong: the {@code ALL_OR_NONE_OPERATION_ROLLED_BACK} /
     * {@code PROCESSING_HALTED} fillers are dropped when a real cause is there.
     */
    public List<RecordError> causes() {
        List<RecordError> real = errors.stream().filter(e -> !e.isFiller()).toList();
        return real.isEmpty() ? errors : real;
    }
}
