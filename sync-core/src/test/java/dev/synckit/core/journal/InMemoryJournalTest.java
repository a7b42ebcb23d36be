package dev.synckit.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.Envelope;
import dev.synckit.testkit.MutableClock;
import dev.synckit.core.failure.FailureClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryJournalTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Journal journal = Journal.inMemory(clock);

    private static Envelope envelope(String customerId, int version) {
        Customer c = Customer.builder().id(customerId).name("Name " + customerId)
                .lastModified(Instant.EPOCH).sourceSystem(SourceSystem.SALESFORCE).build();
        return Envelope.forChange(new CustomerRegistered(c), SourceSystem.SALESFORCE, customerId + "@" + version,
                "corr-" + customerId, Instant.EPOCH);
    }

    private FailureRecord failure() {
        return new FailureRecord(FailureClass.TRANSIENT, "X", null, "boom", clock.instant());
    }

    @Test
    void append_isIdempotentOnEventIdPerDestination() {
        Envelope e = envelope("c1", 1);
        assertThat(journal.append(List.of(e), Set.of("a", "b"))).isEqualTo(new AppendResult(2, 0));
        assertThat(journal.append(List.of(e), Set.of("a", "b"))).isEqualTo(new AppendResult(0, 2));
        assertThat(journal.backlog("a")).isEqualTo(1);
        assertThat(journal.backlog("b")).isEqualTo(1);
    }

    @Test
    void claim_handsOutOneEntryPerKey_inAppendOrder_andOtherKeysInParallel() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2), envelope("k2", 1)), Set.of("d"));

        List<JournalEntry> first = journal.claim("d", 10, "w1", Duration.ofMinutes(1));
        assertThat(first).extracting(e -> e.envelope().businessKey()).containsExactly("k1", "k2");
        assertThat(journal.claim("d", 10, "w2", Duration.ofMinutes(1))).isEmpty();

        journal.acknowledge(List.of(Ack.completed(first.get(0))));
        List<JournalEntry> second = journal.claim("d", 10, "w2", Duration.ofMinutes(1));
        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.envelope().businessKey()).isEqualTo("k1");
            assertThat(e.sequence()).isGreaterThan(first.get(0).sequence());
        });
    }

    @Test
    void retry_isNotHandedOutBeforeItsTime_andHoldsBackLaterEntriesOfItsKey() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("d"));
        JournalEntry e = journal.claim("d", 10, "w", Duration.ofMinutes(1)).get(0);
        journal.acknowledge(List.of(Ack.retry(e, clock.instant().plusSeconds(30), failure())));

        assertThat(journal.claim("d", 10, "w", Duration.ofMinutes(1))).isEmpty();
        assertThat(journal.nextAttemptAt("d")).contains(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        List<JournalEntry> again = journal.claim("d", 10, "w", Duration.ofMinutes(1));
        assertThat(again).singleElement().satisfies(x -> {
            assertThat(x.sequence()).isEqualTo(e.sequence());
            assertThat(x.attempts()).isEqualTo(2);
            assertThat(x.lastFailure()).isNotNull();
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

        assertThat(journal.acknowledge(List.of(Ack.completed(stale)))).isEqualTo(1);
        assertThat(journal.backlog("d")).isEqualTo(1);
        assertThat(journal.acknowledge(List.of(Ack.completed(fresh)))).isZero();
        assertThat(journal.backlog("d")).isZero();
    }

    @Test
    void deadLetter_leavesTheBacklog_keepsTheEnvelope_andDoesNotBlockItsKey() {
        journal.append(List.of(envelope("k1", 1), envelope("k1", 2)), Set.of("d"));
        JournalEntry e = journal.claim("d", 10, "w", Duration.ofMinutes(1)).get(0);
        journal.acknowledge(List.of(Ack.dead(e, failure())));

        assertThat(journal.deadLetters("d", 10)).singleElement().satisfies(d -> {
            assertThat(d.envelope()).isEqualTo(e.envelope());
            assertThat(d.recordId()).isEqualTo("k1");
        });
        assertThat(journal.deadLetterCount("d")).isEqualTo(1);
        assertThat(journal.claim("d", 10, "w", Duration.ofMinutes(1))).hasSize(1);
    }

    @Test
    void rawDeadLetters_areKeptPerRoute() {
        journal.deadLetterRaw("source", "001X", "{\"Id\":\"001X\"}", failure());
        assertThat(journal.deadLetters("source", 10)).singleElement()
                .satisfies(d -> assertThat(d.raw()).contains("001X"));
        assertThat(journal.deadLetterCount("other")).isZero();
    }
}
