package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.synckit.canonical.event.CaseEscalated;
import dev.synckit.canonical.event.CaseUpdated;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.journal.JournalEntry;
import dev.synckit.testkit.MutableClock;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import dev.synckit.testkit.zendesk.ZendeskWebhook;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZendeskWebhookIntakeFunctionalTest {

    private static final String SECRET = "whsec-simulated-signing-secret";

    private final MutableClock clock = MutableClock.create();
    private final ZendeskSimulator sim = Fixtures.simulator(clock);
    private final Journal journal = Journal.inMemory(clock);
    private final TestMappingContext context = new TestMappingContext();
    private final ZendeskWebhookIntake intake = new ZendeskWebhookIntake(
            WebhookVerifier.builder(Secret.of(SECRET)).clock(clock).build(), journal, Set.of("salesforce"),
            ZendeskWebhookIntake.ticketEvents(ZendeskMappers.defaults(), context), clock);

    @AfterEach
    void close() {
        sim.close();
    }

    private long escalatedTicket() {
        long org = sim.seedOrganization(Map.of("name", "Acme", "external_id", "cust-1")).path("id").asLong();
        context.knows("customer", "cust-1", Long.toString(org));
        return sim.seedTicket(Map.of("subject", "Invoice INV-7 is wrong", "priority", "urgent", "status", "open",
                "organization_id", org, "tags", List.of("billing_dispute"))).path("id").asLong();
    }

    private ZendeskWebhookIntake.Outcome receive(ZendeskWebhook w) {
        return intake.receive(w.headers(), w.bodyBytes());
    }

    @Test
    void aSignedEscalatedTicketEvent_becomesCaseUpdatedAndCaseEscalated_journaledOnceEvenWhenDeliveredTwice() {
        long ticket = escalatedTicket();
        String body = sim.ticketEventBody(ticket, "ticket.priority_changed", Map.of("current", "urgent"));
        ZendeskWebhook first = sim.webhook(SECRET, body);

        ZendeskWebhookIntake.Outcome outcome = receive(first);

        assertThat(outcome).isInstanceOfSatisfying(ZendeskWebhookIntake.Outcome.Journaled.class, j -> {
            assertThat(j.envelopes()).hasSize(2);
            assertThat(j.envelopes().get(0).payload()).isInstanceOfSatisfying(CaseUpdated.class, e -> {
                assertThat(e.supportCase().organizationCustomerId()).isEqualTo("cust-1");
                assertThat(e.changedFields()).containsExactly("escalated", "priority");
            });
            assertThat(j.envelopes().get(1).payload()).isInstanceOfSatisfying(CaseEscalated.class, e -> {
                assertThat(e.supportCase().organizationCustomerId()).isEqualTo("cust-1");
                assertThat(e.supportCase().category().name()).isEqualTo("BILLING_DISPUTE");
                assertThat(e.reason()).contains("ticket.priority_changed");
            });
            assertThat(j.envelopes()).extracting(e -> e.businessKey()).containsOnly("cust-1");
            assertThat(j.envelopes().get(0).eventId()).isNotEqualTo(j.envelopes().get(1).eventId());
            assertThat(j.duplicate()).isFalse();
        });
        // Zendesk retries with a new invocation id: verified again, journaled once
        ZendeskWebhook retry = sim.webhook(SECRET, body);
        assertThat(receive(retry)).isInstanceOfSatisfying(ZendeskWebhookIntake.Outcome.Journaled.class,
                j -> assertThat(j.duplicate()).isTrue());
        List<JournalEntry> entries = journal.claim("salesforce", 10, "test", Duration.ofMinutes(1));
        // same business key: handed out one at a time, CaseUpdated first
        assertThat(entries).extracting(e -> e.envelope().type()).containsExactly("CaseUpdated");
        assertThat(journal.backlog("salesforce")).isEqualTo(2);
    }

    @Test
    void aTicketChangeThatIsNoEscalation_isJournaledAsCaseUpdatedOnly() {
        long ticket = sim.seedTicket(Map.of("subject", "How do I?", "status", "open")).path("id").asLong();
        ZendeskWebhook w = sim.webhook(SECRET, sim.ticketEventBody(ticket, "ticket.status_changed", Map.of()));

        assertThat(receive(w)).isInstanceOfSatisfying(ZendeskWebhookIntake.Outcome.Journaled.class, j -> {
            assertThat(j.envelopes()).hasSize(1);
            assertThat(j.envelope().payload()).isInstanceOfSatisfying(CaseUpdated.class, e -> {
                assertThat(e.changedFields()).containsExactly("status");
                assertThat(e.supportCase().escalated()).isFalse();
                assertThat(e.supportCase().organizationCustomerId()).isNull();
            });
            assertThat(j.envelope().businessKey()).isEqualTo(((CaseUpdated) j.envelope().payload()).supportCase().id());
        });
        assertThat(journal.backlog("salesforce")).isEqualTo(1);
    }

    @Test
    void aLaterVersionOfTheSameTicket_isANewEntry_aCreatedEventHasUnknownChangedFields() {
        long ticket = sim.seedTicket(Map.of("subject", "How do I?", "status", "new")).path("id").asLong();
        assertThat(receive(sim.webhook(SECRET, sim.ticketEventBody(ticket, "ticket.created", Map.of()))))
                .isInstanceOfSatisfying(ZendeskWebhookIntake.Outcome.Journaled.class, j -> assertThat(
                        ((CaseUpdated) j.envelope().payload()).changedFields()).isEmpty());
        clock.advance(Duration.ofSeconds(5));
        sim.touchTicket(ticket, Map.of("subject", "How do I export?"));

        assertThat(receive(sim.webhook(SECRET, sim.ticketEventBody(ticket, "ticket.subject_changed", Map.of()))))
                .isInstanceOfSatisfying(ZendeskWebhookIntake.Outcome.Journaled.class, j -> {
                    assertThat(j.duplicate()).isFalse();
                    assertThat(((CaseUpdated) j.envelope().payload()).supportCase().subject())
                            .isEqualTo("How do I export?");
                });
        assertThat(journal.backlog("salesforce")).isEqualTo(2);
    }

    @Test
    void theEscalationsOnlyMapper_acknowledgesOrdinaryChangesWithoutJournaling() {
        ZendeskWebhookIntake escalationsOnly = new ZendeskWebhookIntake(
                WebhookVerifier.builder(Secret.of(SECRET)).clock(clock).build(), journal, Set.of("salesforce"),
                ZendeskWebhookIntake.escalations(ZendeskMappers.defaults(), context), clock);
        long ticket = sim.seedTicket(Map.of("subject", "How do I?", "status", "open")).path("id").asLong();
        ZendeskWebhook w = sim.webhook(SECRET, sim.ticketEventBody(ticket, "ticket.tags_changed", Map.of()));

        assertThat(escalationsOnly.receive(w.headers(), w.bodyBytes()))
                .isInstanceOfSatisfying(ZendeskWebhookIntake.Outcome.Ignored.class,
                        i -> assertThat(i.eventType()).isEqualTo("zen:event-type:ticket.tags_changed"));
        assertThat(journal.backlog("salesforce")).isZero();
    }

    @Test
    void badlySignedStaleReplayedAndMalformedWebhooks_areRefusedAndRecorded_neverProcessed() {
        long ticket = escalatedTicket();
        ZendeskWebhook good = sim.webhook(SECRET, sim.ticketEventBody(ticket, "ticket.created", Map.of()));

        assertThat(receive(sim.webhook("wrong-secret", good.body())).httpStatus()).isEqualTo(401);
        assertThat(receive(good.withBody(good.body().replace("urgent", "urgenT"))).httpStatus()).isEqualTo(401);
        assertThat(receive(good.withSignature("")).httpStatus()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(6));
        assertThat(receive(good).httpStatus()).isEqualTo(401); // stale now
        clock.advance(Duration.ofMinutes(-6));
        assertThat(receive(good).httpStatus()).isEqualTo(200);
        assertThat(receive(good).httpStatus()).isEqualTo(409); // replayed invocation
        assertThat(receive(sim.webhook(SECRET, "{\"truncated\":")).httpStatus()).isEqualTo(400);

        assertThat(journal.backlog("salesforce")).isEqualTo(2); // CaseUpdated + CaseEscalated of the one accepted
        List<DeadLetter> refused = journal.deadLetters(ZendeskWebhookIntake.ROUTE, 10);
        assertThat(refused).hasSize(6);
        assertThat(refused).extracting(d -> d.failure().code()).containsExactly("WEBHOOK_BAD_SIGNATURE",
                "WEBHOOK_BAD_SIGNATURE", "WEBHOOK_UNSIGNED", "WEBHOOK_STALE", "WEBHOOK_REPLAYED", "WEBHOOK_MALFORMED");
        assertThat(intake.refusedCount()).isEqualTo(6);
    }

    @Test
    void theSimulatorsSender_deliversOverLoopback_toAJdkHttpServerReceiver() throws Exception {
        long ticket = escalatedTicket();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/zendesk/webhooks", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            int status = intake.receive(headers, exchange.getRequestBody().readAllBytes()).httpStatus();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/zendesk/webhooks");
            ZendeskWebhook w = sim.webhook(SECRET, sim.ticketEventBody(ticket, "ticket.created", Map.of()));
            assertThat(sim.send(target, w)).isEqualTo(200);
            assertThat(sim.send(target, w.withBody(w.body() + " "))).isEqualTo(401);
            assertThat(journal.backlog("salesforce")).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }
}
