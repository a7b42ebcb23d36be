package dev.synckit.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * One page of changes and the checkpoint after it. The engine appends the records (and reports the
 * failures) before it saves {@link #next()}, so a crash in between re-reads the page rather than
 * skipping it. Immutable and thread-safe if {@code R} is.
 *
 * @param records the changes in source order
 * @param failures records of this page that could not be parsed
 * @param next the checkpoint to resume from after this page
 * @param hasMore whether polling again right away would return more
 * @param <R> the platform record type
 */
public record ChangePage<R>(List<SourceRecord<R>> records, List<SourceFailure> failures, Checkpoint next,
        boolean hasMore) {
    public ChangePage {
        records = List.copyOf(records);
        failures = List.copyOf(failures);
        Objects.requireNonNull(next, "next");
    }

    /** A page with nothing new. */
    public static <R> ChangePage<R> empty(Checkpoint at) {
        return new ChangePage<>(List.of(), List.of(), at, false);
    }

    public boolean isEmpty() {
        return records.isEmpty() && failures.isEmpty();
    }
}
