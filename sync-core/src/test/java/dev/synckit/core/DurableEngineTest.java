package dev.synckit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.TestRows.ListSource;
import dev.synckit.core.TestRows.RecordingSink;
import dev.synckit.core.TestRows.Row;
import dev.synckit.core.audit.AuditEntry;
import dev.synckit.core.contract.TestDatabases;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.jdbc.SyncKitDatabase;
import dev.synckit.core.journal.Ack;
import dev.synckit.core.journal.AckAndClaim;
import dev.synckit.core.journal.Append;
import dev.synckit.core.journal.AppendResult;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.journal.DeadLetterQuery;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.JournalEntry;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.store.CheckpointStore;
import dev.synckit.testkit.MutableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The engine on the durable stores (H2), with a controllable clock: no sleeps. */
class DurableEngineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final DataSource ds = TestDatabases.h2();
    private final SyncKitDatabase db = SyncKitDatabase.builder(ds).clock(clock).build();

    DurableEngineTest() {
        db.migrate();
    }

    private static InboundRoute<Row, dev.synckit.canonical.Customer> rows(ListSource source) {
        return InboundRoute.builder("rows", source, TestRows.ROW_TO_CUSTOMER, EntityBinding.customers())
                .pollInterval(Duration.ofMillis(20)).build();
    }

    private static OutboundRoute<dev.synckit.canonical.Customer, String> target(String id, RecordingSink sink) {
        return OutboundRoute.builder(id, EntityBinding.customers(), TestRows.CUSTOMER_TO_TEXT, sink)
                .retry(RetrySettings.defaults().withMaxAttempts(1000).withDelays(Duration.ofSeconds(1), Duration.ofMinutes(5)))
                .build();
    }

    private SyncEngine.Builder engine() {
        return SyncEngine.builder().database(db).clock(clock).workers(2).idleWait(Duration.ofMillis(20));
    }

    @Test
    void syncOnH2_writesEverything_recordsXrefAndAudit_andSecondPassWritesNothing() {
        ListSource source = new ListSource(7);
        for (int i = 0; i < 30; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine().inbound(rows(source)).outbound(target("target", sink)).build()) {
            RunSummary summary = engine.runUntilIdle(Duration.ofSeconds(30));
            assertThat(summary.written()).isEqualTo(30);
        }
        String canonical = db.xrefStore().canonicalId("customer", SourceSystem.SALESFORCE, "r3").orElseThrow();
        String nsId = db.xrefStore().systemId("customer", canonical, SourceSystem.NETSUITE).orElseThrow();
        assertThat(db.auditLog().forRecord(nsId, 5)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("UPSERT");
            assertThat(a.afterHash()).isNotBlank();
            assertThat(a.route()).isEqualTo("target");
        });
        assertThat(db.checkpointStore().load("rows")).contains(Checkpoint.of("30"));

        // the same records changed again but map to the same content: no write, counted as unchanged
        ListSource again = new ListSource(50);
        for (int i = 0; i < 30; i++) {
            again.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        RecordingSink second = new RecordingSink();
        try (SyncEngine engine = engine().inbound(InboundRoute.builder("rows-again", changedStamp(again),
                TestRows.ROW_TO_CUSTOMER, EntityBinding.customers()).pollInterval(Duration.ofMillis(20)).build())
                .outbound(target("target", second)).build()) {
            RunSummary summary = engine.runUntilIdle(Duration.ofSeconds(30));
            assertThat(summary.route("target").orElseThrow().unchanged()).isEqualTo(30);
        }
        assertThat(second.calls).hasValue(0);
    }

    /** The same rows as new changes (another change key), so that they are journaled again. */
    private static dev.synckit.core.spi.ChangeSource<Row> changedStamp(ListSource delegate) {
        return new dev.synckit.core.spi.ChangeSource<>() {
            @Override
            public SourceSystem system() {
                return delegate.system();
            }

            @Override
            public String recordType() {
                return delegate.recordType();
            }

            @Override
            public dev.synckit.core.spi.ChangePage<Row> poll(Checkpoint from) {
                var page = delegate.poll(from);
                return new dev.synckit.core.spi.ChangePage<>(page.records().stream()
                        .map(r -> new dev.synckit.core.spi.SourceRecord<>(r.recordId(), r.changeKey() + "-touched",
                                r.modifiedAt(), r.record())).toList(), page.failures(), page.next(), page.hasMore());
            }
        };
    }

    @Test
    void metrics_reportWritesLatencyBacklogAndFailuresByClass() {
        ListSource source = new ListSource(10);
        for (int i = 0; i < 10; i++) {
            source.add(new Row("r" + i, "Customer " + i, i == 3 ? "XX" : "US", 1));
        }
        RecordingSink sink = new RecordingSink();
        AtomicInteger calls = new AtomicInteger();
        sink.failWith = r -> calls.getAndIncrement() == 0
                ? new TransientException("503", ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(503)) : null;
        var metrics = dev.synckit.core.metrics.SyncMetrics.inMemory();
        try (SyncEngine engine = engine().metrics(metrics).inbound(rows(source)).outbound(target("target", sink)).build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.written.size() == 8);
            clock.advance(Duration.ofMinutes(10)); // lets the retry come due: latency is source change → write
            engine.wakeUp();
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.written.size() == 9);
        }
        var snapshot = metrics.snapshot();
        assertThat(snapshot.route("rows").read()).isEqualTo(10);
        assertThat(snapshot.route("rows").deadLetters()).isEqualTo(1);
        assertThat(snapshot.route("rows").failed()).containsEntry("REJECTED", 1L);
        assertThat(snapshot.route("target").written()).isEqualTo(9);
        assertThat(snapshot.route("target").failed()).containsEntry("TRANSIENT", 1L);
        assertThat(snapshot.route("target").retried()).isEqualTo(1);
        assertThat(snapshot.route("target").latencyCount()).isEqualTo(9);
        assertThat(snapshot.route("target").latencyMax()).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void oneTargetFailingForAnHour_delaysNoneOfTheOtherTargetsDeliveries() {
        ListSource source = new ListSource(10);
        for (int i = 0; i < 20; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        RecordingSink healthy = new RecordingSink();
        RecordingSink broken = new RecordingSink();
        broken.failWith = r -> new TransientException("503", ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(503));
        try (SyncEngine engine = engine().inbound(rows(source)).outbound(target("healthy", healthy))
                .outbound(target("broken", broken)).build()) {
            engine.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> healthy.written.size() == 20);

            for (int minute = 0; minute < 60; minute += 5) {
                clock.advance(Duration.ofMinutes(5));
                engine.wakeUp();
                source.add(new Row("late" + minute, "Late " + minute, "US", 1));
                int expected = 21 + minute / 5;
                await().atMost(Duration.ofSeconds(30)).until(() -> healthy.written.size() == expected);
            }
            assertThat(broken.written).isEmpty();
            assertThat(broken.calls.get()).isGreaterThan(20);
            assertThat(engine.journal().backlog("broken")).isEqualTo(32);
            assertThat(engine.journal().backlog("healthy")).isZero();
        }
    }

    @Test
    void rateLimitedWrite_isRetriedExactlyAtTheTimeThePlatformGave() {
        ListSource source = new ListSource(10).add(new Row("r1", "One", "US", 1));
        RecordingSink sink = new RecordingSink();
        AtomicInteger calls = new AtomicInteger();
        sink.failWith = r -> calls.getAndIncrement() == 0 ? new RateLimitedException("429",
                ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(429).withRetryAfter(Duration.ofSeconds(90))) : null;
        try (SyncEngine engine = engine().inbound(rows(source)).outbound(target("target", sink)).build()) {
            engine.start();
            Instant failedAt = clock.instant();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.journal().nextAttemptAt("target")
                    .filter(t -> t.equals(failedAt.plusSeconds(90))).isPresent());
            assertThat(sink.written).isEmpty();

            clock.advance(Duration.ofSeconds(90));
            engine.wakeUp();
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.written.size() == 1);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void undecodablePayloads_areDeadLetteredWithTheirCause_andTheWorkerKeepsGoing() throws Exception {
        // journal three events, then damage two of them in the database
        Journal journal = db.journal();
        var envelopes = List.of(
                envelope("x0"), envelope("x1"), envelope("x2"));
        AppendResult appended = journal.append(envelopes.stream().map(e -> new Append(e, java.util.Set.of("target"))).toList());
        assertThat(appended.appended()).isEqualTo(3);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sk_event SET payload = '{\"customer\": 42}' WHERE business_key = 'x0'");
            s.executeUpdate("UPDATE sk_event SET event_type = 'CustomerTeleported' WHERE business_key = 'x1'");
        }
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine().outbound(target("target", sink)).build()) {
            engine.runUntilIdle(Duration.ofSeconds(30));
        }
        assertThat(sink.written).containsOnlyKeys("x2");
        List<DeadLetter> dead = journal.deadLetters(DeadLetterQuery.route("target"));
        assertThat(dead).extracting(DeadLetter::recordId).containsExactlyInAnyOrder("x0", "x1");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.failure().code()).isEqualTo("UNDECODABLE_PAYLOAD");
            assertThat(d.raw()).isNotBlank();
        });
        assertThat(dead).filteredOn(d -> d.recordId().equals("x1")).singleElement()
                .satisfies(d -> assertThat(d.failure().message()).contains("CustomerTeleported"));
    }

    private Envelope envelope(String id) {
        var c = dev.synckit.canonical.Customer.builder().id(id).name("Extra " + id)
                .addBillTo(new dev.synckit.canonical.Party(dev.synckit.canonical.PartyRole.BILL_TO, "x",
                        dev.synckit.canonical.Address.of("1 Main", "Town", null, "1", "US"), null, null, true))
                .customAttribute("version", "1")
                .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();
        return Envelope.forChange(new dev.synckit.canonical.event.CustomerRegistered(c), SourceSystem.SALESFORCE,
                id + "@1", "corr-" + id, Instant.EPOCH);
    }

    @Test
    void aJournalFailingUnderTheWorkers_isWaitedOut_withoutLosingAcknowledgementsOrRepeatingWrites() {
        ListSource source = new ListSource(10);
        for (int i = 0; i < 25; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger cycles = new AtomicInteger();
        Journal real = db.journal();
        Journal flaky = new ForwardingJournal(real) {
            @Override
            public List<JournalEntry> claim(String destination, int max, String owner, Duration leaseDuration) {
                if (claims.getAndIncrement() == 0) {
                    throw new TransientException("database restarted", ErrorDetails.none().withPlatformCode("DATABASE"));
                }
                return real.claim(destination, max, owner, leaseDuration);
            }

            @Override
            public AckAndClaim acknowledgeAndClaim(java.util.Collection<Ack> acks, String destination, int max,
                    String owner, Duration leaseDuration) {
                if (cycles.getAndIncrement() == 0) {
                    throw new TransientException("database restarted", ErrorDetails.none().withPlatformCode("DATABASE"));
                }
                return real.acknowledgeAndClaim(acks, destination, max, owner, leaseDuration);
            }
        };
        RecordingSink sink = new RecordingSink();
        // one worker: had the failure ended it, nothing would deliver the rest
        try (SyncEngine engine = engine().workers(1).journal(flaky).inbound(rows(source))
                .outbound(target("target", sink)).build()) {
            RunSummary summary = engine.runUntilIdle(Duration.ofSeconds(30));

            assertThat(summary.idle()).isTrue();
            assertThat(summary.written()).isEqualTo(25);
        }
        assertThat(sink.order).hasSize(25); // the acks kept across the failure: nothing delivered twice
        assertThat(cycles.get()).isGreaterThanOrEqualTo(2);
        assertThat(real.backlog("target")).isZero();
    }

    @Test
    void aFailedAppend_leavesTheCheckpointWhereItWas_soThePageIsReadAgain_withoutRepeatingItsDeadLetters() {
        ListSource source = new ListSource(10);
        for (int i = 0; i < 5; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        source.add(new Row("bad", "Nowhere Inc", "XX", 1));
        AtomicInteger appends = new AtomicInteger();
        Journal real = db.journal();
        Journal flaky = new ForwardingJournal(real) {
            @Override
            public AppendResult appendAndCheckpoint(List<Append> items,
                    List<dev.synckit.core.journal.RawDeadLetter> deadLetters, CheckpointStore checkpoints,
                    String sourceId, Checkpoint checkpoint) {
                if (appends.getAndIncrement() == 0) {
                    throw new TransientException("database restarted", ErrorDetails.none().withPlatformCode("DATABASE"));
                }
                return real.appendAndCheckpoint(items, deadLetters, checkpoints, sourceId, checkpoint);
            }
        };
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine().journal(flaky).inbound(rows(source)).outbound(target("target", sink)).build()) {
            RunSummary summary = engine.runUntilIdle(Duration.ofSeconds(30));
            assertThat(summary.written()).isEqualTo(5);
        }
        assertThat(appends.get()).isGreaterThanOrEqualTo(2);
        assertThat(source.polls.get()).isGreaterThanOrEqualTo(2);
        assertThat(db.checkpointStore().load("rows")).contains(Checkpoint.of("6"));
        assertThat(db.journal().deadLetters(DeadLetterQuery.route("rows"))).singleElement()
                .satisfies(d -> assertThat(d.recordId()).isEqualTo("bad"));
    }

    @Test
    void operatorReplay_isAudited_andDelivered() {
        ListSource source = new ListSource(10).add(new Row("r1", "One", "US", 1));
        RecordingSink sink = new RecordingSink();
        AtomicInteger calls = new AtomicInteger();
        sink.failWith = r -> calls.getAndIncrement() == 0 ? new dev.synckit.core.failure.RejectedException("bad",
                ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INVALID_CONTENT")) : null;
        try (SyncEngine engine = engine().inbound(rows(source)).outbound(target("target", sink)).build()) {
            engine.runUntilIdle(Duration.ofSeconds(30));
            DeadLetter dead = engine.journal().deadLetters(DeadLetterQuery.route("target")).get(0);

            Envelope replayed = engine.replay(dead.id(), null, "ops@example.com");
            RunSummary summary = engine.runUntilIdle(Duration.ofSeconds(30));

            assertThat(summary.route("target").orElseThrow().written()).isEqualTo(1);
            assertThat(db.auditLog().forRecord(replayed.businessKey(), 5)).extracting(AuditEntry::actor)
                    .contains("ops@example.com");
        }
    }
}
