package dev.synckit.core.jdbc;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.json.CanonicalJson;
import dev.synckit.core.Envelope;
import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.journal.Ack;
import dev.synckit.core.journal.AckAndClaim;
import dev.synckit.core.journal.Append;
import dev.synckit.core.journal.AppendResult;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.journal.DeadLetterQuery;
import dev.synckit.core.journal.DeadLetterStatus;
import dev.synckit.core.journal.EntryState;
import dev.synckit.core.journal.FailureRecord;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.JournalEntry;
import dev.synckit.core.journal.Lease;
import dev.synckit.core.journal.RawDeadLetter;
import dev.synckit.core.journal.Replays;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.store.CheckpointStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The journal on H2 or PostgreSQL. Deliveries live in {@code sk_delivery} only while they are pending,
 * in flight or held; completing one deletes it, a dead one moves to {@code sk_dead_letter}; the event
 * itself stays in {@code sk_event} (the de-duplication record) until retention.
 *
 * <p>The first live delivery of each (destination, business key) is flagged as the key's head; a claim
 * selects due heads in append order with {@code FOR UPDATE SKIP LOCKED} and leases them in the same
 * transaction, so its cost depends on the claim size, not on the backlog, and several engines (JVMs)
 * can claim from one PostgreSQL database. When a head leaves (completed, dead, skipped) the key's next
 * delivery is promoted. Appends lock their destinations exclusively and acknowledgements share them, so
 * sequence numbers become visible in order and a promotion always sees every committed append. On
 * PostgreSQL the common steps are one statement each, written so that their plans do not depend on the
 * statistics of a table whose rows live for seconds, and the table is vacuumed by the journal itself
 * ({@link DeliveryVacuum}); docs/architecture.md explains both. Thread-safe.
 */
final class JdbcJournal implements Journal {

    private static final String EVENT_COLUMNS = "e.event_type, e.schema_version, e.source_system, e.business_key,"
            + " e.correlation_id, e.causation_id, e.occurred_at, e.payload";

    private final Sql sql;
    private final Dialect dialect;
    private final Clock clock;
    private final CanonicalJson json;
    private final int maxReplays;
    private final DeliveryVacuum maintenance;

    JdbcJournal(Sql sql, Dialect dialect, Clock clock, CanonicalJson json, int maxReplays, long vacuumEvery) {
        this.sql = sql;
        this.dialect = dialect;
        this.clock = clock;
        this.json = json;
        this.maxReplays = maxReplays;
        this.maintenance = new DeliveryVacuum(sql, dialect == Dialect.POSTGRESQL ? vacuumEvery : 0);
    }

    /** How many times this journal vacuumed the delivery table (PostgreSQL). */
    long vacuumRuns() {
        return maintenance.runs();
    }

    /** Whether this journal still vacuums the delivery table itself. */
    boolean vacuumScheduled() {
        return maintenance.active();
    }

    // ------------------------------------------------------------------ append

    @Override
    public AppendResult append(List<Append> items) {
        return sql.inTransaction("journal append", c -> append(c, items));
    }

    @Override
    public AppendResult appendAndCheckpoint(List<Append> items, CheckpointStore checkpoints, String sourceId,
            Checkpoint checkpoint) {
        if (checkpoints instanceof JdbcCheckpointStore jdbc && jdbc.sharesDatabaseWith(sql)) {
            return sql.inTransaction("journal append with checkpoint", c -> {
                AppendResult result = append(c, items);
                jdbc.save(c, sourceId, checkpoint);
                return result;
            });
        }
        return Journal.super.appendAndCheckpoint(items, checkpoints, sourceId, checkpoint);
    }

    @Override
    public AppendResult appendAndCheckpoint(List<Append> items, List<RawDeadLetter> deadLetters,
            CheckpointStore checkpoints, String sourceId, Checkpoint checkpoint) {
        if (checkpoints instanceof JdbcCheckpointStore jdbc && jdbc.sharesDatabaseWith(sql)) {
            return sql.inTransaction("journal append with dead letters and checkpoint", c -> {
                AppendResult result = append(c, items);
                for (RawDeadLetter d : deadLetters) {
                    insertRaw(c, d.route(), d.recordId(), d.raw(), d.failure(), clock.instant());
                }
                jdbc.save(c, sourceId, checkpoint);
                return result;
            });
        }
        return Journal.super.appendAndCheckpoint(items, deadLetters, checkpoints, sourceId, checkpoint);
    }

    private AppendResult append(Connection c, List<Append> items) throws SQLException {
        if (items.isEmpty()) {
            return new AppendResult(0, 0);
        }
        // the items whose event is new: the first of each event id that the database does not hold yet
        List<Append> unique = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Set<String> destinations = new TreeSet<>();
        for (Append item : items) {
            if (seen.add(item.envelope().eventId())) {
                unique.add(item);
            }
            destinations.addAll(item.destinations());
        }
        // the payloads are encoded before the destinations are locked: the lock is held for SQL only
        List<String> payloads = new ArrayList<>(unique.size());
        for (Append item : unique) {
            payloads.add(json.writeEvent(item.envelope().payload()));
        }
        lock(c, true, destinations, false);
        Instant now = clock.instant();
        if (dialect == Dialect.POSTGRESQL) {
            return appendPostgres(c, items, unique, payloads, now);
        }
        Set<UUID> inserted = insertNewEvents(c, unique, payloads, now);
        Set<String> liveKeys = liveKeys(c, items);
        int appended = 0;
        int duplicates = 0;
        Set<UUID> delivered = new HashSet<>();
        try (PreparedStatement delivery = c.prepareStatement("INSERT INTO sk_delivery (destination, event_id,"
                + " business_key, state, attempts, next_attempt_at, is_head) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)")) {
            for (Append item : items) {
                Envelope e = item.envelope();
                if (!inserted.contains(e.eventId()) || !delivered.add(e.eventId())) {
                    duplicates += item.destinations().size();
                    continue;
                }
                for (String destination : new TreeSet<>(item.destinations())) {
                    delivery.setString(1, destination);
                    Sql.setUuid(delivery, 2, e.eventId());
                    delivery.setString(3, e.businessKey());
                    Sql.setInstant(delivery, 4, now);
                    // the first delivery of a key with nothing live before it is the key's head
                    delivery.setBoolean(5, liveKeys.add(destination + '\u0000' + e.businessKey()));
                    delivery.addBatch();
                    appended++;
                }
            }
            delivery.executeBatch();
        }
        return new AppendResult(appended, duplicates);
    }

    /**
     * PostgreSQL: the whole append is one statement whatever the batch size. The events go in as arrays
     * ({@code unnest}) with {@code ON CONFLICT DO NOTHING}, and the deliveries of the events that went in
     * follow in the same statement, in append order; a delivery is its key's head when it is the first of
     * its (destination, key) in the batch and nothing of that key is live (the probe is a scalar sub-query
     * with {@code LIMIT 1}: always an index probe, whatever the planner's statistics say of a table that
     * grows and shrinks at the event rate).
     */
    private static final String APPEND_POSTGRES = "WITH ev AS ("
            + "INSERT INTO sk_event (event_id, event_type, schema_version, source_system, business_key, correlation_id,"
            + " causation_id, occurred_at, payload, appended_at)"
            + " SELECT e.id, e.type, e.version, e.source, e.business_key, e.correlation_id, e.causation_id, e.occurred_at,"
            + " e.payload, CAST(? AS TIMESTAMPTZ)"
            + " FROM unnest(CAST(? AS UUID[]), CAST(? AS VARCHAR[]), CAST(? AS INT[]), CAST(? AS VARCHAR[]),"
            + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS UUID[]), CAST(? AS TIMESTAMPTZ[]), CAST(? AS TEXT[]))"
            + " AS e(id, type, version, source, business_key, correlation_id, causation_id, occurred_at, payload)"
            + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id),"
            + " wanted AS (SELECT w.id, w.destination, w.business_key, w.ord,"
            + " row_number() OVER (PARTITION BY w.destination, w.business_key ORDER BY w.ord) AS rank"
            + " FROM unnest(CAST(? AS UUID[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS INT[]))"
            + " AS w(id, destination, business_key, ord) JOIN ev ON ev.event_id = w.id)"
            + " INSERT INTO sk_delivery (destination, event_id, business_key, state, attempts, next_attempt_at, is_head)"
            + " SELECT w.destination, w.id, w.business_key, 'PENDING', 0, CAST(? AS TIMESTAMPTZ), w.rank = 1"
            + " AND (SELECT 1 FROM sk_delivery p WHERE p.destination = w.destination AND p.business_key = w.business_key"
            + " LIMIT 1) IS NULL"
            + " FROM wanted w ORDER BY w.ord RETURNING event_id";

    private static AppendResult appendPostgres(Connection c, List<Append> items, List<Append> unique,
            List<String> encoded, Instant now) throws SQLException {
        int n = unique.size();
        Object[] ids = new Object[n];
        Object[] types = new Object[n];
        Object[] versions = new Object[n];
        Object[] sources = new Object[n];
        Object[] keys = new Object[n];
        Object[] correlations = new Object[n];
        Object[] causations = new Object[n];
        Object[] occurred = new Object[n];
        Object[] payloads = new Object[n];
        List<Object> dIds = new ArrayList<>();
        List<Object> dDestinations = new ArrayList<>();
        List<Object> dKeys = new ArrayList<>();
        List<Object> dOrder = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Envelope e = unique.get(i).envelope();
            ids[i] = e.eventId().toString();
            types[i] = e.type();
            versions[i] = e.schemaVersion();
            sources[i] = e.sourceSystem().id();
            keys[i] = e.businessKey();
            correlations[i] = e.correlationId();
            causations[i] = e.causationId() == null ? null : e.causationId().toString();
            occurred[i] = e.occurredAt().toString();
            payloads[i] = encoded.get(i);
            for (String destination : new TreeSet<>(unique.get(i).destinations())) {
                dIds.add(ids[i]);
                dDestinations.add(destination);
                dKeys.add(e.businessKey());
                dOrder.add(dOrder.size());
            }
        }
        Set<UUID> delivered = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(APPEND_POSTGRES)) {
            Sql.setInstant(ps, 1, now);
            ps.setArray(2, c.createArrayOf("varchar", ids));
            ps.setArray(3, c.createArrayOf("varchar", types));
            ps.setArray(4, c.createArrayOf("int4", versions));
            ps.setArray(5, c.createArrayOf("varchar", sources));
            ps.setArray(6, c.createArrayOf("varchar", keys));
            ps.setArray(7, c.createArrayOf("varchar", correlations));
            ps.setArray(8, c.createArrayOf("varchar", causations));
            ps.setArray(9, c.createArrayOf("varchar", occurred));
            ps.setArray(10, c.createArrayOf("text", payloads));
            ps.setArray(11, c.createArrayOf("varchar", dIds.toArray()));
            ps.setArray(12, c.createArrayOf("varchar", dDestinations.toArray()));
            ps.setArray(13, c.createArrayOf("varchar", dKeys.toArray()));
            ps.setArray(14, c.createArrayOf("int4", dOrder.toArray()));
            Sql.setInstant(ps, 15, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    delivered.add(Sql.uuid(rs, "event_id"));
                }
            }
        }
        int appended = 0;
        int duplicates = 0;
        Set<UUID> counted = new HashSet<>();
        for (Append item : items) {
            if (delivered.contains(item.envelope().eventId()) && counted.add(item.envelope().eventId())) {
                appended += item.destinations().size();
            } else {
                duplicates += item.destinations().size();
            }
        }
        return new AppendResult(appended, duplicates);
    }

    /** H2: inserts the events the database does not hold yet (a look-up, then a batch) and returns their ids. */
    private static Set<UUID> insertNewEvents(Connection c, List<Append> unique, List<String> payloads, Instant now)
            throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        Set<UUID> existing = existingEvents(c, unique);
        try (PreparedStatement event = c.prepareStatement("INSERT INTO sk_event (event_id, event_type, schema_version,"
                + " source_system, business_key, correlation_id, causation_id, occurred_at, payload, appended_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < unique.size(); i++) {
                Append item = unique.get(i);
                if (!existing.contains(item.envelope().eventId())) {
                    bindEvent(event, 0, item.envelope(), payloads.get(i), now);
                    event.addBatch();
                    inserted.add(item.envelope().eventId());
                }
            }
            event.executeBatch();
        }
        return inserted;
    }

    /**
     * Appenders (and replays) lock the destinations they write to exclusively, acknowledgers (and skips)
     * share them: within a destination, sequence order is commit order, and a key's next head is promoted
     * from a state that holds every committed append. Different destinations do not wait for each other.
     * PostgreSQL: transaction-scoped advisory locks (SyncKit's own class id, the hash of the destination),
     * taken in hash order so that two lockers never wait for each other in a cycle; the same statement
     * sets up the transaction's planning ({@link #PLAN_FOR_QUEUE}) and, for acknowledgements, its commit
     * ({@link #RELAXED_COMMIT}). H2 has no shared or advisory locks: it locks one row exclusively for both
     * (one embedded process).
     */
    private void lock(Connection c, boolean exclusive, Collection<String> destinations, boolean relaxedCommit)
            throws SQLException {
        if (dialect == Dialect.H2) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sk_lock WHERE name = 'append' FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the sk_lock row 'append' is missing: run SyncKitDatabase.migrate()");
                }
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PLAN_FOR_QUEUE
                + (relaxedCommit ? ", " + RELAXED_COMMIT : "") + ", (SELECT count(*) FROM (SELECT "
                + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared") + "(" + LOCK_CLASS + ", s.h)"
                + " FROM (SELECT DISTINCT hashtext(d) AS h FROM unnest(CAST(? AS VARCHAR[])) AS d ORDER BY 1) s) l)")) {
            ps.setArray(1, c.createArrayOf("varchar", destinations.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    /** The class id of SyncKit's advisory locks ("SYNK"): the two-key space, apart from single-key locks. */
    private static final int LOCK_CLASS = 0x53594e4b;

    /**
     * PostgreSQL: a select-list item that turns sequential scans off for the rest of the transaction
     * ({@code SET LOCAL}), sent with the lock statement the transaction makes anyway. The delivery table's
     * live part is small, so a plan made when it was small (and cached by the driver's server-side
     * prepared statements) scans it sequentially, while between two vacuums it holds thousands of dead
     * rows: a sequential probe per key then costs what an index probe costs per batch. (Whole-index walks,
     * the other bad plan, are ruled out by how the statements are written: index probes, ctid changes.)
     */
    private static final String PLAN_FOR_QUEUE = "set_config('enable_seqscan', 'off', true)";

    /**
     * PostgreSQL: claims and acknowledgements commit without waiting for the WAL flush
     * ({@code synchronous_commit = off} for that transaction only). Their effect is visible to every other
     * session at once, and the database stays consistent; a server crash can forget the last fraction of a
     * second of them. A forgotten lease only hands the entry out again when it expires; a forgotten ack
     * delivers the entry again, and the engine's idempotency keys (recorded, durably, before the ack)
     * keep the second delivery from having a second effect. Appends, checkpoints, replays and skips keep
     * waiting for the flush: losing one of those would lose or repeat what a source or an operator was told
     * was done.
     */
    private static final String RELAXED_COMMIT = "set_config('synchronous_commit', 'off', true)";

    private static Set<String> destinationsOf(Collection<Ack> acks) {
        Set<String> out = new TreeSet<>();
        for (Ack ack : acks) {
            out.add(ack.entry().destination());
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** "destination\0key" of every (destination, key) of the items that has a live delivery now. */
    private static Set<String> liveKeys(Connection c, List<Append> items) throws SQLException {
        Map<String, Set<String>> keysByDestination = new HashMap<>();
        for (Append item : items) {
            for (String d : item.destinations()) {
                keysByDestination.computeIfAbsent(d, k -> new HashSet<>()).add(item.envelope().businessKey());
            }
        }
        Set<String> live = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : keysByDestination.entrySet()) {
            List<String> keys = new ArrayList<>(e.getValue());
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT business_key FROM sk_delivery"
                        + " WHERE destination = ? AND business_key IN (" + marks(chunk.size()) + ")")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            live.add(e.getKey() + '\u0000' + rs.getString(1));
                        }
                    }
                }
            }
        }
        return live;
    }

    /** Makes the oldest remaining delivery of each (destination, key) its head, after the head left. */
    private static void promoteHeads(Connection c, Collection<String[]> destinationAndKey) throws SQLException {
        Map<String, Set<String>> keysByDestination = new HashMap<>();
        for (String[] dk : destinationAndKey) {
            keysByDestination.computeIfAbsent(dk[0], k -> new HashSet<>()).add(dk[1]);
        }
        for (Map.Entry<String, Set<String>> e : keysByDestination.entrySet()) {
            List<String> keys = new ArrayList<>(e.getValue());
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                // two steps, not UPDATE … IN (subquery): H2 evaluates such a subquery once per row
                List<Long> heads = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT MIN(p.seq) FROM sk_delivery p"
                        + " WHERE p.destination = ? AND p.business_key IN (" + marks(chunk.size()) + ")"
                        + " GROUP BY p.business_key")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            heads.add(rs.getLong(1));
                        }
                    }
                }
                if (!heads.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE sk_delivery SET is_head = TRUE WHERE seq IN ("
                            + marks(heads.size()) + ")")) {
                        for (int i = 0; i < heads.size(); i++) {
                            ps.setLong(i + 1, heads.get(i));
                        }
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    private static Set<UUID> existingEvents(Connection c, List<Append> items) throws SQLException {
        Set<UUID> found = new HashSet<>();
        List<UUID> ids = items.stream().map(i -> i.envelope().eventId()).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM sk_event WHERE event_id IN (" + in + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    Sql.setUuid(ps, i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(Sql.uuid(rs, "event_id"));
                    }
                }
            }
        }
        return found;
    }

    /** Binds one event's ten columns, starting after parameter {@code offset}. */
    private static void bindEvent(PreparedStatement ps, int offset, Envelope e, String payload, Instant now)
            throws SQLException {
        Sql.setUuid(ps, offset + 1, e.eventId());
        ps.setString(offset + 2, e.type());
        ps.setInt(offset + 3, e.schemaVersion());
        ps.setString(offset + 4, e.sourceSystem().id());
        ps.setString(offset + 5, e.businessKey());
        ps.setString(offset + 6, e.correlationId());
        Sql.setUuid(ps, offset + 7, e.causationId());
        Sql.setInstant(ps, offset + 8, e.occurredAt());
        ps.setString(offset + 9, payload);
        Sql.setInstant(ps, offset + 10, now);
    }

    // ------------------------------------------------------------------ claim

    @Override
    public List<JournalEntry> claim(String destination, int max, String owner, Duration leaseDuration) {
        requireClaimSize(max);
        return sql.inTransaction("journal claim", c -> {
            if (dialect == Dialect.POSTGRESQL) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PLAN_FOR_QUEUE + ", " + RELAXED_COMMIT);
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            return claim(c, destination, max, owner, leaseDuration);
        });
    }

    private static void requireClaimSize(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
    }

    /** Claims inside the caller's transaction (which has set up the planning on PostgreSQL). */
    private List<JournalEntry> claim(Connection c, String destination, int max, String owner, Duration leaseDuration)
            throws SQLException {
        Instant now = clock.instant();
        Instant expires = now.plus(leaseDuration);
        // one lease token per claim: an ack must present it, and a re-claim makes a new one
        UUID token = UUID.randomUUID();
        List<Row> rows = dialect == Dialect.POSTGRESQL
                ? claimPostgres(c, destination, max, owner, now, expires, token)
                : claimH2(c, destination, max, owner, now, expires, token);
        List<JournalEntry> entries = new ArrayList<>();
        List<FailedDecode> undecodable = new ArrayList<>();
        for (Row row : rows) {
            try {
                Envelope envelope = row.envelope(json);
                entries.add(new JournalEntry(row.seq, destination, envelope, row.attempts, expires,
                        EntryState.IN_FLIGHT, new Lease(owner, token, expires), row.failure));
            } catch (RuntimeException e) {
                undecodable.add(new FailedDecode(row, e));
            }
        }
        if (!undecodable.isEmpty()) {
            lock(c, false, List.of(destination), true); // a promotion must see every committed append
            List<String[]> departed = new ArrayList<>();
            for (FailedDecode f : undecodable) {
                moveToDeadLetters(c, f.row, destination, new FailureRecord(FailureClass.REJECTED,
                        "UNDECODABLE_PAYLOAD", null, "cannot decode " + f.row.type + " v" + f.row.version + ": "
                        + f.cause.getMessage(), now), false, now);
                departed.add(new String[] {destination, f.row.businessKey});
            }
            promoteHeads(c, departed);
        }
        return entries;
    }

    /**
     * PostgreSQL: one statement picks the due heads ({@code FOR UPDATE SKIP LOCKED}, an ordered scan of the
     * claim index), leases them and returns them joined to their events.
     */
    private static final String CLAIM_POSTGRES = "WITH picked AS (SELECT ctid FROM sk_delivery"
            + " WHERE destination = ? AND is_head AND state <> 'HELD' AND next_attempt_at <= CAST(? AS TIMESTAMPTZ)"
            + " ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " claimed AS (UPDATE sk_delivery d SET state = 'IN_FLIGHT', attempts = d.attempts + 1, lease_owner = ?,"
            + " lease_token = CAST(? AS UUID), next_attempt_at = CAST(? AS TIMESTAMPTZ)"
            + " WHERE d.ctid = ANY(ARRAY(SELECT ctid FROM picked))"
            + " RETURNING d.seq, d.event_id, d.attempts, d.failure_class, d.failure_code, d.failure_field,"
            + " d.failure_message, d.failed_at)"
            + " SELECT d.*, " + EVENT_COLUMNS + " FROM claimed d JOIN sk_event e ON e.event_id = d.event_id ORDER BY d.seq";

    private static List<Row> claimPostgres(Connection c, String destination, int max, String owner, Instant now,
            Instant expires, UUID token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM_POSTGRES)) {
            ps.setString(1, destination);
            Sql.setInstant(ps, 2, now);
            ps.setInt(3, max);
            ps.setString(4, Sql.truncate(owner, 128));
            Sql.setUuid(ps, 5, token);
            Sql.setInstant(ps, 6, expires);
            return readRows(ps);
        }
    }

    /** H2 (no data-changing common table expressions): select the due heads, lease them, load them. */
    private static List<Row> claimH2(Connection c, String destination, int max, String owner, Instant now,
            Instant expires, UUID token) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.seq FROM sk_delivery d"
                + " WHERE d.destination = ? AND d.is_head AND d.state <> 'HELD' AND d.next_attempt_at <= ?"
                + " ORDER BY d.seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setString(1, destination);
            Sql.setInstant(ps, 2, now);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        if (seqs.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sk_delivery SET state = 'IN_FLIGHT',"
                + " attempts = attempts + 1, lease_owner = ?, lease_token = ?, next_attempt_at = ?"
                + " WHERE seq IN (" + marks(seqs.size()) + ")")) {
            ps.setString(1, Sql.truncate(owner, 128));
            Sql.setUuid(ps, 2, token);
            Sql.setInstant(ps, 3, expires);
            for (int i = 0; i < seqs.size(); i++) {
                ps.setLong(i + 4, seqs.get(i));
            }
            ps.executeUpdate();
        }
        return load(c, seqs);
    }

    private record FailedDecode(Row row, RuntimeException cause) {
    }

    /** A delivery joined with its event, as stored. */
    private static final class Row {
        long seq;
        UUID eventId;
        int attempts;
        @Nullable FailureRecord failure;
        String type;
        int version;
        String source;
        String businessKey;
        String correlationId;
        @Nullable UUID causationId;
        Instant occurredAt;
        String payload;

        Envelope envelope(CanonicalJson json) {
            BusinessEvent event = json.readEvent(type, version, payload);
            // the payload is upcast to the current version when read
            return new Envelope(eventId, type, event.schemaVersion(), SourceSystem.of(source), businessKey,
                    correlationId, causationId, occurredAt, event);
        }
    }

    private static List<Row> load(Connection c, List<Long> seqs) throws SQLException {
        String in = String.join(", ", java.util.Collections.nCopies(seqs.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT d.seq, d.event_id, d.attempts, d.failure_class,"
                + " d.failure_code, d.failure_field, d.failure_message, d.failed_at, " + EVENT_COLUMNS
                + " FROM sk_delivery d JOIN sk_event e ON e.event_id = d.event_id WHERE d.seq IN (" + in + ")"
                + " ORDER BY d.seq")) {
            for (int i = 0; i < seqs.size(); i++) {
                ps.setLong(i + 1, seqs.get(i));
            }
            return readRows(ps);
        }
    }

    /** Reads deliveries joined with their events ({@code d.*} of a delivery and {@link #EVENT_COLUMNS}). */
    private static List<Row> readRows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row r = new Row();
                r.seq = rs.getLong("seq");
                r.eventId = Sql.uuid(rs, "event_id");
                r.attempts = rs.getInt("attempts");
                String failureClass = rs.getString("failure_class");
                r.failure = failureClass == null ? null : new FailureRecord(FailureClass.valueOf(failureClass),
                        rs.getString("failure_code"), rs.getString("failure_field"), rs.getString("failure_message"),
                        Sql.instant(rs, "failed_at"));
                r.type = rs.getString("event_type");
                r.version = rs.getInt("schema_version");
                r.source = rs.getString("source_system");
                r.businessKey = rs.getString("business_key");
                r.correlationId = rs.getString("correlation_id");
                r.causationId = Sql.uuid(rs, "causation_id");
                r.occurredAt = Sql.instant(rs, "occurred_at");
                r.payload = rs.getString("payload");
                rows.add(r);
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ acknowledge

    @Override
    public int acknowledge(Collection<Ack> acks) {
        if (acks.isEmpty()) {
            return 0;
        }
        int refused = sql.inTransaction("journal acknowledge", c -> {
            lock(c, false, destinationsOf(acks), true);
            return acknowledge(c, acks);
        });
        maintenance.departed(acks.size() - refused);
        return refused;
    }

    /**
     * PostgreSQL: the acks and the next claim in one transaction, under one lock statement (which also
     * sets up the planning and the commit), so a worker's cycle costs one commit instead of two.
     */
    @Override
    public AckAndClaim acknowledgeAndClaim(Collection<Ack> acks, String destination, int max, String owner,
            Duration leaseDuration) {
        if (dialect != Dialect.POSTGRESQL || acks.isEmpty()) {
            return Journal.super.acknowledgeAndClaim(acks, destination, max, owner, leaseDuration);
        }
        requireClaimSize(max);
        AckAndClaim result = sql.inTransaction("journal acknowledge and claim", c -> {
            Set<String> destinations = destinationsOf(acks);
            destinations.add(destination);
            lock(c, false, destinations, true);
            int refused = acknowledge(c, acks);
            return new AckAndClaim(refused, claim(c, destination, max, owner, leaseDuration));
        });
        maintenance.departed(acks.size() - result.refused());
        return result;
    }

    /** Acks inside the caller's transaction, which holds the lock of their destinations. */
    private int acknowledge(Connection c, Collection<Ack> acks) throws SQLException {
        Instant now = clock.instant();
        if (dialect != Dialect.POSTGRESQL) {
            return acknowledgeEach(c, acks, now);
        }
        List<Ack> completed = new ArrayList<>();
        List<Ack> others = new ArrayList<>();
        for (Ack ack : acks) {
            (ack instanceof Ack.Completed ? completed : others).add(ack);
        }
        return completePostgres(c, completed) + acknowledgeEach(c, others, now);
    }

    /**
     * PostgreSQL, completed deliveries (the common case): one statement deletes the deliveries whose lease
     * token still matches (a compare-and-set: an ack under an expired, re-granted lease deletes nothing) and
     * promotes the next delivery of each of their keys (each deleted delivery was its key's head, so the
     * next one is the first later one of the key) and marks the keys' older open dead letters superseded.
     *
     * <p>Rows are found by per-row index probes (scalar sub-queries with {@code LIMIT 1}, which the planner
     * cannot turn into joins) and then changed by their physical address ({@code ctid}): the plan stays
     * right however wrong the planner's idea of the table's size is. (It sees a handful of live rows after
     * each vacuum; by the next one the table holds thousands of dead rows, and a join or an index walk
     * planned for a handful costs milliseconds per batch.) A row changed by someone else meanwhile has a
     * new address, so the change skips it: the compare-and-set still holds.
     */
    private static final String COMPLETE_POSTGRES = "WITH del AS (DELETE FROM sk_delivery d WHERE d.ctid = ANY(ARRAY("
            + "SELECT (SELECT x.ctid FROM sk_delivery x WHERE x.seq = a.seq AND x.destination = a.destination"
            + " AND x.business_key = a.business_key AND x.lease_token = a.token AND x.state = 'IN_FLIGHT' LIMIT 1)"
            + " FROM unnest(CAST(? AS BIGINT[]), CAST(? AS UUID[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]))"
            + " AS a(seq, token, destination, business_key)))"
            + " RETURNING d.seq, d.destination, d.business_key),"
            + " promoted AS (UPDATE sk_delivery n SET is_head = TRUE WHERE n.ctid = ANY(ARRAY("
            + "SELECT (SELECT p.ctid FROM sk_delivery p WHERE p.destination = del.destination"
            + " AND p.business_key = del.business_key AND p.seq > del.seq ORDER BY p.seq LIMIT 1) FROM del))"
            + " RETURNING n.seq),"
            + " superseded AS (UPDATE sk_dead_letter l SET status = 'SUPERSEDED' FROM del WHERE l.route = del.destination"
            + " AND l.record_id = del.business_key AND l.status = 'OPEN' AND l.delivery_seq < del.seq RETURNING l.id)"
            + " SELECT seq FROM del";

    private static int completePostgres(Connection c, List<Ack> completed) throws SQLException {
        if (completed.isEmpty()) {
            return 0;
        }
        Object[] seqs = new Object[completed.size()];
        Object[] tokens = new Object[completed.size()];
        Object[] destinations = new Object[completed.size()];
        Object[] keys = new Object[completed.size()];
        for (int i = 0; i < seqs.length; i++) {
            JournalEntry e = completed.get(i).entry();
            seqs[i] = e.sequence();
            tokens[i] = e.lease() == null ? null : e.lease().token().toString();
            // the key columns too: every index of the table then finds the row directly, whichever the
            // planner picks for a table it last saw nearly empty
            destinations[i] = e.destination();
            keys[i] = e.envelope().businessKey();
        }
        Set<Long> deleted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(COMPLETE_POSTGRES)) {
            ps.setArray(1, c.createArrayOf("int8", seqs));
            ps.setArray(2, c.createArrayOf("varchar", tokens));
            ps.setArray(3, c.createArrayOf("varchar", destinations));
            ps.setArray(4, c.createArrayOf("varchar", keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deleted.add(rs.getLong(1));
                }
            }
        }
        return completed.size() - deleted.size();
    }

    /** Any acks, each by its kind, under the lock the caller holds; returns how many were refused. */
    private int acknowledgeEach(Connection c, Collection<Ack> acks, Instant now) throws SQLException {
        if (acks.isEmpty()) {
            return 0;
        }
        int refused = 0;
        List<String[]> departed = new ArrayList<>();
        List<Ack> accepted = new ArrayList<>();
        // guard every ack by its lease token: an ack under an expired, re-granted lease is refused
        Map<Long, UUID> current = new HashMap<>();
        List<Long> seqs = new ArrayList<>();
        for (Ack ack : acks) {
            seqs.add(ack.entry().sequence());
        }
        for (int from = 0; from < seqs.size(); from += 500) {
            List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + 500));
            try (PreparedStatement lock = c.prepareStatement("SELECT seq, lease_token FROM sk_delivery WHERE seq IN ("
                    + marks(chunk.size()) + ") AND state = 'IN_FLIGHT' FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    lock.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        current.put(rs.getLong(1), Sql.uuid(rs, "lease_token"));
                    }
                }
            }
        }
        for (Ack ack : acks) {
            JournalEntry e = ack.entry();
            if (e.lease() != null && e.lease().token().equals(current.get(e.sequence()))) {
                accepted.add(ack);
            } else {
                refused++;
            }
        }
        List<Long> completed = new ArrayList<>();
        Map<String, Set<String>> completedKeys = new HashMap<>();
        try (PreparedStatement retry = c.prepareStatement("UPDATE sk_delivery SET state = 'PENDING',"
                + " next_attempt_at = ?, lease_owner = NULL, lease_token = NULL, failure_class = ?,"
                + " failure_code = ?, failure_field = ?, failure_message = ?, failed_at = ? WHERE seq = ?")) {
            boolean retries = false;
            for (Ack ack : accepted) {
                JournalEntry e = ack.entry();
                if (ack instanceof Ack.Completed) {
                    completed.add(e.sequence());
                    completedKeys.computeIfAbsent(e.destination(), k -> new HashSet<>()).add(e.envelope().businessKey());
                    departed.add(new String[] {e.destination(), e.envelope().businessKey()});
                } else if (ack instanceof Ack.Retry r) {
                    Sql.setInstant(retry, 1, r.at());
                    bindFailure(retry, 2, r.failure());
                    retry.setLong(7, e.sequence());
                    retry.addBatch();
                    retries = true;
                }
            }
            if (retries) {
                retry.executeBatch();
            }
        }
        for (int from = 0; from < completed.size(); from += 500) {
            List<Long> chunk = completed.subList(from, Math.min(completed.size(), from + 500));
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sk_delivery WHERE seq IN ("
                    + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setLong(i + 1, chunk.get(i));
                }
                delete.executeUpdate();
            }
        }
        supersede(c, accepted, completedKeys);
        for (Ack ack : accepted) {
            if (ack instanceof Ack.Dead dead) {
                Row row = load(c, List.of(dead.entry().sequence())).get(0);
                moveToDeadLetters(c, row, dead.entry().destination(), dead.failure(), dead.holdKey(), now);
                if (!dead.holdKey()) {
                    departed.add(new String[] {dead.entry().destination(), row.businessKey});
                }
            }
        }
        promoteHeads(c, departed);
        return refused;
    }

    /**
     * Marks open dead letters superseded by the completed deliveries: one look-up per destination, and an
     * update only for the records that have an open dead letter (rare).
     */
    private static void supersede(Connection c, List<Ack> accepted, Map<String, Set<String>> completedKeys)
            throws SQLException {
        for (Map.Entry<String, Set<String>> e : completedKeys.entrySet()) {
            List<String> keys = new ArrayList<>(e.getValue());
            Set<String> withOpen = new HashSet<>();
            for (int from = 0; from < keys.size(); from += 500) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT record_id FROM sk_dead_letter"
                        + " WHERE route = ? AND status = 'OPEN' AND record_id IN (" + marks(chunk.size()) + ")")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            withOpen.add(rs.getString(1));
                        }
                    }
                }
            }
            if (withOpen.isEmpty()) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sk_dead_letter SET status = 'SUPERSEDED'"
                    + " WHERE route = ? AND record_id = ? AND status = 'OPEN' AND delivery_seq < ?")) {
                for (Ack ack : accepted) {
                    JournalEntry entry = ack.entry();
                    if (ack instanceof Ack.Completed && entry.destination().equals(e.getKey())
                            && withOpen.contains(entry.envelope().businessKey())) {
                        ps.setString(1, entry.destination());
                        ps.setString(2, entry.envelope().businessKey());
                        ps.setLong(3, entry.sequence());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private static void bindFailure(PreparedStatement ps, int from, FailureRecord f) throws SQLException {
        ps.setString(from, f.failureClass().name());
        ps.setString(from + 1, Sql.truncate(f.code(), 128));
        ps.setString(from + 2, f.field() == null ? null : Sql.truncate(f.field(), 512));
        ps.setString(from + 3, Sql.truncate(f.message(), 4000));
        Sql.setInstant(ps, from + 4, f.at());
    }

    /** Copies the delivery and its event into a dead letter; deletes the delivery, or holds it (strict order). */
    private void moveToDeadLetters(Connection c, Row row, String destination, FailureRecord failure, boolean holdKey,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sk_dead_letter (route, record_id, delivery_seq,"
                + " event_id, event_type, schema_version, source_system, correlation_id, causation_id, occurred_at,"
                + " payload, raw, attempts, failure_class, failure_code, failure_field, failure_message, failed_at,"
                + " status, replays, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?,"
                + " 'OPEN', 0, ?)")) {
            ps.setString(1, destination);
            ps.setString(2, row.businessKey);
            ps.setLong(3, row.seq);
            Sql.setUuid(ps, 4, row.eventId);
            ps.setString(5, row.type);
            ps.setInt(6, row.version);
            ps.setString(7, row.source);
            ps.setString(8, row.correlationId);
            Sql.setUuid(ps, 9, row.causationId);
            Sql.setInstant(ps, 10, row.occurredAt);
            ps.setString(11, row.payload);
            ps.setInt(12, row.attempts);
            bindFailure(ps, 13, failure);
            Sql.setInstant(ps, 18, now);
            ps.executeUpdate();
        }
        String next = holdKey
                ? "UPDATE sk_delivery SET state = 'HELD', lease_owner = NULL, lease_token = NULL WHERE seq = ?"
                : "DELETE FROM sk_delivery WHERE seq = ?";
        try (PreparedStatement ps = c.prepareStatement(next)) {
            ps.setLong(1, row.seq);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ dead letters

    @Override
    public DeadLetter deadLetterRaw(String route, String recordId, String raw, FailureRecord failure) {
        return sql.inTransaction("dead letter", c -> insertRaw(c, route, recordId, raw, failure, clock.instant()));
    }

    private static DeadLetter insertRaw(Connection c, String route, String recordId, String raw, FailureRecord failure,
            Instant now) throws SQLException {
        {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sk_dead_letter (route, record_id, raw, attempts,"
                    + " failure_class, failure_code, failure_field, failure_message, failed_at, status, replays,"
                    + " created_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 'OPEN', 0, ?)", new String[] {"id"})) {
                ps.setString(1, route);
                ps.setString(2, Sql.truncate(recordId, 255));
                ps.setString(3, raw);
                bindFailure(ps, 4, failure);
                Sql.setInstant(ps, 9, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new DeadLetter(keys.getLong(1), route, recordId, null, raw, 1, failure,
                            DeadLetterStatus.OPEN, 0, now);
                }
            }
        }
    }

    @Override
    public List<DeadLetter> deadLetters(DeadLetterQuery q) {
        return sql.inTransaction("dead letter query", c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (q.route() != null) {
                where.append(" AND route = ?");
                args.add(q.route());
            }
            if (q.code() != null) {
                where.append(" AND failure_code = ?");
                args.add(q.code());
            }
            if (q.recordId() != null) {
                where.append(" AND record_id = ?");
                args.add(q.recordId());
            }
            if (q.status() != null) {
                where.append(" AND status = ?");
                args.add(q.status().name());
            }
            if (q.from() != null) {
                where.append(" AND created_at >= ?");
                args.add(q.from());
            }
            if (q.to() != null) {
                where.append(" AND created_at < ?");
                args.add(q.to());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sk_dead_letter" + where + " ORDER BY id LIMIT ?")) {
                int i = 1;
                for (Object arg : args) {
                    if (arg instanceof Instant at) {
                        Sql.setInstant(ps, i++, at);
                    } else {
                        ps.setString(i++, (String) arg);
                    }
                }
                ps.setInt(i, q.limit());
                return readDeadLetters(ps);
            }
        });
    }

    private List<DeadLetter> readDeadLetters(PreparedStatement ps) throws SQLException {
        List<DeadLetter> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(deadLetter(rs));
            }
        }
        return out;
    }

    private DeadLetter deadLetter(ResultSet rs) throws SQLException {
        FailureRecord failure = new FailureRecord(FailureClass.valueOf(rs.getString("failure_class")),
                rs.getString("failure_code"), rs.getString("failure_field"), rs.getString("failure_message"),
                Sql.instant(rs, "failed_at"));
        Envelope envelope = null;
        String raw = rs.getString("raw");
        String payload = rs.getString("payload");
        if (payload != null) {
            try {
                Row r = new Row();
                r.eventId = Sql.uuid(rs, "event_id");
                r.type = rs.getString("event_type");
                r.version = rs.getInt("schema_version");
                r.source = rs.getString("source_system");
                r.businessKey = rs.getString("record_id");
                r.correlationId = rs.getString("correlation_id");
                r.causationId = Sql.uuid(rs, "causation_id");
                r.occurredAt = Sql.instant(rs, "occurred_at");
                r.payload = payload;
                envelope = r.envelope(json);
            } catch (RuntimeException e) {
                raw = payload; // cannot be decoded any more: show it as text
            }
        }
        return new DeadLetter(rs.getLong("id"), rs.getString("route"), rs.getString("record_id"), envelope, raw,
                rs.getInt("attempts"), failure, DeadLetterStatus.valueOf(rs.getString("status")), rs.getInt("replays"),
                Sql.instant(rs, "created_at"));
    }

    @Override
    public long deadLetterCount(String route) {
        return sql.inTransaction("dead letter count", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM sk_dead_letter WHERE route = ? AND status = 'OPEN'")) {
                ps.setString(1, route);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<DeadLetter> deadLetter(long id) {
        return sql.inTransaction("dead letter", c -> Optional.ofNullable(deadLetter(c, id, false)));
    }

    private @Nullable DeadLetter deadLetter(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sk_dead_letter WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            List<DeadLetter> found = readDeadLetters(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static @Nullable Long heldDelivery(Connection c, long deadLetterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.seq FROM sk_dead_letter l JOIN sk_delivery d"
                + " ON d.seq = l.delivery_seq WHERE l.id = ? AND d.state = 'HELD'")) {
            ps.setLong(1, deadLetterId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * Locks the route of a dead letter (a route never changes) before the dead letter's row is locked, in
     * the order acknowledgements take them: an acknowledgement that supersedes this dead letter holds its
     * route's lock while it waits for the row.
     */
    private void lockRouteOf(Connection c, long deadLetterId, boolean exclusive) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT route FROM sk_dead_letter WHERE id = ?")) {
            ps.setLong(1, deadLetterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    lock(c, exclusive, List.of(rs.getString(1)), false);
                }
            }
        }
    }

    @Override
    public Envelope replay(long deadLetterId, @Nullable BusinessEvent edited) {
        return sql.inTransaction("dead letter replay", c -> {
            lockRouteOf(c, deadLetterId, true);
            DeadLetter d = deadLetter(c, deadLetterId, true);
            Instant now = clock.instant();
            Envelope replayed = Replays.next(d, deadLetterId, edited, maxReplays, now);
            try (PreparedStatement event = c.prepareStatement("INSERT INTO sk_event (event_id, event_type,"
                    + " schema_version, source_system, business_key, correlation_id, causation_id, occurred_at, payload,"
                    + " appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindEvent(event, 0, replayed, json.writeEvent(replayed.payload()), now);
                event.executeUpdate();
            }
            Long held = heldDelivery(c, deadLetterId);
            String delivery = held != null
                    // strict order: the replay takes the held delivery's place in the key's order
                    ? "UPDATE sk_delivery SET event_id = ?, state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                            + " failure_class = NULL, failure_code = NULL, failure_field = NULL, failure_message = NULL,"
                            + " failed_at = NULL WHERE seq = ?"
                    : "INSERT INTO sk_delivery (event_id, next_attempt_at, destination, business_key, is_head, state,"
                            + " attempts) VALUES (?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM sk_delivery p"
                            + " WHERE p.destination = ? AND p.business_key = ?), 'PENDING', 0)";
            try (PreparedStatement ps = c.prepareStatement(delivery)) {
                Sql.setUuid(ps, 1, replayed.eventId());
                Sql.setInstant(ps, 2, now);
                if (held != null) {
                    ps.setLong(3, held);
                } else {
                    ps.setString(3, d.route());
                    ps.setString(4, replayed.businessKey());
                    ps.setString(5, d.route());
                    ps.setString(6, replayed.businessKey());
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sk_dead_letter SET status = 'REPLAYED', replays = replays + 1 WHERE id = ?")) {
                ps.setLong(1, deadLetterId);
                ps.executeUpdate();
            }
            return replayed;
        });
    }

    @Override
    public void skip(long deadLetterId) {
        sql.inTransaction("dead letter skip", c -> {
            lockRouteOf(c, deadLetterId, false);
            DeadLetter d = deadLetter(c, deadLetterId, true);
            Replays.requireOpen(d, deadLetterId);
            Long held = heldDelivery(c, deadLetterId);
            if (held != null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sk_delivery WHERE seq = ?")) {
                    ps.setLong(1, held);
                    ps.executeUpdate();
                }
                promoteHeads(c, List.<String[]>of(new String[] {d.route(), d.recordId()}));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sk_dead_letter SET status = 'SKIPPED' WHERE id = ?")) {
                ps.setLong(1, deadLetterId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ backlog, retention

    @Override
    public long backlog(String destination) {
        return sql.inTransaction("journal backlog", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM sk_delivery WHERE destination = ? AND state <> 'HELD'")) {
                ps.setString(1, destination);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<Instant> nextAttemptAt(String destination) {
        return sql.inTransaction("journal next attempt", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM sk_delivery"
                    + " WHERE destination = ? AND is_head AND state <> 'HELD'")) {
                ps.setString(1, destination);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(Sql.instant(rs, 1));
                }
            }
        });
    }

    /** Rows removed per statement during retention. */
    private static final int PURGE_BATCH = 1000;

    @Override
    public int purge(Instant cutoff) {
        int total = 0;
        String[] statements = {
            // events no live delivery still needs
            "DELETE FROM sk_event WHERE event_id IN (SELECT e.event_id FROM sk_event e WHERE e.appended_at < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM sk_delivery d WHERE d.event_id = e.event_id) LIMIT " + PURGE_BATCH + ")",
            "DELETE FROM sk_dead_letter WHERE id IN (SELECT id FROM sk_dead_letter WHERE created_at < ?"
                    + " AND status <> 'OPEN' LIMIT " + PURGE_BATCH + ")",
        };
        for (String statement : statements) {
            int removed;
            do {
                removed = sql.inTransaction("journal purge", c -> {
                    try (PreparedStatement ps = c.prepareStatement(statement)) {
                        Sql.setInstant(ps, 1, cutoff);
                        return ps.executeUpdate();
                    }
                });
                total += removed;
            } while (removed == PURGE_BATCH);
        }
        return total;
    }

}
