package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One page of a time-based incremental export ({@code /incremental/organizations}). Immutable list; the nodes
 * are fresh parses owned by the caller.
 *
 * @param records the records, possibly repeating the previous page's last second
 * @param endTime the {@code end_time}: the next {@code start_time}
 * @param endOfStream whether the export is drained for now
 */
public record TimeBasedPage(List<ObjectNode> records, long endTime, boolean endOfStream) {
    public TimeBasedPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }
}
