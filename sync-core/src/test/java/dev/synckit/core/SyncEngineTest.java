package dev.synckit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.TestRows.ListSource;
import dev.synckit.core.TestRows.RecordingSink;
import dev.synckit.core.TestRows.Row;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.spi.SourceFailure;
import dev.synckit.core.store.CheckpointStore;
import dev.synckit.core.store.XrefStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static SyncEngine.Builder engine(ListSource source, RecordingSink sink) {
        return engine(source, sink, TestRows.CUSTOMER_TO_TEXT);
    }

    private static SyncEngine.Builder engine(ListSource source, RecordingSink sink, Mapper<dev.synckit.canonical.Customer, String> out) {
        return SyncEngine.builder()
                .workers(2)
                .idleWait(Duration.ofMillis(20))
                .inbound(InboundRoute.builder("rows", source, TestRows.ROW_TO_CUSTOMER, EntityBinding.customers())
                        .pollInterval(Duration.ofMillis(20)).build())
                .outbound(OutboundRoute.builder("target", EntityBinding.customers(), out, sink)
                        .retry(RetrySettings.defaults().withDelays(Duration.ofMillis(1), Duration.ofMillis(5)))
                        .build());
    }

    @Test
    void runUntilIdle_deliversEveryRecordOnce_andRecordsCrossReferences() {
        ListSource source = new ListSource(7);
        for (int i = 0; i < 100; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine(source, sink).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.idle()).isTrue();
            assertThat(summary.read()).isEqualTo(100);
            assertThat(summary.written()).isEqualTo(100);
            assertThat(summary.failed()).isZero();
            assertThat(sink.written).hasSize(100);
            String canonical = engine.xref().canonicalId("customer", SourceSystem.SALESFORCE, "r5").orElseThrow();
            assertThat(engine.xref().systemId("customer", canonical, SourceSystem.NETSUITE)).contains("ns-" + canonical);
        }
    }

    @Test
    void inboundValidationFailure_isDeadLetterNamingRecordAndField_andOthersStillSync() {
        ListSource source = new ListSource(50)
                .add(new Row("ok1", "Good", "US", 1))
                .add(new Row("bad", "Bad country", "XX", 1))
                .add(new Row("ok2", "Also good", "DE", 1));
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine(source, sink).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.written()).isEqualTo(2);
            assertThat(summary.route("rows").orElseThrow().failed()).isEqualTo(1);
            List<DeadLetter> dead = engine.journal().deadLetters("rows", 10);
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.recordId()).isEqualTo("bad");
                assertThat(d.failure().code()).isEqualTo(MappingException.CODE);
                assertThat(d.failure().field()).isEqualTo("customer.billTo[0].address.country");
                assertThat(d.raw()).contains("Bad country");
            });
        }
    }

    @Test
    void unparseableSourceRecord_isDeadLetterWithRawText_andCounted() {
        ListSource source = new ListSource(50)
                .add(new Row("ok1", "Good", "US", 1))
                .addBroken(new SourceFailure("001BROKEN", "{\"Id\":\"001BROKEN\",\"SystemModstamp\":\"yesterday\"}",
                        MappingException.field("001BROKEN", "SystemModstamp", "is not a date-time")))
                .add(new Row("ok2", "Also good", "DE", 1));
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine(source, sink).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.read()).isEqualTo(3);
            assertThat(summary.written()).isEqualTo(2);
            assertThat(summary.failed()).isEqualTo(1);
            assertThat(engine.journal().deadLetters("rows", 10)).singleElement().satisfies(d -> {
                assertThat(d.recordId()).isEqualTo("001BROKEN");
                assertThat(d.failure().field()).isEqualTo("SystemModstamp");
                assertThat(d.raw()).contains("yesterday");
            });
        }
    }

    @Test
    void outboundMapperRejection_isTypedDeadLetterWithCanonicalId_neverSwallowed() {
        ListSource source = new ListSource(50)
                .add(new Row("a", "Alpha", "US", 1))
                .add(new Row("b", "Beta", "US", 1));
        RecordingSink sink = new RecordingSink();
        Mapper<dev.synckit.canonical.Customer, String> picky = (c, ctx) -> {
            if (c.name().equals("Beta")) {
                throw MappingException.field(c.id(), "name", "Beta is not allowed in the target");
            }
            return c.name();
        };
        try (SyncEngine engine = engine(source, sink, picky).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.route("target").orElseThrow().failed()).isEqualTo(1);
            String betaId = engine.xref().canonicalId("customer", SourceSystem.SALESFORCE, "b").orElseThrow();
            assertThat(engine.journal().deadLetters("target", 10)).singleElement().satisfies(d -> {
                assertThat(d.recordId()).isEqualTo(betaId);
                assertThat(d.failure().field()).isEqualTo("name");
                assertThat(d.failure().message()).contains("record=" + betaId);
                assertThat(d.envelope()).isNotNull();
            });
            assertThat(sink.written.values()).containsExactly("Alpha");
        }
    }

    @Test
    void transientWriteFailure_isRetried_untilWritten() {
        ListSource source = new ListSource(50).add(new Row("a", "Alpha", "US", 1));
        RecordingSink sink = new RecordingSink();
        AtomicInteger failures = new AtomicInteger(2);
        sink.failWith = r -> failures.getAndDecrement() > 0
                ? new TransientException("lock", ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("UNABLE_TO_LOCK_ROW"))
                : null;
        try (SyncEngine engine = engine(source, sink).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.written()).isEqualTo(1);
            assertThat(summary.route("target").orElseThrow().retried()).isEqualTo(2);
            assertThat(summary.failed()).isZero();
        }
    }

    @Test
    void transientWriteFailure_becomesDeadLetter_whenAttemptsRunOut() {
        ListSource source = new ListSource(50).add(new Row("a", "Alpha", "US", 1));
        RecordingSink sink = new RecordingSink();
        sink.failWith = r -> new TransientException("down", ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(503));
        try (SyncEngine engine = engine(source, sink).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.route("target").orElseThrow().failed()).isEqualTo(1);
            assertThat(summary.route("target").orElseThrow().retried()).isEqualTo(RetrySettings.defaults().maxAttempts() - 1);
            assertThat(engine.journal().deadLetters("target", 1).get(0).attempts())
                    .isEqualTo(RetrySettings.defaults().maxAttempts());
        }
    }

    @Test
    void rejectedWrite_isDeadLetteredAtOnce_withPlatformCodeAndField() {
        ListSource source = new ListSource(50).add(new Row("a", "Alpha", "US", 1)).add(new Row("b", "Beta", "US", 1));
        RecordingSink sink = new RecordingSink();
        sink.failWith = r -> r.record().startsWith("Beta") ? new RejectedException("Invalid Field Value",
                ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(400).withPlatformCode("INVALID_CONTENT").withField("parent"))
                : null;
        try (SyncEngine engine = engine(source, sink).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);

            assertThat(summary.route("target").orElseThrow().retried()).isZero();
            assertThat(engine.journal().deadLetters("target", 10)).singleElement().satisfies(d -> {
                assertThat(d.failure().code()).isEqualTo("INVALID_CONTENT");
                assertThat(d.failure().field()).isEqualTo("parent");
                assertThat(d.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void entriesOfOneKey_areWrittenInAppendOrder() {
        ListSource source = new ListSource(3);
        for (int v = 1; v <= 30; v++) {
            source.add(new Row("same", "Same customer", "US", v));
            source.add(new Row("other" + v, "Other " + v, "US", v));
        }
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine(source, sink).build()) {
            engine.runUntilIdle(TIMEOUT);

            List<String> versions = sink.order.stream().filter(s -> s.startsWith("Same customer"))
                    .map(s -> s.substring(s.lastIndexOf('|') + 1)).toList();
            assertThat(versions).hasSize(30);
            assertThat(versions.stream().map(Integer::parseInt).toList()).isSorted();
        }
    }

    @Test
    void readingTheSameChangesAgain_appendsNothing_andWritesNothingTwice() {
        ListSource source = new ListSource(50);
        for (int i = 0; i < 20; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        RecordingSink sink = new RecordingSink();
        dev.synckit.core.journal.Journal journal = dev.synckit.core.journal.Journal.inMemory(java.time.Clock.systemUTC());
        XrefStore xref = XrefStore.inMemory();
        try (SyncEngine engine = engine(source, sink).journal(journal).xrefStore(xref).build()) {
            engine.runUntilIdle(TIMEOUT);
        }
        // a new engine that lost its checkpoints reads everything again
        try (SyncEngine engine = engine(source, sink).journal(journal).xrefStore(xref)
                .checkpointStore(CheckpointStore.inMemory()).build()) {
            RunSummary again = engine.runUntilIdle(TIMEOUT);

            assertThat(again.route("rows").orElseThrow().read()).isEqualTo(20);
            assertThat(again.route("rows").orElseThrow().duplicates()).isEqualTo(20);
            assertThat(again.route("rows").orElseThrow().appended()).isZero();
        }
        assertThat(sink.order).hasSize(20);
    }

    @Test
    void checkpointIsSavedOnlyAfterThePageIsJournaled_soARestartResumesWhereItStopped() {
        ListSource source = new ListSource(5);
        for (int i = 0; i < 12; i++) {
            source.add(new Row("r" + i, "Customer " + i, "US", 1));
        }
        CheckpointStore checkpoints = CheckpointStore.inMemory();
        XrefStore xref = XrefStore.inMemory();
        RecordingSink sink = new RecordingSink();
        try (SyncEngine engine = engine(source, sink).checkpointStore(checkpoints).xrefStore(xref).build()) {
            engine.runUntilIdle(TIMEOUT);
        }
        assertThat(checkpoints.load("rows")).map(c -> c.value()).contains("12");

        source.add(new Row("r12", "Late", "US", 1));
        RecordingSink second = new RecordingSink();
        try (SyncEngine engine = engine(source, second).checkpointStore(checkpoints).xrefStore(xref).build()) {
            RunSummary summary = engine.runUntilIdle(TIMEOUT);
            assertThat(summary.read()).isEqualTo(1);
            assertThat(second.written.values()).containsExactly("Late|US|1");
        }
    }

    @Test
    void close_stopsEveryThread_andRefusesRestart() {
        ListSource source = new ListSource(5).add(new Row("a", "Alpha", "US", 1));
        RecordingSink sink = new RecordingSink();
        SyncEngine engine = engine(source, sink).build();
        engine.start();
        engine.close();

        assertThat(engine.isTerminated()).isTrue();
        assertThatThrownBy(engine::start).isInstanceOf(IllegalStateException.class);
        engine.close(); // a second close is harmless
    }

    @Test
    void close_whileAWriteIsInFlight_letsTheBatchFinish() throws Exception {
        ListSource source = new ListSource(5).add(new Row("a", "Alpha", "US", 1));
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Map<String, Boolean> finished = new ConcurrentHashMap<>();
        RecordingSink sink = new RecordingSink();
        sink.failWith = r -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.put(r.canonicalId(), true);
            return null;
        };
        SyncEngine engine = engine(source, sink).build();
        engine.start();
        assertThat(entered.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(engine::close);
        closer.start();
        release.countDown();
        closer.join(30_000);

        assertThat(engine.isTerminated()).isTrue();
        assertThat(finished).hasSize(1);
        assertThat(sink.written).hasSize(1);
        assertThat(engine.journal().backlog("target")).isZero();
    }

    @Test
    void builder_refusesDuplicateRouteIds_andEmptyEngines() {
        ListSource source = new ListSource(5);
        InboundRoute<Row, dev.synckit.canonical.Customer> route =
                InboundRoute.builder("same", source, TestRows.ROW_TO_CUSTOMER, EntityBinding.customers()).build();
        assertThatThrownBy(() -> SyncEngine.builder().inbound(route).inbound(route))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
        assertThatThrownBy(() -> SyncEngine.builder().build()).isInstanceOf(IllegalStateException.class);
    }
}
