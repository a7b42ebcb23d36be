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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads ticket changes from the cursor-based incremental export ({@code /incremental/tickets/cursor}): the first
 * poll starts at a start time, every later one at the {@code after_cursor} carried in the checkpoint
 * ({@code cursor:<after_cursor>}), so a restarted engine resumes exactly where it stopped. Tickets are ordered and
 * compared by {@code generated_timestamp}; the change key is {@code ticket/<id>@<updated_at>}, the same as the
 * webhook intake's, so one ticket version is journaled once whichever path saw it. Holds no state between polls;
 * thread-safe.
 */
public final class ZendeskTicketChangeSource implements ChangeSource<ObjectNode> {

    private static final String CURSOR = "cursor:";

    private final ZendeskClient client;
    private final Instant initialStart;

    private ZendeskTicketChangeSource(ZendeskClient client, Instant initialStart) {
        this.client = client;
        this.initialStart = initialStart;
    }

    /**
     * A source whose first poll exports tickets changed since {@code initialStart} (Zendesk wants it at least a
     * minute in the past; it is clamped to that).
     */
    public static ZendeskTicketChangeSource create(ZendeskClient client, Instant initialStart) {
        return new ZendeskTicketChangeSource(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(initialStart, "initialStart"));
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.ZENDESK;
    }

    @Override
    public String recordType() {
        return "ticket";
    }

    @Override
    public ChangePage<ObjectNode> poll(Checkpoint from) {
        Objects.requireNonNull(from, "from");
        String cursor = null;
        if (!from.isInitial()) {
            if (!from.value().startsWith(CURSOR)) {
                throw new IllegalArgumentException("not a ticket export checkpoint: " + from.value());
            }
            cursor = from.value().substring(CURSOR.length());
        }
        Instant latest = client.config().clock().instant().minus(Duration.ofMinutes(1));
        long start = (initialStart.isAfter(latest) ? latest : initialStart).getEpochSecond();
        CursorPage page = client.incrementalCursorPage("tickets", cursor, start);
        List<SourceRecord<ObjectNode>> records = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        for (ObjectNode t : page.records()) {
            String id = t.path("id").asText("");
            try {
                if (id.isEmpty()) {
                    throw MappingException.field("?", "id", "an exported ticket without id");
                }
                Instant modified = t.path("generated_timestamp").asLong(0) > 0
                        ? Instant.ofEpochSecond(t.get("generated_timestamp").asLong())
                        : Instant.parse(t.path("updated_at").asText(""));
                records.add(new SourceRecord<>(id, "ticket/" + id + "@" + t.path("updated_at").asText(""), modified, t));
            } catch (MappingException e) {
                failures.add(new SourceFailure(id.isEmpty() ? "?" : id, t.toString(), e));
            } catch (java.time.format.DateTimeParseException e) {
                failures.add(new SourceFailure(id, t.toString(), new MappingException("updated_at is not an instant",
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
        return "ZendeskTicketChangeSource[" + client + "]";
    }
}
