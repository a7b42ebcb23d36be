package dev.synckit.salesforce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A getDeleted answer: records deleted in the asked window, the earliest date Salesforce still covers (about 15
 * days back, less when the recycle bin was emptied) and the last date it covered, which is where the next
 * window should start. Immutable and thread-safe.
 *
 * @param deletions the deleted records, in Salesforce's order
 * @param earliestDateAvailable the oldest deletion Salesforce can still report
 * @param latestDateCovered the end of the window actually covered (cut to the minute)
 */
public record DeletedRecords(List<Deletion> deletions, Instant earliestDateAvailable, Instant latestDateCovered) {

    public DeletedRecords {
        deletions = List.copyOf(deletions);
        Objects.requireNonNull(earliestDateAvailable, "earliestDateAvailable");
        Objects.requireNonNull(latestDateCovered, "latestDateCovered");
    }

    /**
     * One deleted record.
     *
     * @param id the record Id
     * @param deletedDate when it was deleted
     */
    public record Deletion(String id, Instant deletedDate) {
        public Deletion {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(deletedDate, "deletedDate");
        }
    }
}
