package dev.synckit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.canonical.event.CustomerUpdated;
import dev.synckit.core.Envelope;
import dev.synckit.core.audit.AuditEntry;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.FailureClass;
import dev.synckit.core.journal.Ack;
import dev.synckit.core.journal.AckAndClaim;
import dev.synckit.core.journal.Append;
import dev.synckit.core.journal.AppendResult;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.journal.DeadLetterQuery;
import dev.synckit.core.journal.DeadLetterStatus;
import dev.synckit.core.journal.FailureRecord;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.JournalEntry;
import dev.synckit.core.journal.Lease;
import dev.synckit.core.journal.ReplayRefusedException;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.store.IdempotencyKey;
import dev.synckit.core.store.XrefEntry;
import dev.synckit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store implementation must have: in memory, H2 and PostgreSQL run the same
 * tests. Time is a {@link MutableClock}: no test sleeps.
 */
public abstract class StoreContractTest {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    protected Stores stores;
    protected Journal journal;

    /** Fresh, empty stores on this clock. */
    protected abstract Stores create(MutableClock clock);

    @BeforeEach
    void setUp() {
        stores = create(clock);
        journal = stores.journal();
    }

    protected static Envelope envelope(String customerId, int version) {
        Customer c = Customer.builder().id(customerId).name("Name " + customerId + " v" + version)
                .lastModified(Instant.EPOCH.plusSeconds(version)).sourceSystem(SourceSystem.SALESFORCE).build();
        return Envelope.forChange(version == 1 ? new CustomerRegistered(c) : new CustomerUpdated(c, Set.of("name")),
                SourceSystem.SALESFORCE, customerId + "@" + version, "corr-" + customerId, Instant.EPOCH);
    }

    private FailureRecord failure(String code) {
        return new FailureRecord(FailureClass.REJECTED, code, "parent", "Invalid Field Value", clock.instant());
    }

    private List<JournalEntry> claim(String destination, int max) {
        return journal.claim(destination, max, "w", Duration.ofMinutes(1));
    }

    // ------------------------------------------------------------------ journal

    @Test
    void append_isIdempotentOnEventId_evenAfterTheDeliveriesCompleted() {
        Envelope e = envelope("c1", 1);
        assertThat(journal.append(List.of(new Append(e, Set.of("a", "b"))))).isEqualTo(new AppendResult(2, 0));
        journal.acknowledge(claim("a", 10).stream().map(Ack::completed).toList());

        assertThat(journal.append(List.of(new Append(e, Set.of("a", "b"))))).isEqualTo(new AppendResult(0, 2));
        assertThat(journal.backlog("a")).isZero();
        assertThat(journal.backlog("b")).isEqualTo(1);
    }

    @Test
    void claim_roundTripsTheEnvelope() {
        Envelope e = envelope("c1", 2);
        journal.append(List.of(e), Set.of("a"));

        JournalEntry claimed = claim("a", 1).get(0);

        assertThat(claimed.envelope()).isEqualTo(e);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.lease()).isNotNull();
    }

    @Test
    void claim_handsOutOneEntryPerKey_inAppendOrder_andOtherKeysInParallel() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2), envelope("k2", 1)), Set.of("d"));

        List<JournalEntry> first = claim("d", 10);
        assertThat(first).extracting(e -> e.envelope().businessKey()).containsExactly("k1", "k2");
        assertThat(claim("d", 10)).isEmpty();

        journal.acknowledge(List.of(Ack.completed(first.get(0))));
        List<JournalEntry> second = claim("d", 10);
        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.envelope()).isEqualTo(envelope("k1", 2));
            assertThat(e.sequence()).isGreaterThan(first.get(0).sequence());
        });
    }

    @Test
    void destinations_progressIndependently() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("fast", "slow"));
        JournalEntry slow = claim("slow", 1).get(0);
        journal.acknowledge(List.of(Ack.retry(slow, clock.instant().plus(Duration.ofHours(1)), failure("DOWN"))));

        journal.acknowledge(claim("fast", 10).stream().map(Ack::completed).toList());
        journal.acknowledge(claim("fast", 10).stream().map(Ack::completed).toList());

        assertThat(journal.backlog("fast")).isZero();
        assertThat(journal.backlog("slow")).isEqualTo(2);
    }

    @Test
    void retry_isNotHandedOutBeforeItsTime_andHoldsBackLaterEntriesOfItsKey() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("d"));
        JournalEntry e = claim("d", 10).get(0);
        journal.acknowledge(List.of(Ack.retry(e, clock.instant().plusSeconds(30), failure("LOCKED"))));

        assertThat(claim("d", 10)).isEmpty();
        assertThat(journal.nextAttemptAt("d")).contains(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        assertThat(claim("d", 10)).singleElement().satisfies(x -> {
            assertThat(x.sequence()).isEqualTo(e.sequence());
            assertThat(x.attempts()).isEqualTo(2);
            assertThat(x.lastFailure()).isNotNull();
            assertThat(x.lastFailure().code()).isEqualTo("LOCKED");
        });
    }

    @Test
    void expiredLease_returnsWorkToThePool_andTheOldLeaseCannotAcknowledge() {
        journal.append(List.of(envelope("k1", 1)), Set.of("d"));
        JournalEntry stale = journal.claim("d", 1, "crashed", Duration.ofSeconds(10)).get(0);
        assertThat(journal.claim("d", 1, "other", Duration.ofSeconds(10))).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        JournalEntry fresh = journal.claim("d", 1, "other", Duration.ofSeconds(10)).get(0);
        assertThat(fresh.lease().owner()).isEqualTo("other");
        assertThat(fresh.attempts()).isEqualTo(2);

        assertThat(journal.acknowledge(List.of(Ack.completed(stale)))).isEqualTo(1);
        assertThat(journal.backlog("d")).isEqualTo(1);
        assertThat(journal.acknowledge(List.of(Ack.completed(fresh)))).isZero();
        assertThat(journal.backlog("d")).isZero();
    }

    @Test
    void acknowledge_oneBatchFromTwoClaims_appliesEachKind_andRefusesOnlyAForgedLease() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2), envelope("k2", 1), envelope("k3", 1),
                envelope("k4", 1)), Set.of("d"));
        List<JournalEntry> first = claim("d", 2);
        List<JournalEntry> second = claim("d", 10);
        assertThat(first).extracting(e -> e.envelope().businessKey()).containsExactly("k1", "k2");
        assertThat(second).extracting(e -> e.envelope().businessKey()).containsExactly("k3", "k4");
        JournalEntry k4 = second.get(1);
        JournalEntry forged = new JournalEntry(k4.sequence(), k4.destination(), k4.envelope(), k4.attempts(),
                k4.nextAttemptAt(), k4.state(), new Lease("w", UUID.randomUUID(), k4.nextAttemptAt()), null);

        int refused = journal.acknowledge(List.of(Ack.completed(first.get(0)),
                Ack.retry(first.get(1), clock.instant().plusSeconds(30), failure("LOCKED")),
                Ack.dead(second.get(0), failure("INVALID_CONTENT")), Ack.completed(forged)));

        assertThat(refused).isEqualTo(1);
        // k1's next entry is promoted, k2 waits for its retry, k3 is a dead letter, k4 is still leased
        assertThat(claim("d", 10)).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(envelope("k1", 2)));
        assertThat(journal.deadLetterCount("d")).isEqualTo(1);
        assertThat(journal.backlog("d")).isEqualTo(3);
        assertThat(journal.acknowledge(List.of(Ack.completed(k4)))).isZero();
        assertThat(journal.backlog("d")).isEqualTo(2);
    }

    @Test
    void acknowledgeAndClaim_recordsTheAcksFirst_thenClaimsWhatTheyReleased() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2), envelope("k2", 1), envelope("k3", 1)), Set.of("d"));
        List<JournalEntry> first = claim("d", 2);
        assertThat(first).extracting(e -> e.envelope().businessKey()).containsExactly("k1", "k2");
        JournalEntry k2 = first.get(1);
        JournalEntry forged = new JournalEntry(k2.sequence(), k2.destination(), k2.envelope(), k2.attempts(),
                k2.nextAttemptAt(), k2.state(), new Lease("w", UUID.randomUUID(), k2.nextAttemptAt()), null);

        AckAndClaim cycle = journal.acknowledgeAndClaim(List.of(Ack.completed(first.get(0)), Ack.completed(forged)),
                "d", 10, "w", Duration.ofMinutes(1));

        assertThat(cycle.refused()).isEqualTo(1);
        // k1's second entry was released by the ack in the same call; k2 is still leased
        assertThat(cycle.claimed()).extracting(JournalEntry::envelope).containsExactly(envelope("k1", 2), envelope("k3", 1));
        AckAndClaim last = journal.acknowledgeAndClaim(
                List.of(Ack.completed(k2), Ack.completed(cycle.claimed().get(0)), Ack.completed(cycle.claimed().get(1))),
                "d", 10, "w", Duration.ofMinutes(1));
        assertThat(last.refused()).isZero();
        assertThat(last.claimed()).isEmpty();
        assertThat(journal.backlog("d")).isZero();
    }

    @Test
    void deadLetter_keepsTheEnvelope_isQueryable_andDoesNotBlockItsKey() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2), envelope("k2", 1)), Set.of("d"));
        List<JournalEntry> claimed = claim("d", 10);
        journal.acknowledge(List.of(Ack.dead(claimed.get(0), failure("INVALID_CONTENT")), Ack.completed(claimed.get(1))));

        assertThat(journal.deadLetters(DeadLetterQuery.route("d"))).singleElement().satisfies(d -> {
            assertThat(d.envelope()).isEqualTo(envelope("k1", 1));
            assertThat(d.recordId()).isEqualTo("k1");
            assertThat(d.failure().code()).isEqualTo("INVALID_CONTENT");
            assertThat(d.failure().field()).isEqualTo("parent");
            assertThat(d.status()).isEqualTo(DeadLetterStatus.OPEN);
            assertThat(d.createdAt()).isEqualTo(clock.instant());
        });
        assertThat(journal.deadLetterCount("d")).isEqualTo(1);
        assertThat(journal.deadLetters(DeadLetterQuery.open().withCode("INVALID_CONTENT").withRecordId("k1"))).hasSize(1);
        assertThat(journal.deadLetters(DeadLetterQuery.open().withCode("OTHER"))).isEmpty();
        assertThat(journal.deadLetters(DeadLetterQuery.open().between(clock.instant().plusSeconds(1), null))).isEmpty();
        assertThat(claim("d", 10)).singleElement().satisfies(e -> assertThat(e.envelope()).isEqualTo(envelope("k1", 2)));
    }

    @Test
    void laterSuccessOfTheSameRecord_marksTheEarlierDeadLetterSuperseded() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("d"));
        journal.acknowledge(List.of(Ack.dead(claim("d", 1).get(0), failure("INVALID_CONTENT"))));
        journal.acknowledge(List.of(Ack.completed(claim("d", 1).get(0))));

        assertThat(journal.deadLetters(DeadLetterQuery.route("d"))).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeadLetterStatus.SUPERSEDED));
        assertThat(journal.deadLetterCount("d")).isZero();
    }

    @Test
    void replay_keepsTheCorrelationId_countsReplays_andRefusesPastTheLoopGuard() {
        journal.append(List.of(envelope("k1", 1)), Set.of("d"));
        journal.acknowledge(List.of(Ack.dead(claim("d", 1).get(0), failure("INVALID_CONTENT"))));
        long id = journal.deadLetters(DeadLetterQuery.route("d")).get(0).id();

        Envelope original = envelope("k1", 1);
        Customer fixed = ((CustomerRegistered) original.payload()).customer().toBuilder().name("Fixed").build();
        Envelope replayed = journal.replay(id, new CustomerRegistered(fixed));

        assertThat(replayed.correlationId()).isEqualTo(original.correlationId());
        assertThat(replayed.causationId()).isEqualTo(original.eventId());
        assertThat(replayed.eventId()).isNotEqualTo(original.eventId());
        assertThat(journal.deadLetter(id)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeadLetterStatus.REPLAYED);
            assertThat(d.replays()).isEqualTo(1);
        });
        JournalEntry again = claim("d", 1).get(0);
        assertThat(((CustomerRegistered) again.envelope().payload()).customer().name()).isEqualTo("Fixed");
        assertThatThrownBy(() -> journal.replay(id, null)).isInstanceOf(ReplayRefusedException.class)
                .hasMessageContaining("REPLAYED");

        // the loop guard: the replay fails again and again
        for (int round = 2; round <= 6; round++) {
            journal.acknowledge(List.of(Ack.dead(again, failure("INVALID_CONTENT"))));
            DeadLetter latest = journal.deadLetters(DeadLetterQuery.open().withRoute("d")).get(0);
            if (round <= 5) {
                journal.replay(latest.id(), null);
                again = claim("d", 1).get(0);
            }
        }
        assertThat(journal.deadLetters(DeadLetterQuery.open().withRoute("d"))).hasSize(1);
    }

    @Test
    void replay_refusesAnEditThatChangesTheRecord() {
        journal.append(List.of(envelope("k1", 1)), Set.of("d"));
        journal.acknowledge(List.of(Ack.dead(claim("d", 1).get(0), failure("INVALID_CONTENT"))));
        long id = journal.deadLetters(DeadLetterQuery.route("d")).get(0).id();

        assertThatThrownBy(() -> journal.replay(id, envelope("other", 1).payload()))
                .isInstanceOf(ReplayRefusedException.class).hasMessageContaining("business key");
    }

    @Test
    void strictOrder_holdsTheKeyUntilTheDeadLetterIsReplayed_andTheReplayKeepsItsPlace() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("d"));
        JournalEntry first = claim("d", 1).get(0);
        journal.acknowledge(List.of(Ack.dead(first, failure("INVALID_CONTENT"), true)));

        assertThat(claim("d", 10)).isEmpty();
        assertThat(journal.backlog("d")).isEqualTo(1);

        long id = journal.deadLetters(DeadLetterQuery.route("d")).get(0).id();
        journal.replay(id, null);
        JournalEntry next = claim("d", 10).get(0);
        assertThat(next.envelope().causationId()).isEqualTo(first.envelope().eventId());
        journal.acknowledge(List.of(Ack.completed(next)));
        assertThat(claim("d", 10)).singleElement()
                .satisfies(e -> assertThat(e.envelope()).isEqualTo(envelope("k1", 2)));
    }

    @Test
    void strictOrder_skipReleasesTheKey() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("d"));
        journal.acknowledge(List.of(Ack.dead(claim("d", 1).get(0), failure("INVALID_CONTENT"), true)));
        long id = journal.deadLetters(DeadLetterQuery.route("d")).get(0).id();

        journal.skip(id);

        assertThat(journal.deadLetter(id)).get().satisfies(d -> assertThat(d.status()).isEqualTo(DeadLetterStatus.SKIPPED));
        assertThat(claim("d", 10)).singleElement()
                .satisfies(e -> assertThat(e.envelope()).isEqualTo(envelope("k1", 2)));
        assertThatThrownBy(() -> journal.skip(id)).isInstanceOf(ReplayRefusedException.class);
    }

    @Test
    void rawDeadLetters_keepTheRecordText_andCannotBeReplayed() {
        DeadLetter d = journal.deadLetterRaw("source", "001X", "{\"Id\":\"001X\"}", failure("MAPPING_FAILED"));

        assertThat(journal.deadLetter(d.id())).get().satisfies(x -> {
            assertThat(x.raw()).contains("001X");
            assertThat(x.envelope()).isNull();
        });
        assertThat(journal.deadLetterCount("source")).isEqualTo(1);
        assertThatThrownBy(() -> journal.replay(d.id(), null)).isInstanceOf(ReplayRefusedException.class)
                .hasMessageContaining("no decodable envelope");
    }

    @Test
    void purge_forgetsOldEventIds_andClosedDeadLetters_butKeepsOpenOnes() {
        journal.append(List.of(envelope("k1", 1), envelope("k2", 1)), Set.of("d"));
        List<JournalEntry> claimed = claim("d", 10);
        journal.acknowledge(List.of(Ack.completed(claimed.get(0)), Ack.dead(claimed.get(1), failure("X"))));
        journal.deadLetterRaw("source", "r1", "{}", failure("X"));
        long skipped = journal.deadLetterRaw("source", "r2", "{}", failure("X")).id();
        journal.skip(skipped);
        clock.advance(Duration.ofDays(8));

        assertThat(journal.purge(clock.instant().minus(Duration.ofDays(7)))).isGreaterThanOrEqualTo(3);

        assertThat(journal.append(List.of(envelope("k1", 1)), Set.of("d")).appended()).isEqualTo(1);
        assertThat(journal.deadLetter(skipped)).isEmpty();
        assertThat(journal.deadLetterCount("source")).isEqualTo(1);
        assertThat(journal.deadLetterCount("d")).isEqualTo(1);
    }

    @Test
    void appendAndCheckpoint_savesTheCheckpointWithTheAppend() {
        journal.appendAndCheckpoint(List.of(new Append(envelope("k1", 1), Set.of("d"))), stores.checkpoints(),
                "source", Checkpoint.of("2026-01-01T00:00:00Z|001"));

        assertThat(stores.checkpoints().load("source")).contains(Checkpoint.of("2026-01-01T00:00:00Z|001"));
        assertThat(journal.backlog("d")).isEqualTo(1);
    }

    @Test
    void appendAndCheckpoint_keepsThePagesDeadLettersWithTheAppend() {
        journal.appendAndCheckpoint(List.of(new Append(envelope("k1", 1), Set.of("d"))),
                List.of(new dev.synckit.core.journal.RawDeadLetter("source", "001BAD", "{\"Id\":\"001BAD\"}",
                        failure("MAPPING_FAILED"))), stores.checkpoints(), "source", Checkpoint.of("p2"));

        assertThat(stores.checkpoints().load("source")).contains(Checkpoint.of("p2"));
        assertThat(journal.deadLetters(DeadLetterQuery.route("source"))).singleElement()
                .satisfies(d -> assertThat(d.raw()).contains("001BAD"));
    }

    // ------------------------------------------------------------------ other stores

    @Test
    void checkpoints_areSavedAndReplaced() {
        assertThat(stores.checkpoints().load("s")).isEmpty();
        stores.checkpoints().save("s", Checkpoint.of("1"));
        stores.checkpoints().save("s", Checkpoint.of("2"));
        assertThat(stores.checkpoints().load("s")).contains(Checkpoint.of("2"));
    }

    @Test
    void xref_mapsBothWays_andRefusesASystemIdOwnedByAnotherCanonicalId() {
        stores.xref().putAll(List.of(new XrefEntry("customer", "c1", SourceSystem.NETSUITE, "647"),
                new XrefEntry("customer", "c1", SourceSystem.SALESFORCE, "001A")));
        stores.xref().put(new XrefEntry("customer", "c1", SourceSystem.NETSUITE, "647")); // idempotent

        assertThat(stores.xref().systemId("customer", "c1", SourceSystem.NETSUITE)).contains("647");
        assertThat(stores.xref().canonicalId("customer", SourceSystem.SALESFORCE, "001A")).contains("c1");
        assertThat(stores.xref().systemIds("customer", List.of("c1", "c2"), SourceSystem.NETSUITE))
                .isEqualTo(Map.of("c1", "647"));
        assertThatThrownBy(() -> stores.xref().put(new XrefEntry("customer", "c2", SourceSystem.NETSUITE, "647")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("c1");

        stores.xref().put(new XrefEntry("customer", "c1", SourceSystem.NETSUITE, "900")); // re-created record
        assertThat(stores.xref().systemId("customer", "c1", SourceSystem.NETSUITE)).contains("900");
        assertThat(stores.xref().canonicalId("customer", SourceSystem.NETSUITE, "647")).isEmpty();
    }

    @Test
    void idempotencyKeys_areRecorded_andPurgedByAge() {
        IdempotencyKey a = new IdempotencyKey(UUID.randomUUID(), "netsuite-customers", "upsert");
        IdempotencyKey b = new IdempotencyKey(UUID.randomUUID(), "netsuite-customers", "upsert");
        stores.idempotency().recordAll(List.of(a), clock.instant());
        stores.idempotency().recordAll(List.of(a), clock.instant()); // twice is harmless

        assertThat(stores.idempotency().recorded(List.of(a, b))).containsExactly(a);
        assertThat(stores.idempotency().purgeBefore(clock.instant().plusSeconds(1))).isEqualTo(1);
        assertThat(stores.idempotency().recorded(List.of(a))).isEmpty();
    }

    @Test
    void contentHashes_areStoredPerTargetRecord() {
        stores.idempotency().putContentHashes("t", Map.of("c1", "h1", "c2", "h2"));
        stores.idempotency().putContentHash("t", "c1", "h3");

        assertThat(stores.idempotency().contentHash("t", "c1")).contains("h3");
        assertThat(stores.idempotency().contentHashes("t", List.of("c1", "c2", "c3"))).isEqualTo(Map.of("c1", "h3", "c2", "h2"));
        assertThat(stores.idempotency().contentHash("other", "c1")).isEmpty();
    }

    @Test
    void auditLog_returnsARecordsEntriesNewestFirst() {
        UUID event = UUID.randomUUID();
        stores.audit().record(List.of(
                new AuditEntry(clock.instant(), "CREATE", "r", "netsuite", "647", event, "corr", null, "h1", "engine-1", null),
                new AuditEntry(clock.instant().plusSeconds(1), "UPDATE", "r", "netsuite", "647", event, "corr", "h1", "h2",
                        "engine-1", "customer c1")));

        assertThat(stores.audit().forRecord("647", 10)).extracting(AuditEntry::action).containsExactly("UPDATE", "CREATE");
        assertThat(stores.audit().forRecord("647", 1)).singleElement()
                .satisfies(e -> assertThat(e.beforeHash()).isEqualTo("h1"));
    }
}
