package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list or cursor-based incremental export. Immutable list; the nodes are fresh
 * parses owned by the caller.
 *
 * @param records the records of the page
 * @param afterCursor the cursor to continue from ({@code meta.after_cursor} or {@code after_cursor}), if given
 * @param hasMore whether more follows now ({@code meta.has_more}, or not {@code end_of_stream}); never judged by
 *     the next link, which real responses keep on the last page
 */
public record CursorPage(List<ObjectNode> records, @Nullable String afterCursor, boolean hasMore) {
    public CursorPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(afterCursor);
    }
}
