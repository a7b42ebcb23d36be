package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.ChangeSource;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads organization changes from the time-based incremental export ({@code /incremental/organizations}), the
 * only export organizations have. Pages overlap at their boundary second, so the checkpoint carries the start time
 * and the {@code id@updated_at} keys already read at that second ({@code t=<start>;n=<perPage>;seen=<keys>}) and
 * those records are not emitted twice. When a whole page shares one second ({@code end_time} equal to the start
 * time), the next poll asks for a larger page (up to Zendesk's 1000) instead of looping on the same page. Holds no
 * state between polls; thread-safe.
 */
public final class ZendeskOrganizationChangeSource implements ChangeSource<ObjectNode> {

    private static final int MAX_PER_PAGE = 1000;

    private final ZendeskClient client;
    private final Instant initialStart;
    private final int perPage;

    private ZendeskOrganizationChangeSource(ZendeskClient client, Instant initialStart, int perPage) {
        this.client = client;
        this.initialStart = initialStart;
        this.perPage = perPage;
    }

    /** A source starting at {@code initialStart}, 1000 organizations per page. */
    public static ZendeskOrganizationChangeSource create(ZendeskClient client, Instant initialStart) {
        return create(client, initialStart, MAX_PER_PAGE);
    }

    /** A source with a smaller page (1 to 1000). */
    public static ZendeskOrganizationChangeSource create(ZendeskClient client, Instant initialStart, int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be 1 to 1000, was " + perPage);
        }
        return new ZendeskOrganizationChangeSource(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(initialStart, "initialStart"), perPage);
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.ZENDESK;
    }

    @Override
    public String recordType() {
        return "organization";
    }

    @Override
    public ChangePage<ObjectNode> poll(Checkpoint from) {
        Position at = from.isInitial() ? new Position(initialStart.getEpochSecond(), perPage, Set.of())
                : Position.parse(from.value());
        TimeBasedPage page = client.incrementalOrganizations(at.start, at.perPage);
        List<SourceRecord<ObjectNode>> records = new ArrayList<>();
        Set<String> boundary = new LinkedHashSet<>();
        if (page.endTime() == at.start) {
            boundary.addAll(at.seen);
        }
        for (ObjectNode o : page.records()) {
            String id = o.path("id").asText("");
            String updated = o.path("updated_at").asText("");
            String key = id + "@" + updated;
            long second;
            try {
                second = Instant.parse(updated).getEpochSecond();
            } catch (DateTimeParseException e) {
                continue; // a record without a valid updated_at cannot be placed in the stream; Zendesk never sends one
            }
            if (second == page.endTime()) {
                boundary.add(key);
            }
            if (second == at.start && at.seen.contains(key)) {
                continue; // already read on the previous page
            }
            records.add(new SourceRecord<>(id, "organization/" + key, Instant.ofEpochSecond(second), o));
        }
        Position next;
        boolean stuck = page.endTime() <= at.start && !page.endOfStream();
        if (stuck) {
            // a whole page shares the start second: widen the page rather than ask for the same one again
            next = new Position(at.start, Math.min(MAX_PER_PAGE, at.perPage * 2), boundary);
            if (at.perPage == MAX_PER_PAGE) {
                // more than 1000 organizations in one second: nothing wider to ask for; move on a second
                next = new Position(at.start + 1, perPage, Set.of());
            }
        } else {
            next = new Position(page.endTime(), perPage, boundary);
        }
        return new ChangePage<>(records, List.of(), Checkpoint.of(next.encode()), !page.endOfStream());
    }

    /** Where to continue: start second, page size, keys already read at the start second. */
    private record Position(long start, int perPage, Set<String> seen) {
        String encode() {
            return "t=" + start + ";n=" + perPage + ";seen=" + String.join(",", seen);
        }

        static Position parse(String value) {
            String[] parts = value.split(";", 3);
            if (parts.length != 3 || !parts[0].startsWith("t=") || !parts[1].startsWith("n=")
                    || !parts[2].startsWith("seen=")) {
                throw new IllegalArgumentException("not an organization export checkpoint: " + value);
            }
            String seen = parts[2].substring(5);
            Set<String> keys = new LinkedHashSet<>();
            if (!seen.isEmpty()) {
                keys.addAll(List.of(seen.split(",")));
            }
            return new Position(Long.parseLong(parts[0].substring(2)), Integer.parseInt(parts[1].substring(2)), keys);
        }
    }

    @Override
    public String toString() {
        return "ZendeskOrganizationChangeSource[" + client + ", perPage=" + perPage + "]";
    }
}
