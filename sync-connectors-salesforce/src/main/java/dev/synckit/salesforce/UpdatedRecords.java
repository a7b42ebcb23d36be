package dev.synckit.salesforce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A getUpdated answer: the Ids of records changed in the asked window and the last date covered (the start of
 * the next window). Immutable and thread-safe.
 *
 * @param ids the changed records' Ids
 * @param latestDateCovered the end of the window actually covered (cut to the minute)
 */
public record UpdatedRecords(List<String> ids, Instant latestDateCovered) {
    public UpdatedRecords {
        ids = List.copyOf(ids);
        Objects.requireNonNull(latestDateCovered, "latestDateCovered");
    }
}
