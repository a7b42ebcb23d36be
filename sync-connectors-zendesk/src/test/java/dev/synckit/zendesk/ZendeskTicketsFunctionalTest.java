package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.core.Envelope;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.http.Json;
import dev.synckit.testkit.FaultRule;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZendeskTicketsFunctionalTest {

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);
    private final ZendeskClient client = Fixtures.client(sim, clock);
    private final Envelope cause = Envelope.forChange(new CustomerRegistered(Fixtures.customer("cust-1")),
            SourceSystem.NETSUITE, "invoice/7@1", "corr-1", Instant.parse("2025-12-31T23:00:00Z"));

    @AfterEach
    void close() {
        sim.close();
    }

    private static ObjectNode ticket(String externalId) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("subject", "Invoice INV-7 disputed");
        t.putObject("comment").put("body", "Customer says INV-7 was charged twice").put("public", false);
        t.put("priority", "high");
        t.put("external_id", externalId);
        t.putArray("tags").add("billing_dispute");
        t.putArray("custom_fields").addObject().put("id", 27642).put("value", "INV-7");
        return t;
    }

    @Test
    void createTicket_sendsAKeyDerivedFromTheJournalEntry_andARetryWithItCreatesNoSecondTicket() {
        String key = ZendeskClient.ticketIdempotencyKey(cause);
        assertThat(ZendeskClient.ticketIdempotencyKey(cause)).isEqualTo(key).doesNotContain("attempt");
        UpsertResult first = client.createTicket(ticket("case-1"), key);
        // the engine never saw the answer (lost acknowledgement) and delivers the entry again
        clock.advance(Duration.ofMinutes(30));
        UpsertResult retry = client.createTicket(ticket("case-1"), key);

        assertThat(sim.tickets()).hasSize(1);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(first.created()).isTrue();
        assertThat(retry.created()).isFalse();
        assertThat(sim.requests()).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains(key));
    }

    @Test
    void createTicketOnce_looksUpTheExternalIdFirst_whenTheKeyMayHaveExpired() {
        UpsertResult created = client.createTicketOnce(ticket("case-1"), "key-1", Duration.ofMinutes(5));
        sim.clearRequests();

        UpsertResult again = client.createTicketOnce(ticket("case-1"), "key-other", Duration.ofHours(3));

        assertThat(again.id()).isEqualTo(created.id());
        assertThat(again.created()).isFalse();
        assertThat(sim.tickets()).hasSize(1);
        assertThat(sim.requests()).hasSize(1);
        assertThat(sim.requests().get(0).method()).isEqualTo("GET");
    }

    @Test
    void updateTicket_withSafeUpdate_setsFieldsTagsAndAnInternalComment() {
        UpsertResult created = client.createTicket(ticket("case-1"), "k-1");
        clock.advance(Duration.ofSeconds(5));
        ObjectNode change = Json.mapper().createObjectNode();
        change.put("status", "pending");
        change.putArray("tags").add("billing_dispute").add("escalated");
        change.putArray("custom_fields").addObject().put("id", 27642).put("value", "INV-8");
        change.putObject("comment").put("body", "Credit memo CM-1 issued").put("public", false);

        ObjectNode updated = client.updateTicket(created.id(), change, created.record().path("updated_at").asText());

        assertThat(updated.path("status").asText()).isEqualTo("pending");
        assertThat(sim.comments(created.id())).hasSize(2);
        assertThat(sim.comments(created.id()).get(1).path("public").asBoolean()).isFalse();
        assertThat(sim.ticket(created.id()).orElseThrow().path("custom_fields").get(0).path("value").asText())
                .isEqualTo("INV-8");
        assertThat(sim.requests().get(sim.requests().size() - 1).body()).contains("\"safe_update\":true");
    }

    @Test
    void updateTicket_onAStaleStamp_rereadsAndRetriesOnce() {
        UpsertResult created = client.createTicket(ticket("case-1"), "k-1");
        String stale = created.record().path("updated_at").asText();
        clock.advance(Duration.ofSeconds(5));
        sim.touchTicket(created.id(), Map.of("priority", "urgent")); // an agent changed it meanwhile
        ObjectNode change = Json.mapper().createObjectNode().put("status", "solved");

        ObjectNode updated = client.updateTicket(created.id(), change, stale);

        assertThat(updated.path("status").asText()).isEqualTo("solved");
        assertThat(updated.path("priority").asText()).isEqualTo("urgent");
        assertThat(sim.requests().stream().filter(r -> r.responseStatus() == 409).count()).isEqualTo(1);
    }

    @Test
    void updateTicket_conflictingTwice_isAConflict() {
        UpsertResult created = client.createTicket(ticket("case-1"), "k-1");
        sim.faults().add(FaultRule.status(409).matching("PUT", "/api/v2/tickets/.*"));
        assertThatThrownBy(() -> client.updateTicket(created.id(), Json.mapper().createObjectNode().put("status",
                "open"), created.record().path("updated_at").asText())).isInstanceOf(ConflictException.class);
    }

    @Test
    void updateTicket_ofAClosedTicket_isRejectedNamingTheStatusField() {
        long id = sim.seedTicket(Map.of("subject", "Old", "status", "closed")).path("id").asLong();
        String stamp = sim.ticket(id).orElseThrow().path("updated_at").asText();
        assertThatThrownBy(() -> client.updateTicket(id, Json.mapper().createObjectNode().put("status", "open"), stamp))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.platformCode()).contains("RecordInvalid");
                    assertThat(e.field()).contains("status");
                });
    }

    @Test
    void findByExternalId_andGet() {
        UpsertResult created = client.createTicket(ticket("case-9"), "k-9");
        assertThat(client.findTicketsByExternalId("CASE-9")).extracting(t -> t.path("id").asLong())
                .containsExactly(created.id());
        assertThat(client.findTicketsByExternalId("nope")).isEmpty();
        assertThat(client.getTicket(created.id())).isPresent();
        assertThat(client.getTicket(999_999)).isEmpty();
    }
}
