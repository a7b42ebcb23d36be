package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.ChangeSource;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceFailure;
import dev.synckit.core.spi.SourceRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads changed records of one SuiteQL table ({@code customer}, {@code transaction}, {@code item}, ...) by
 * {@code lastmodifieddate}; there is no change feed on REST (platform-apis §2.5).
 *
 * <p>Each poll reads one page ordered by {@code lastmodifieddate, id}. A sweep starts at the high-water mark minus
 * the overlap window (records committed late with an earlier date are still found) and goes on by keyset
 * ({@code (lastmodifieddate, id)} after the last row read), so rows modified while a sweep runs never shift a page
 * boundary. Rows already returned by the previous sweep inside the overlap window are skipped (their
 * {@code id@modified} keys travel in the checkpoint, at most {@value #MAX_SEEN}); beyond that the change key
 * ({@code id@modified}) lets the journal drop repeats. Dates are written and read in the account's time zone
 * ({@link NetSuiteConfig#timeZone()}); with {@link Builder#dateOnlyFilter(boolean)} a sweep starts at the account's
 * local midnight of the lower bound, so nothing modified near midnight is lost to a date-only comparison.
 *
 * <p>Holds no state between polls (the checkpoint does). Thread-safe.
 */
public final class NetSuiteChangeSource implements ChangeSource<SuiteQlRow> {

    /** Most {@code id@modified} keys the checkpoint carries for dedupe. */
    public static final int MAX_SEEN = 2000;
    /** The column alias of the modification time read as text in the account's time zone. */
    public static final String MODIFIED_COLUMN = "synckit_modified";

    private static final DateTimeFormatter SQL_TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SQL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final NetSuiteClient client;
    private final String table;
    private final String recordType;
    private final List<String> columns;
    private final @Nullable String filter;
    private final Duration overlap;
    private final int pageSize;
    private final boolean dateOnly;
    private final Instant start;
    private final ZoneId zone;

    private NetSuiteChangeSource(Builder b) {
        this.client = b.client;
        this.table = b.table;
        this.recordType = b.recordType != null ? b.recordType : b.table;
        this.columns = List.copyOf(b.columns);
        this.filter = b.filter;
        this.overlap = b.overlap;
        this.pageSize = b.pageSize;
        this.dateOnly = b.dateOnly;
        this.start = b.start;
        this.zone = b.client.config().timeZone();
    }

    /** A source of the rows of a SuiteQL table, e.g. {@code customer} or {@code transaction}. */
    public static Builder builder(NetSuiteClient client, String table) {
        return new Builder(client, table);
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.NETSUITE;
    }

    @Override
    public String recordType() {
        return recordType;
    }

    @Override
    public ChangePage<SuiteQlRow> poll(Checkpoint from) {
        Objects.requireNonNull(from, "from");
        State state = State.decode(from, start);
        String window;
        if (state.cursorTs == null) {
            Instant lower = Instant.ofEpochSecond(state.highWater).minus(overlap);
            ZonedDateTime local = lower.atZone(zone);
            window = dateOnly
                    ? "lastmodifieddate >= TO_DATE('" + SQL_DATE.format(local) + "', 'YYYY-MM-DD')"
                    : "lastmodifieddate >= " + timestamp(local);
        } else {
            String at = "TO_TIMESTAMP('" + state.cursorTs + "', 'YYYY-MM-DD HH24:MI:SS')";
            window = "(lastmodifieddate > " + at + " OR (lastmodifieddate >= " + at + " AND id > " + state.cursorId + "))";
        }
        StringBuilder q = new StringBuilder("SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS ")
                .append(MODIFIED_COLUMN);
        columns.forEach(c -> q.append(", ").append(c));
        q.append(" FROM ").append(table).append(" WHERE ");
        if (filter != null) {
            q.append('(').append(filter).append(") AND ");
        }
        q.append(window).append(" ORDER BY lastmodifieddate, id");
        SuiteQlPage page = client.suiteQl(q.toString(), pageSize, 0);

        List<SourceRecord<SuiteQlRow>> records = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        long highWater = state.highWater;
        String lastTs = state.cursorTs;
        String lastId = state.cursorId;
        Map<String, Long> seen = new LinkedHashMap<>(state.seen);
        for (SuiteQlRow row : page.rows()) {
            String id = row.id();
            ZonedDateTime modified;
            try {
                if (!DIGITS.matcher(id).matches()) {
                    throw MappingException.field(id, "id", "is not a NetSuite internal id");
                }
                modified = row.dateTime(MODIFIED_COLUMN, zone).orElseThrow(() ->
                        MappingException.field(id, "lastmodifieddate", "is missing"));
            } catch (SyncException e) {
                failures.add(new SourceFailure(id, row.values().toString(), e.withDetails(
                        e.details().withSystem(SourceSystem.NETSUITE))));
                continue;
            }
            lastTs = row.string(MODIFIED_COLUMN).orElseThrow();
            lastId = id;
            long second = modified.toEpochSecond();
            String key = id + "@" + second;
            highWater = Math.max(highWater, second);
            if (state.seen.containsKey(key)) {
                continue; // read by the previous sweep's overlap window
            }
            seen.put(key, second);
            records.add(new SourceRecord<>(id, key, modified.toInstant(), row));
        }
        boolean more = page.hasMore() && !page.rows().isEmpty();
        long floor = highWater - overlap.getSeconds();
        seen.values().removeIf(s -> s < floor);
        while (seen.size() > MAX_SEEN) {
            seen.remove(seen.keySet().iterator().next());
        }
        State next = more ? new State(highWater, lastTs, lastId, seen) : new State(highWater, null, null, seen);
        return new ChangePage<>(records, failures, next.encode(), more);
    }

    private static String timestamp(ZonedDateTime local) {
        return "TO_TIMESTAMP('" + SQL_TS.format(local) + "', 'YYYY-MM-DD HH24:MI:SS')";
    }

    /** The checkpoint: high-water mark (epoch seconds), the keyset cursor of a running sweep, the dedupe keys. */
    private record State(long highWater, @Nullable String cursorTs, @Nullable String cursorId, Map<String, Long> seen) {

        static State decode(Checkpoint c, Instant start) {
            if (c.isInitial()) {
                return new State(start.getEpochSecond(), null, null, Map.of());
            }
            try {
                JsonNode n = Json.mapper().readTree(c.value());
                Map<String, Long> seen = new LinkedHashMap<>();
                for (JsonNode k : n.path("seen")) {
                    String key = k.asText();
                    seen.put(key, Long.parseLong(key.substring(key.indexOf('@') + 1)));
                }
                String ts = n.hasNonNull("cursorTs") ? n.get("cursorTs").asText() : null;
                String id = n.hasNonNull("cursorId") ? n.get("cursorId").asText() : null;
                if (!n.path("hw").canConvertToLong() || (ts != null && !SQL_TS_PATTERN.matcher(ts).matches())
                        || (id != null && !DIGITS.matcher(id).matches())) {
                    throw new IllegalArgumentException("bad fields");
                }
                return new State(n.path("hw").asLong(), ts, id, seen);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a NetSuite change source checkpoint: " + c.value(), e);
            }
        }

        Checkpoint encode() {
            ObjectNode n = Json.mapper().createObjectNode().put("hw", highWater);
            if (cursorTs != null) {
                n.put("cursorTs", cursorTs).put("cursorId", cursorId);
            }
            ArrayNode keys = n.putArray("seen");
            seen.keySet().forEach(keys::add);
            return Checkpoint.of(Json.write(n));
        }
    }

    private static final Pattern SQL_TS_PATTERN = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

    @Override
    public String toString() {
        return "NetSuiteChangeSource[table=" + table + ", overlap=" + overlap + ", pageSize=" + pageSize
                + ", dateOnly=" + dateOnly + ", zone=" + zone + "]";
    }

    /** Configures a {@link NetSuiteChangeSource}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final NetSuiteClient client;
        private final String table;
        private @Nullable String recordType;
        private final List<String> columns = new ArrayList<>();
        private @Nullable String filter;
        private Duration overlap = Duration.ofMinutes(5);
        private int pageSize = 1000;
        private boolean dateOnly;
        private Instant start = Instant.EPOCH;

        private Builder(NetSuiteClient client, String table) {
            this.client = Objects.requireNonNull(client, "client");
            this.table = ident(table, "table");
        }

        /** The record type the pages are reported as (default the table name). */
        public Builder recordType(String value) {
            this.recordType = Objects.requireNonNull(value, "recordType");
            return this;
        }

        /** Columns to read besides {@code id} and the modification time, e.g. {@code companyname}. */
        public Builder columns(String... names) {
            for (String n : names) {
                columns.add(ident(n, "column"));
            }
            return this;
        }

        /** An extra SuiteQL condition, e.g. {@code type = 'SalesOrd'}; trusted text, never user input. */
        public Builder filter(String condition) {
            this.filter = Objects.requireNonNull(condition, "filter");
            return this;
        }

        /** How far back each sweep re-reads for records committed late; default 5 minutes. */
        public Builder overlap(Duration value) {
            Objects.requireNonNull(value, "overlap");
            if (value.isNegative()) {
                throw new IllegalArgumentException("overlap must not be negative");
            }
            this.overlap = value;
            return this;
        }

        /** Rows per poll, 1 to 1,000 (default 1,000). */
        public Builder pageSize(int value) {
            if (value < 1 || value > 1000) {
                throw new IllegalArgumentException("pageSize must be 1 to 1000");
            }
            this.pageSize = value;
            return this;
        }

        /** Start sweeps with a date-only filter widened to the account's local midnight (default: to the second). */
        public Builder dateOnlyFilter(boolean value) {
            this.dateOnly = value;
            return this;
        }

        /** Where the initial checkpoint starts (default the epoch: everything). */
        public Builder startAt(Instant value) {
            this.start = Objects.requireNonNull(value, "start");
            return this;
        }

        public NetSuiteChangeSource build() {
            return new NetSuiteChangeSource(this);
        }

        private static String ident(String value, String what) {
            Objects.requireNonNull(value, what);
            if (!IDENT.matcher(value).matches()) {
                throw new IllegalArgumentException("not a SuiteQL " + what + " name: " + value);
            }
            return value.toLowerCase(Locale.ROOT);
        }
    }
}
