package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.ChangeSource;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceFailure;
import dev.synckit.core.spi.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads user changes from the cursor-based incremental export ({@code /incremental/users/cursor}): the first poll
 * starts at a start time, every later one at the {@code after_cursor} carried in the checkpoint
 * ({@code cursor:<after_cursor>}), so a restarted engine resumes exactly where it stopped. Users are ordered by
 * {@code updated_at}; the change key is {@code user/<id>@<updated_at>}, so one user version is read once and a
 * later change of the same user is a new change. Holds no state between polls; thread-safe.
 */
public final class ZendeskUserChangeSource implements ChangeSource<ObjectNode> {

    private static final String CURSOR = "cursor:";

    private final ZendeskClient client;
    private final Instant initialStart;
    private final int perPage;

    private ZendeskUserChangeSource(ZendeskClient client, Instant initialStart, int perPage) {
        this.client = client;
        this.initialStart = initialStart;
        this.perPage = perPage;
    }

    /**
     * A source whose first poll exports users changed since {@code initialStart} (Zendesk wants it at least a
     * minute in the past; it is clamped to that), with Zendesk's page size (up to 1000).
     */
    public static ZendeskUserChangeSource create(ZendeskClient client, Instant initialStart) {
        return create(client, initialStart, 0);
    }

    /**
     * As {@link #create(ZendeskClient, Instant)} with {@code per_page} users per poll (1 to 1000; 0 for Zendesk's
     * default).
     */
    public static ZendeskUserChangeSource create(ZendeskClient client, Instant initialStart, int perPage) {
        if (perPage < 0 || perPage > 1000) {
            throw new IllegalArgumentException("perPage must be 0 (default) or 1 to 1000, was " + perPage);
        }
        return new ZendeskUserChangeSource(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(initialStart, "initialStart"), perPage);
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.ZENDESK;
    }

    @Override
    public String recordType() {
        return "user";
    }

    @Override
    public ChangePage<ObjectNode> poll(Checkpoint from) {
        Objects.requireNonNull(from, "from");
        String cursor = null;
        if (!from.isInitial()) {
            if (!from.value().startsWith(CURSOR)) {
                throw new IllegalArgumentException("not a user export checkpoint: " + from.value());
            }
            cursor = from.value().substring(CURSOR.length());
        }
        Instant latest = client.config().clock().instant().minus(Duration.ofMinutes(1));
        long start = (initialStart.isAfter(latest) ? latest : initialStart).getEpochSecond();
        CursorPage page = client.incrementalCursorPage("users", cursor, start, perPage);
        List<SourceRecord<ObjectNode>> records = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        for (ObjectNode u : page.records()) {
            String id = u.path("id").asText("");
            if (id.isEmpty()) {
                failures.add(new SourceFailure("?", u.toString(),
                        MappingException.field("?", "id", "an exported user without id")));
                continue;
            }
            String updatedAt = u.path("updated_at").asText("");
            try {
                records.add(new SourceRecord<>(id, "user/" + id + "@" + updatedAt, Instant.parse(updatedAt), u));
            } catch (DateTimeParseException e) {
                failures.add(new SourceFailure(id, u.toString(), new MappingException("updated_at is not an instant",
                        ErrorDetails.of(SourceSystem.ZENDESK).withRecordId(id).withField("updated_at")
                                .withPlatformCode(MappingException.CODE),
                        List.of(new MappingException.FieldError("updated_at", "not an ISO-8601 instant")))));
            }
        }
        String next = page.cursor().orElse(cursor);
        return new ChangePage<>(records, failures, next == null ? from : Checkpoint.of(CURSOR + next), page.hasMore());
    }

    @Override
    public String toString() {
        return "ZendeskUserChangeSource[" + client + "]";
    }
}
