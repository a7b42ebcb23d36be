package dev.synckit.examples;

import com.sun.net.httpserver.HttpServer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Envelope;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import dev.synckit.core.store.XrefStore;
import dev.synckit.testkit.zendesk.ZendeskSimulator;
import dev.synckit.testkit.zendesk.ZendeskWebhook;
import dev.synckit.zendesk.WebhookVerifier;
import dev.synckit.zendesk.ZendeskMappers;
import dev.synckit.zendesk.ZendeskWebhookIntake;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Zendesk webhook receiver on the JDK's {@link HttpServer}, on loopback: every request goes through
 * {@link ZendeskWebhookIntake} (signature over timestamp + raw body, 5-minute window, replay by invocation); a
 * verified ticket webhook becomes a {@code CaseUpdated} envelope (plus {@code CaseEscalated} when escalated) in the journal, anything refused is answered 401,
 * 409 or 400 and recorded as a dead letter. The Zendesk simulator plays Zendesk and signs what it sends.
 *
 * <p>Run it with {@code mvn -B -q -Prun-example -DskipTests -pl examples -am package
 * -Dexample.main=dev.synckit.examples.ZendeskWebhookReceiverExample}. In production, read the secret from
 * Admin Center (webhook → Reveal secret) and put the receiver behind TLS.
 */
public final class ZendeskWebhookReceiverExample {

    private static final String SECRET = "example-signing-secret";

    private ZendeskWebhookReceiverExample() {
    }

    /** Starts a receiver for {@code intake} at {@code /zendesk/webhooks} on a free loopback port. */
    public static HttpServer receiver(ZendeskWebhookIntake intake) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/zendesk/webhooks", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                byte[] body = exchange.getRequestBody().readAllBytes(); // the raw bytes: the signature covers them
                exchange.sendResponseHeaders(intake.receive(headers, body).httpStatus(), -1);
            }
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        Clock clock = Clock.systemUTC();
        Journal journal = Journal.inMemory(clock);
        ZendeskWebhookIntake intake = new ZendeskWebhookIntake(
                WebhookVerifier.builder(Secret.of(SECRET)).clock(clock).build(), journal, Set.of("netsuite"),
                ZendeskWebhookIntake.ticketEvents(ZendeskMappers.defaults(), MappingContext.create(XrefStore.inMemory(), Map.of(), clock)), clock);
        HttpServer server = receiver(intake);
        try (ZendeskSimulator zendesk = ZendeskSimulator.create().start()) {
            URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/zendesk/webhooks");
            long ticket = zendesk.seedTicket(Map.of("subject", "Invoice INV-7 double charged", "priority", "urgent",
                    "status", "open", "tags", List.of("billing_dispute"))).path("id").asLong();
            ZendeskWebhook signed = zendesk.webhook(SECRET, zendesk.ticketEventBody(ticket,
                    "ticket.priority_changed", Map.of("previous", "normal", "current", "urgent")));
            out.printf("signed escalation          -> %d%n", zendesk.send(target, signed));
            out.printf("same invocation again      -> %d%n", zendesk.send(target, signed));
            out.printf("body altered by one byte   -> %d%n", zendesk.send(target,
                    signed.withBody(signed.body().replace("urgent", "urgenT"))));
            out.printf("signed with a wrong secret -> %d%n", zendesk.send(target,
                    zendesk.webhook("not-the-secret", signed.body())));
            out.printf("journal backlog for netsuite: %d%n", journal.backlog("netsuite"));
            for (DeadLetter d : journal.deadLetters(ZendeskWebhookIntake.ROUTE, 10)) {
                out.printf("refused: %s (%s)%n", d.failure().code(), d.failure().message());
            }
        } finally {
            server.stop(0);
        }
    }
}
