package dev.synckit.core;

import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.core.audit.AuditEntry;
import dev.synckit.core.audit.AuditLog;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.internal.StandaloneMappingContext;
import dev.synckit.core.journal.Ack;
import dev.synckit.core.journal.AckAndClaim;
import dev.synckit.core.journal.Append;
import dev.synckit.core.journal.AppendResult;
import dev.synckit.core.journal.FailureRecord;
import dev.synckit.core.jdbc.SyncKitDatabase;
import dev.synckit.core.metrics.SyncMetrics;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.RawDeadLetter;
import dev.synckit.core.journal.JournalEntry;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.ResultValidator;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.SourceFailure;
import dev.synckit.core.spi.SourceRecord;
import dev.synckit.core.spi.WriteOutcome;
import dev.synckit.core.store.CheckpointStore;
import dev.synckit.core.store.IdempotencyKey;
import dev.synckit.core.store.IdempotencyStore;
import dev.synckit.core.store.XrefEntry;
import dev.synckit.core.store.XrefStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs routes: one poller thread per inbound route (source → mapper → journal) and a bounded pool of
 * workers that deliver journaled entries to the outbound routes (journal → mapper → sink).
 *
 * <pre>{@code
 * try (SyncEngine engine = SyncEngine.builder()
 *         .inbound(InboundRoute.builder("salesforce-accounts", accounts, accountMapper, EntityBinding.customers()).build())
 *         .outbound(OutboundRoute.builder("netsuite-customers", EntityBinding.customers(), customerMapper, customers).build())
 *         .build()) {
 *     RunSummary summary = engine.runUntilIdle(Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Guarantees: a source's checkpoint is saved only after the page's changes are journaled (a crash
 * re-reads, never skips); a record that cannot be read, mapped or written becomes a dead letter with
 * its cause (never only a log line); entries of one business key are delivered one at a time, in
 * order; a delivery already applied (same event, same route) is not applied again.
 *
 * <p>Thread-safe. {@link #close()} stops polling, lets workers finish the batch in hand, and waits for
 * every thread to end.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final int MAX_RAW_CHARS = 64 * 1024;

    private final Journal journal;
    private final XrefStore xref;
    private final CheckpointStore checkpoints;
    private final IdempotencyStore idempotency;
    private final AuditLog audit;
    private final SyncMetrics metrics;
    private final Map<String, Long> backlogReportedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;
    private final ResultValidator validator;
    private final StandaloneMappingContext context;
    private final List<InboundRoute<?, ?>> inbound;
    private final List<OutboundRoute<?, ?>> outbound;
    private final int workers;
    private final Duration leaseDuration;
    private final Duration idleWait;
    private final long maxBacklog;
    private final String owner;
    private final Duration shutdownTimeout;
    private final @Nullable SyncKitDatabase database;
    private final @Nullable Duration retention;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final Condition work = lock.newCondition();
    private final Condition pollNow = lock.newCondition();
    private final Map<String, Counters> counters = new LinkedHashMap<>();
    private final Map<String, AtomicLong> caughtUp = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closed;
    private volatile @Nullable Instant startedAt;
    private final AtomicLong wakeups = new AtomicLong();

    private SyncEngine(Builder b) {
        this.clock = b.clock;
        this.journal = b.journal != null ? b.journal : Journal.inMemory(b.clock);
        this.xref = b.xref;
        this.checkpoints = b.checkpoints;
        this.idempotency = b.idempotency;
        this.audit = b.audit;
        this.metrics = b.metrics;
        this.validator = b.validator;
        this.context = StandaloneMappingContext.create(xref, b.codeTables, clock);
        this.inbound = List.copyOf(b.inbound);
        this.outbound = List.copyOf(b.outbound);
        this.workers = b.workers;
        this.leaseDuration = b.leaseDuration;
        this.idleWait = b.idleWait;
        this.maxBacklog = b.maxBacklog;
        this.owner = b.owner;
        this.shutdownTimeout = b.shutdownTimeout;
        this.database = b.database;
        this.retention = b.retention;
        for (InboundRoute<?, ?> r : inbound) {
            counters.put(r.id(), new Counters());
            caughtUp.put(r.id(), new AtomicLong());
        }
        for (OutboundRoute<?, ?> r : outbound) {
            counters.put(r.id(), new Counters());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The journal the engine uses (for dead-letter queries and backlog). */
    public Journal journal() {
        return journal;
    }

    /**
     * Replays a dead letter (see {@link Journal#replay}) and audits who did it.
     *
     * @param edited the corrected event, or {@code null} to send the original again
     * @param operator who asked, for the audit log
     */
    public Envelope replay(long deadLetterId, @Nullable BusinessEvent edited, String operator) {
        Envelope replayed = journal.replay(deadLetterId, edited);
        audit.record(List.of(new AuditEntry(clock.instant(), "REPLAY", journal.deadLetter(deadLetterId)
                .map(d -> d.route()).orElse("?"), null, replayed.businessKey(), replayed.eventId(),
                replayed.correlationId(), null, null, operator, "dead letter " + deadLetterId
                + (edited == null ? "" : ", payload edited"))));
        wakeUp();
        return replayed;
    }

    /** Skips a dead letter (see {@link Journal#skip}) and audits who did it. */
    public void skip(long deadLetterId, String operator) {
        journal.skip(deadLetterId);
        var letter = journal.deadLetter(deadLetterId);
        audit.record(List.of(new AuditEntry(clock.instant(), "SKIP", letter.map(d -> d.route()).orElse("?"), null,
                letter.map(d -> d.recordId()).orElse("?"), letter.flatMap(d -> d.envelopeOptional())
                .map(Envelope::eventId).orElse(null), null, null, null, operator, "dead letter " + deadLetterId)));
        wakeUp();
    }

    /** The cross-reference store the engine uses. */
    public XrefStore xref() {
        return xref;
    }

    /** Starts polling and delivering in the background. Calling it again does nothing. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        if (running) {
            return;
        }
        running = true;
        startedAt = clock.instant();
        for (InboundRoute<?, ?> route : inbound) {
            threads.add(thread("synckit-poll-" + route.id(), () -> pollLoop(route)));
        }
        for (int i = 0; i < workers; i++) {
            int index = i;
            threads.add(thread("synckit-worker-" + i, () -> workLoop(index)));
        }
        if (database != null && retention != null) {
            threads.add(thread("synckit-retention", this::retentionLoop));
        }
        threads.forEach(Thread::start);
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts the engine if needed and waits until every source has been read to its end (after this
     * call) and every outbound backlog is empty, or until the timeout. Entries waiting for a retry count
     * as backlog; dead letters do not.
     *
     * @return the summary; {@link RunSummary#idle()} says whether it got there in time
     */
    public RunSummary runUntilIdle(Duration timeout) {
        start();
        Map<String, Long> before = new HashMap<>();
        caughtUp.forEach((id, gen) -> before.put(id, gen.get()));
        long deadline = System.nanoTime() + timeout.toNanos();
        wakeUp();
        lock.lock();
        try {
            while (!isIdle(before)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return summary(false);
                }
                progress.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return summary(false);
        } finally {
            lock.unlock();
        }
        return summary(true);
    }

    private boolean isIdle(Map<String, Long> before) {
        for (InboundRoute<?, ?> r : inbound) {
            boolean halted = counters.get(r.id()).halted != null;
            if (!halted && caughtUp.get(r.id()).get() <= before.get(r.id())) {
                return false;
            }
        }
        for (OutboundRoute<?, ?> r : outbound) {
            if (journal.backlog(r.id()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Wakes pollers and workers now (e.g. after a test advanced its clock). */
    public void wakeUp() {
        wakeups.incrementAndGet();
        lock.lock();
        try {
            progress.signalAll();
            work.signalAll();
            pollNow.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What the engine has done so far. */
    public RunSummary summary() {
        Map<String, Long> never = new HashMap<>();
        caughtUp.forEach((id, gen) -> never.put(id, 0L));
        return summary(running && isIdle(never));
    }

    private RunSummary summary(boolean idle) {
        Instant start = startedAt;
        Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, clock.instant());
        List<RouteStats> in = inbound.stream().map(r -> counters.get(r.id()).snapshot(r.id())).toList();
        List<RouteStats> out = outbound.stream().map(r -> counters.get(r.id()).snapshot(r.id())).toList();
        return new RunSummary(elapsed, idle, in, out);
    }

    /** Stops polling, lets workers finish their current batch, and waits for every thread to end. */
    @Override
    public void close() {
        List<Thread> toJoin;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            toJoin = List.copyOf(threads);
        }
        wakeUp();
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        for (Thread t : toJoin) {
            try {
                long left = deadline - System.nanoTime();
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (t.isAlive()) {
                    LOG.warn("{} did not stop within {}; interrupting it", t.getName(), shutdownTimeout);
                    t.interrupt();
                    t.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether every engine thread has ended (after {@link #close()}). */
    public boolean isTerminated() {
        synchronized (this) {
            return closed && threads.stream().noneMatch(Thread::isAlive);
        }
    }

    private void signal() {
        signal(progress);
    }

    private void signalWork() {
        signal(work);
        signal(progress);
    }

    private void signal(Condition condition) {
        lock.lock();
        try {
            condition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits once on a condition, unless the engine stopped or was woken since {@code seen}. */
    private void await(Condition condition, Duration max, long seen) {
        lock.lock();
        try {
            if (running && seen == wakeups.get()) {
                condition.await(Math.max(1, max.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Waits the whole interval (spurious and progress wake-ups aside) unless woken or stopped. */
    private void awaitPollInterval(Duration interval) {
        long seen = wakeups.get();
        long deadline = System.nanoTime() + interval.toNanos();
        lock.lock();
        try {
            long left;
            while (running && seen == wakeups.get() && (left = deadline - System.nanoTime()) > 0) {
                pollNow.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- inbound

    private <R, C> void pollLoop(InboundRoute<R, C> route) {
        Counters c = counters.get(route.id());
        Checkpoint checkpoint = checkpoints.load(route.id()).orElse(Checkpoint.initial());
        int consecutiveFailures = 0;
        RetrySettings pollRetry = RetrySettings.defaults();
        while (running && !Thread.currentThread().isInterrupted()) {
            if (backlogOf(route) > maxBacklog) {
                await(progress, idleWait, wakeups.get()); // back-pressure: the writers are behind, stop reading
                continue;
            }
            ChangePage<R> page;
            try {
                page = route.source().poll(checkpoint);
                // append and checkpoint together: a failure here re-reads the page, it never skips it
                ingest(route, page, c);
                consecutiveFailures = 0;
            } catch (SyncException e) {
                consecutiveFailures++;
                c.pollFailures.increment();
                if (!e.retryable()) { // a retryable failure never stops reading: it backs off up to 30 s
                    c.halted = e.getMessage();
                    LOG.error("route {} halted: polling failed for good: {}", route.id(), e.getMessage());
                    signal();
                    return;
                }
                Duration wait = e instanceof RateLimitedException r && r.retryAfter().isPresent()
                        ? r.retryAfter().get() : pollRetry.backoff(consecutiveFailures);
                LOG.warn("route {}: polling failed ({}), retry {} in {}", route.id(), e.getMessage(),
                        consecutiveFailures, wait);
                awaitPollInterval(wait);
                continue;
            } catch (RuntimeException e) {
                c.halted = "unexpected " + e;
                LOG.error("route {} halted: the source threw", route.id(), e);
                signal();
                return;
            }
            checkpoint = page.next();
            signalWork();
            if (!page.hasMore()) {
                caughtUp.get(route.id()).incrementAndGet();
                signal();
                awaitPollInterval(route.pollInterval());
            }
        }
    }

    private long backlogOf(InboundRoute<?, ?> route) {
        long sum = 0;
        for (OutboundRoute<?, ?> out : outbound) {
            if (!java.util.Collections.disjoint(out.binding().eventTypes(), route.binding().eventTypes())) {
                sum += journal.backlog(out.id());
            }
        }
        return sum;
    }

    // "try": MdcScope is used for its side effect on the MDC, not referenced in the block
    @SuppressWarnings("try")
    private <R, C> void ingest(InboundRoute<R, C> route, ChangePage<R> page, Counters c) {
        Instant now = clock.instant();
        List<RawDeadLetter> dead = new ArrayList<>();
        List<SyncException> causes = new ArrayList<>();
        for (SourceFailure f : page.failures()) {
            c.read.increment();
            dead.add(new RawDeadLetter(route.id(), f.recordId(), f.raw(), FailureRecord.of(f.cause(), now)));
            causes.add(f.cause());
        }
        List<Append> items = new ArrayList<>();
        List<XrefEntry> xrefs = new ArrayList<>();
        String entityType = route.binding().entityType();
        for (SourceRecord<R> record : page.records()) {
            c.read.increment();
            String changeKey = route.source().recordType() + '/' + record.recordId() + '@' + record.changeKey();
            String correlation = Envelope.deriveId("correlation|" + route.source().system().id() + '|' + changeKey).toString();
            try (MdcScope ignored = MdcScope.of(correlation, changeKey, record.recordId())) {
                C mapped = route.mapper().map(record.record(), context);
                Objects.requireNonNull(mapped, "mapper returned null");
                String canonicalId = route.binding().idOf(mapped);
                boolean known = xref.canonicalId(entityType, route.source().system(), record.recordId()).isPresent();
                BusinessEvent event = route.binding().eventFor(mapped, known);
                validator.validate(event, record.recordId());
                Envelope envelope = Envelope.forChange(event, route.source().system(), changeKey, correlation,
                        record.modifiedAt());
                items.add(new Append(envelope, destinationsOf(event)));
                xrefs.add(new XrefEntry(entityType, canonicalId, route.source().system(), record.recordId()));
            } catch (RuntimeException e) {
                SyncException failure = e instanceof SyncException s ? s.withRecordId(record.recordId())
                        : new MappingException("mapper failed: " + e, ErrorDetails.none()
                                .withPlatformCode("MAPPER_ERROR").withRecordId(record.recordId()), List.of(), e);
                dead.add(new RawDeadLetter(route.id(), record.recordId(), raw(record.record()),
                        FailureRecord.of(failure, now)));
                causes.add(failure);
            }
        }
        // the checkpoint moves only with (or after) the append of the changes and the dead letters it covers
        AppendResult result = journal.appendAndCheckpoint(items, dead, checkpoints, route.id(), page.next());
        for (int i = 0; i < dead.size(); i++) {
            countDeadLetter(route.id(), dead.get(i).recordId(), causes.get(i), c);
        }
        metrics.read(route.id(), page.records().size() + page.failures().size());
        c.appended.add(result.appended());
        c.duplicates.add(result.duplicates());
        for (XrefEntry entry : xrefs) {
            try {
                xref.put(entry);
            } catch (SyncException e) {
                LOG.warn("route {}: cross-reference not recorded: {}", route.id(), e.getMessage());
            }
        }
    }

    private Set<String> destinationsOf(BusinessEvent event) {
        Set<String> ids = new java.util.TreeSet<>();
        for (OutboundRoute<?, ?> out : outbound) {
            if (out.binding().eventTypes().contains(event.eventType())) {
                ids.add(out.id());
            }
        }
        return ids;
    }

    private void countDeadLetter(String route, String recordId, SyncException e, Counters c) {
        c.failed.increment();
        metrics.failed(route, e.failureClass());
        metrics.deadLettered(route);
        LOG.warn("route {}: record {} is a dead letter: {}", route, recordId, e.getMessage());
    }

    private static String raw(Object record) {
        String text;
        try {
            text = record instanceof CharSequence s ? s.toString() : Json.write(record);
        } catch (RuntimeException e) {
            text = String.valueOf(record);
        }
        return text.length() > MAX_RAW_CHARS ? text.substring(0, MAX_RAW_CHARS) : text;
    }

    // ---------------------------------------------------------------- outbound

    /**
     * A worker: visits the routes in turn, claims a batch, delivers it. The outcomes of a batch are
     * recorded together with the next claim ({@link Journal#acknowledgeAndClaim}: one transaction on
     * PostgreSQL), and before the worker waits or stops.
     */
    private void workLoop(int index) {
        String me = owner + "/worker-" + index;
        List<Ack> acks = List.of();
        String acked = null;
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                boolean worked = false;
                boolean journalFailed = false;
                for (int i = 0; i < outbound.size(); i++) {
                    OutboundRoute<?, ?> route = outbound.get((i + index) % outbound.size());
                    List<JournalEntry> entries;
                    try {
                        if (acks.isEmpty()) {
                            entries = journal.claim(route.id(), route.claimSize(), me, leaseDuration);
                        } else {
                            AckAndClaim cycle = journal.acknowledgeAndClaim(acks, route.id(), route.claimSize(), me,
                                    leaseDuration);
                            warnRefused(acked, cycle.refused());
                            acks = List.of();
                            signal(); // the acks may have made other keys' next entries due
                            entries = cycle.claimed();
                        }
                    } catch (RuntimeException e) {
                        // the journal's database is away: keep the acks (nothing was recorded), wait, try again
                        LOG.warn("route {}: the journal failed ({}); {} acknowledgements kept, trying again",
                                route.id(), e.getMessage(), acks.size());
                        journalFailed = true;
                        break;
                    }
                    if (!entries.isEmpty()) {
                        worked = true;
                        try {
                            acks = deliver(route, entries);
                            acked = route.id();
                            reportBacklog(route.id());
                        } catch (RuntimeException e) {
                            // a bug of ours: the entries' leases expire and they are handed out again
                            LOG.error("route {}: delivering {} entries failed unexpectedly", route.id(), entries.size(), e);
                        }
                    }
                }
                if (journalFailed) {
                    await(work, idleWait, wakeups.get());
                } else if (!worked) {
                    long seen = wakeups.get();
                    await(work, nextWait(), seen);
                }
            }
        } finally {
            if (!acks.isEmpty()) {
                try {
                    warnRefused(acked, journal.acknowledge(acks));
                    signal();
                } catch (RuntimeException e) {
                    // stopping with the journal away: the entries' leases expire and they are delivered again,
                    // where the idempotency keys already recorded absorb them
                    LOG.warn("route {}: {} acknowledgements not recorded on stop ({})", acked, acks.size(),
                            e.getMessage());
                }
            }
        }
    }

    private static void warnRefused(String route, int refused) {
        if (refused > 0) {
            LOG.warn("route {}: {} acknowledgements refused (lease lost); those entries will be delivered again",
                    route, refused);
        }
    }

    private void retentionLoop() {
        long lastRun = 0;
        while (running && !Thread.currentThread().isInterrupted()) {
            if (lastRun != 0 && System.nanoTime() - lastRun < TimeUnit.HOURS.toNanos(1)) {
                awaitPollInterval(Duration.ofNanos(TimeUnit.HOURS.toNanos(1) - (System.nanoTime() - lastRun)));
                continue; // woken early (a replay, a run-until-idle): not yet an hour
            }
            lastRun = System.nanoTime();
            try {
                int removed = database.purge(clock.instant().minus(retention));
                if (removed > 0) {
                    LOG.info("retention removed {} rows older than {}", removed, retention);
                }
            } catch (SyncException e) {
                LOG.warn("retention failed, will try again in an hour: {}", e.getMessage());
            }
            awaitPollInterval(Duration.ofHours(1));
        }
    }

    /** Publishes a route's backlog as a gauge, at most once a second. */
    private void reportBacklog(String route) {
        long now = System.nanoTime();
        Long last = backlogReportedAt.get(route);
        if (last == null || now - last > 1_000_000_000L) {
            backlogReportedAt.put(route, now);
            metrics.backlog(route, journal.backlog(route));
        }
    }

    private Duration nextWait() {
        Instant now = clock.instant();
        Duration wait = idleWait;
        for (OutboundRoute<?, ?> route : outbound) {
            Optional<Instant> next = journal.nextAttemptAt(route.id());
            if (next.isPresent()) {
                Duration until = Duration.between(now, next.get());
                if (until.compareTo(wait) < 0) {
                    wait = until.isNegative() ? Duration.ofMillis(1) : until;
                }
            }
        }
        return wait;
    }

    /**
     * Delivers claimed entries: maps each, writes them in sink-sized chunks, records cross-references
     * and idempotency keys, and returns one ack for every entry (the caller records them). A record whose
     * mapping failed with a transient error (typically a reference to a record written in this very batch,
     * such as a parent account) gets one more mapping attempt after the batch's writes, instead of a round
     * trip through the retry schedule.
     */
    private <C, T> List<Ack> deliver(OutboundRoute<C, T> route, List<JournalEntry> entries) {
        Counters c = counters.get(route.id());
        c.read.add(entries.size());
        Instant now = clock.instant();
        List<Ack> acks = new ArrayList<>(entries.size());
        Map<JournalEntry, IdempotencyKey> keys = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            keys.put(e, new IdempotencyKey(e.envelope().eventId(), route.id(), "upsert"));
        }
        Set<IdempotencyKey> done = idempotency.recorded(keys.values());
        List<JournalEntry> pending = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (done.contains(keys.get(e))) {
                c.duplicates.increment();
                acks.add(Ack.completed(e));
            } else if (route.binding().fromEvent(e.envelope().payload()).isEmpty()) {
                acks.add(Ack.completed(e)); // not this route's event type: nothing to do
            } else {
                pending.add(e);
            }
        }
        List<IdempotencyKey> applied = new ArrayList<>();
        Map<JournalEntry, SyncException> waiting = new LinkedHashMap<>();
        for (int pass = 0; pass < 2 && !pending.isEmpty(); pass++) {
            waiting.clear();
            List<JournalEntry> writing = new ArrayList<>();
            List<SinkRecord<T>> records = new ArrayList<>();
            Map<String, String> known = xref.systemIds(route.binding().entityType(), pending.stream()
                    .map(e -> route.binding().idOf(route.binding().fromEvent(e.envelope().payload()).orElseThrow()))
                    .toList(), route.sink().system());
            for (JournalEntry e : pending) {
                mapForWrite(route, e, known, now, c, acks, waiting, writing, records);
            }
            writeAll(route, writing, records, keys, now, c, acks, applied);
            // another pass only helps if something was written that a waiting record may refer to
            pending = records.isEmpty() ? List.of() : new ArrayList<>(waiting.keySet());
        }
        waiting.forEach((entry, failure) -> acks.add(failure(route, entry, failure, now, c)));
        // the effects are recorded (durably) before any ack: an ack lost later only repeats a delivery
        idempotency.recordAll(applied, now);
        return acks;
    }

    // "try": MdcScope is used for its side effect on the MDC, not referenced in the block
    @SuppressWarnings("try")
    private <C, T> void mapForWrite(OutboundRoute<C, T> route, JournalEntry e, Map<String, String> knownIds, Instant now,
            Counters c, List<Ack> acks,
            Map<JournalEntry, SyncException> waiting, List<JournalEntry> writing, List<SinkRecord<T>> records) {
        Envelope envelope = e.envelope();
        C canonical = route.binding().fromEvent(envelope.payload()).orElseThrow();
        String canonicalId = route.binding().idOf(canonical);
        try (MdcScope ignored = MdcScope.of(envelope)) {
            T target = route.mapper().map(canonical, context.with(envelope));
            Objects.requireNonNull(target, "mapper returned null");
            validator.validate(target, canonicalId);
            writing.add(e);
            records.add(new SinkRecord<>(canonicalId, knownIds.get(canonicalId), target, envelope));
        } catch (SyncException ex) {
            if (ex.retryable()) {
                waiting.put(e, ex.withRecordId(canonicalId));
            } else {
                acks.add(failure(route, e, ex.withRecordId(canonicalId), now, c));
            }
        } catch (RuntimeException ex) {
            acks.add(failure(route, e, new MappingException("mapper failed: " + ex, ErrorDetails.none()
                    .withPlatformCode("MAPPER_ERROR").withRecordId(canonicalId), List.of(), ex), now, c));
        }
    }

    // "try": MdcScope is used for its side effect on the MDC, not referenced in the block
    @SuppressWarnings("try")
    private <T> void writeAll(OutboundRoute<?, T> route, List<JournalEntry> writingIn, List<SinkRecord<T>> recordsIn,
            Map<JournalEntry, IdempotencyKey> keys, Instant now, Counters c, List<Ack> acks, List<IdempotencyKey> applied) {
        List<JournalEntry> writing = writingIn;
        List<SinkRecord<T>> records = recordsIn;
        Map<String, String> hashes = new HashMap<>();
        Map<String, String> before = Map.of();
        if (route.suppressUnchanged() && !records.isEmpty()) {
            for (SinkRecord<T> r : records) {
                hashes.put(r.canonicalId(), ContentHash.of(r.record()));
            }
            before = idempotency.contentHashes(route.id(), hashes.keySet());
            writing = new ArrayList<>();
            records = new ArrayList<>();
            for (int i = 0; i < recordsIn.size(); i++) {
                SinkRecord<T> r = recordsIn.get(i);
                JournalEntry entry = writingIn.get(i);
                // a record the target is known to hold with exactly this content needs no write
                if (r.knownSystemId() != null && hashes.get(r.canonicalId()).equals(before.get(r.canonicalId()))) {
                    c.unchanged.increment();
                    metrics.unchanged(route.id(), 1);
                    applied.add(keys.get(entry));
                    acks.add(Ack.completed(entry));
                } else {
                    writing.add(entry);
                    records.add(r);
                }
            }
        }
        Map<String, String> written = new HashMap<>();
        List<AuditEntry> audits = new ArrayList<>();
        List<JournalEntry> writtenEntries = new ArrayList<>();
        List<WriteOutcome.Written> writtenOutcomes = new ArrayList<>();
        int batch = Math.max(1, route.sink().maxBatchSize());
        for (int from = 0; from < records.size(); from += batch) {
            int to = Math.min(records.size(), from + batch);
            List<SinkRecord<T>> chunk = records.subList(from, to);
            List<WriteOutcome> outcomes = write(route, chunk);
            for (int i = 0; i < chunk.size(); i++) {
                JournalEntry entry = writing.get(from + i);
                WriteOutcome outcome = outcomes.get(i);
                if (outcome instanceof WriteOutcome.Written w) {
                    writtenEntries.add(entry);
                    writtenOutcomes.add(w);
                } else if (outcome instanceof WriteOutcome.Failed f) {
                    try (MdcScope ignored = MdcScope.of(entry.envelope())) {
                        acks.add(failure(route, entry, f.failure().withRecordId(f.canonicalId()), now, c));
                    }
                }
            }
        }
        List<SyncException> xrefFailures = recordXrefs(route, writtenOutcomes);
        for (int i = 0; i < writtenEntries.size(); i++) {
            JournalEntry entry = writtenEntries.get(i);
            WriteOutcome.Written w = writtenOutcomes.get(i);
            SyncException xrefFailure = xrefFailures.get(i);
            if (xrefFailure != null) {
                try (MdcScope ignored = MdcScope.of(entry.envelope())) {
                    acks.add(failure(route, entry, xrefFailure.withRecordId(w.canonicalId()), now, c));
                }
                continue;
            }
            applied.add(keys.get(entry));
            acks.add(Ack.completed(entry));
            c.written.increment();
            metrics.written(route.id(), 1);
            metrics.latency(route.id(), Duration.between(entry.envelope().occurredAt(), now));
            String hash = hashes.get(w.canonicalId());
            if (hash != null) {
                written.put(w.canonicalId(), hash);
            }
            audits.add(new AuditEntry(now, w.wasCreated().map(x -> x ? "CREATE" : "UPDATE").orElse("UPSERT"),
                    route.id(), route.sink().system().id(), w.systemId(), entry.envelope().eventId(),
                    entry.envelope().correlationId(), before.get(w.canonicalId()), hash, owner,
                    route.sink().recordType() + " " + w.canonicalId()));
        }
        idempotency.putContentHashes(route.id(), written);
        audit.record(audits);
    }

    /**
     * Records the cross-references of written records in one batch; when the batch conflicts, entry by
     * entry, so that only the conflicting record fails. Returns one failure (or null) per outcome.
     */
    private List<SyncException> recordXrefs(OutboundRoute<?, ?> route, List<WriteOutcome.Written> outcomes) {
        List<XrefEntry> entries = outcomes.stream().map(w -> new XrefEntry(route.binding().entityType(),
                w.canonicalId(), route.sink().system(), w.systemId())).toList();
        List<SyncException> failures = new ArrayList<>(java.util.Collections.nCopies(entries.size(), null));
        try {
            xref.putAll(entries);
        } catch (SyncException batchFailure) {
            for (int i = 0; i < entries.size(); i++) {
                try {
                    xref.put(entries.get(i));
                } catch (SyncException e) {
                    failures.set(i, e);
                }
            }
        }
        return failures;
    }

    private <T> List<WriteOutcome> write(OutboundRoute<?, T> route, List<SinkRecord<T>> chunk) {
        SyncException whole;
        try {
            List<WriteOutcome> outcomes = route.sink().upsert(List.copyOf(chunk));
            if (outcomes.size() == chunk.size()) {
                return outcomes;
            }
            whole = new TransientException("sink " + route.sink().system().id() + " returned " + outcomes.size()
                    + " outcomes for " + chunk.size() + " records", ErrorDetails.of(route.sink().system())
                    .withPlatformCode("SINK_CONTRACT"));
        } catch (SyncException e) {
            whole = e;
        } catch (RuntimeException e) {
            whole = new TransientException("sink failed: " + e, ErrorDetails.of(route.sink().system())
                    .withPlatformCode("SINK_ERROR"), e);
        }
        List<WriteOutcome> failed = new ArrayList<>(chunk.size());
        for (SinkRecord<T> r : chunk) {
            failed.add(WriteOutcome.failed(r.canonicalId(), whole));
        }
        return failed;
    }

    private Ack failure(OutboundRoute<?, ?> route, JournalEntry entry, SyncException e, Instant now, Counters c) {
        FailureRecord record = FailureRecord.of(e, now);
        if (e.retryable() && entry.attempts() < route.retry().maxAttempts()) {
            Duration wait = e instanceof RateLimitedException r && r.retryAfter().isPresent()
                    ? r.retryAfter().get() : route.retry().backoff(entry.attempts());
            c.retried.increment();
            metrics.failed(route.id(), e.failureClass());
            metrics.retried(route.id());
            LOG.debug("route {}: attempt {} of {} failed, next in {}: {}", route.id(), entry.attempts(),
                    entry.envelope().businessKey(), wait, e.getMessage());
            return Ack.retry(entry, now.plus(wait), record);
        }
        c.failed.increment();
        metrics.failed(route.id(), e.failureClass());
        metrics.deadLettered(route.id());
        String why = e.retryable() ? "gave up after " + entry.attempts() + " attempts" : "rejected";
        LOG.warn("route {}: {} is a dead letter ({}): {}", route.id(), entry.envelope().businessKey(), why, e.getMessage());
        return Ack.dead(entry, record, route.strictOrder());
    }

    /** Per-route counters. Thread-safe. */
    private static final class Counters {
        final LongAdder read = new LongAdder();
        final LongAdder appended = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder written = new LongAdder();
        final LongAdder unchanged = new LongAdder();
        final LongAdder retried = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder pollFailures = new LongAdder();
        volatile @Nullable String halted;

        RouteStats snapshot(String route) {
            return new RouteStats(route, read.sum(), appended.sum(), duplicates.sum(), written.sum(), unchanged.sum(),
                    retried.sum(),
                    failed.sum(), halted);
        }
    }

    /** Configures a {@link SyncEngine}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private @Nullable Journal journal;
        private XrefStore xref = XrefStore.inMemory();
        private CheckpointStore checkpoints = CheckpointStore.inMemory();
        private IdempotencyStore idempotency = IdempotencyStore.inMemory();
        private AuditLog audit = AuditLog.none();
        private SyncMetrics metrics = SyncMetrics.none();
        private @Nullable SyncKitDatabase database;
        private @Nullable Duration retention;
        private Clock clock = Clock.systemUTC();
        private ResultValidator validator = ResultValidator.create();
        private final Map<String, CodeTable> codeTables = new HashMap<>();
        private final List<InboundRoute<?, ?>> inbound = new ArrayList<>();
        private final List<OutboundRoute<?, ?>> outbound = new ArrayList<>();
        private int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Duration leaseDuration = Duration.ofMinutes(5);
        private Duration idleWait = Duration.ofMillis(250);
        private long maxBacklog = 10_000;
        private String owner = "engine-" + UUID.randomUUID().toString().substring(0, 8);
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The journal; default: in memory. */
        public Builder journal(Journal value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        public Builder xrefStore(XrefStore value) {
            this.xref = Objects.requireNonNull(value, "xrefStore");
            return this;
        }

        public Builder checkpointStore(CheckpointStore value) {
            this.checkpoints = Objects.requireNonNull(value, "checkpointStore");
            return this;
        }

        public Builder idempotencyStore(IdempotencyStore value) {
            this.idempotency = Objects.requireNonNull(value, "idempotencyStore");
            return this;
        }

        /**
         * Retention on the {@link #database(SyncKitDatabase) database}: once an hour, forget event ids,
         * idempotency keys and closed dead letters older than {@code age} (open dead letters stay).
         * Off by default.
         */
        public Builder retention(Duration age) {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + age);
            }
            this.retention = age;
            return this;
        }

        /** Where the engine reports its metrics; default: nowhere. See {@code SyncMetrics.inMemory()}. */
        public Builder metrics(SyncMetrics value) {
            this.metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /** Where every write, replay and skip is recorded; default: nowhere (in-memory engines). */
        public Builder auditLog(AuditLog value) {
            this.audit = Objects.requireNonNull(value, "auditLog");
            return this;
        }

        /**
         * Every store on one database: journal, cross-reference, checkpoints (saved in the append
         * transaction), idempotency and content hashes, audit log. Call {@link SyncKitDatabase#migrate()} first.
         */
        public Builder database(SyncKitDatabase db) {
            Objects.requireNonNull(db, "database");
            this.database = db;
            return journal(db.journal()).xrefStore(db.xrefStore()).checkpointStore(db.checkpointStore())
                    .idempotencyStore(db.idempotencyStore()).auditLog(db.auditLog());
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder validator(ResultValidator value) {
            this.validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        public Builder codeTable(CodeTable table) {
            Objects.requireNonNull(table, "table");
            this.codeTables.put(table.name(), table);
            return this;
        }

        public Builder inbound(InboundRoute<?, ?> route) {
            Objects.requireNonNull(route, "route");
            requireUnique(route.id());
            this.inbound.add(route);
            return this;
        }

        public Builder outbound(OutboundRoute<?, ?> route) {
            Objects.requireNonNull(route, "route");
            requireUnique(route.id());
            this.outbound.add(route);
            return this;
        }

        private void requireUnique(String id) {
            boolean taken = inbound.stream().anyMatch(r -> r.id().equals(id))
                    || outbound.stream().anyMatch(r -> r.id().equals(id));
            if (taken) {
                throw new IllegalArgumentException("route id " + id + " is used twice");
            }
        }

        /** Delivery threads (a bounded pool); default: the number of processors, at least 2. */
        public Builder workers(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + value);
            }
            this.workers = value;
            return this;
        }

        /** How long a claimed entry stays leased; a worker that dies releases its work after this. */
        public Builder leaseDuration(Duration value) {
            this.leaseDuration = Objects.requireNonNull(value, "leaseDuration");
            return this;
        }

        /** How long an idle worker waits before looking for work again (new work wakes it sooner). */
        public Builder idleWait(Duration value) {
            this.idleWait = Objects.requireNonNull(value, "idleWait");
            return this;
        }

        /** Back-pressure: a source stops reading while its targets have more than this many entries waiting. */
        public Builder maxBacklog(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBacklog must be >= 1, was " + value);
            }
            this.maxBacklog = value;
            return this;
        }

        /** Names this engine instance in leases and logs. */
        public Builder owner(String value) {
            this.owner = Objects.requireNonNull(value, "owner");
            return this;
        }

        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = Objects.requireNonNull(value, "shutdownTimeout");
            return this;
        }

        public SyncEngine build() {
            if (retention != null && database == null) {
                throw new IllegalStateException("retention needs a database(...)");
            }
            if (inbound.isEmpty() && outbound.isEmpty()) {
                throw new IllegalStateException("an engine needs at least one route");
            }
            return new SyncEngine(this);
        }
    }
}
