package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SupportCase;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.CaseEscalated;
import dev.synckit.core.Envelope;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.journal.AppendResult;
import dev.synckit.core.journal.FailureRecord;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.mapping.MappingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Turns Zendesk webhook requests into journal entries. A request is verified first ({@link WebhookVerifier}); a
 * refused one (unsigned, badly signed, stale, replayed, malformed) is recorded as a dead letter of route
 * {@value #ROUTE} and never processed. A verified one is mapped to a canonical event; the event is appended to the
 * journal as an envelope whose event id derives from the ticket and its {@code updated_at}, so the same ticket
 * version read again (by a retried delivery or the incremental export) is journaled once. Thread-safe.
 */
public final class ZendeskWebhookIntake {

    /** The dead-letter route of refused webhooks. */
    public static final String ROUTE = "zendesk-webhooks";
    private static final int MAX_RAW = 4000;

    /** What happened to one request. */
    public sealed interface Outcome {
        /** The HTTP status to answer Zendesk with. */
        int httpStatus();

        /** Verified and journaled. */
        record Journaled(Envelope envelope, boolean duplicate) implements Outcome {
            @Override
            public int httpStatus() {
                return 200;
            }
        }

        /** Verified, but nothing to propagate (an event type the mapper does not turn into a business event). */
        record Ignored(String eventType) implements Outcome {
            @Override
            public int httpStatus() {
                return 200;
            }
        }

        /** Refused and recorded as a dead letter. */
        record Refused(WebhookRefusedException cause) implements Outcome {
            @Override
            public int httpStatus() {
                return cause.httpStatus();
            }
        }
    }

    private final WebhookVerifier verifier;
    private final Journal journal;
    private final Set<String> destinations;
    private final Function<VerifiedWebhook, Optional<BusinessEvent>> mapper;
    private final Clock clock;
    private final LongAdder refused = new LongAdder();

    /**
     * @param destinations the journal destinations each event is appended for
     * @param mapper turns a verified webhook into the business event to propagate, or empty to acknowledge it
     *     only; see {@link #escalations(ZendeskMappers, MappingContext)}
     */
    public ZendeskWebhookIntake(WebhookVerifier verifier, Journal journal, Set<String> destinations,
            Function<VerifiedWebhook, Optional<BusinessEvent>> mapper, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.destinations = Set.copyOf(destinations);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The default mapper: a ticket event ({@code zen:event-type:ticket.*}, or a trigger payload with a {@code ticket})
     * whose ticket is escalated (tag {@value ZendeskMappers#ESCALATED_TAG} or priority urgent) becomes
     * {@link CaseEscalated}. Other ticket changes are acknowledged only: the canonical model has no general
     * case-changed event yet.
     */
    public static Function<VerifiedWebhook, Optional<BusinessEvent>> escalations(ZendeskMappers mappers,
            MappingContext context) {
        return webhook -> {
            Optional<JsonNode> ticket = ticketOf(webhook.body());
            if (ticket.isEmpty()) {
                return Optional.empty();
            }
            SupportCase c = mappers.ticketToSupportCase().map(ticket.get(), context);
            if (!c.escalated()) {
                return Optional.empty();
            }
            String type = webhook.type().isEmpty() ? "ticket webhook" : webhook.type();
            return Optional.of(new CaseEscalated(c, "escalated in Zendesk (" + type + ")"));
        };
    }

    /** The ticket a webhook body is about: event-style {@code detail} or trigger-style {@code ticket}. */
    static Optional<JsonNode> ticketOf(JsonNode body) {
        if (body.path("type").asText("").startsWith("zen:event-type:ticket.") && body.path("detail").isObject()) {
            return Optional.of(body.get("detail"));
        }
        return body.path("ticket").isObject() ? Optional.of(body.get("ticket")) : Optional.empty();
    }

    /** Verifies, maps and journals one request; never throws for a bad request (it is refused and recorded). */
    public Outcome receive(Map<String, String> headers, byte[] body) {
        VerifiedWebhook webhook;
        try {
            webhook = verifier.verify(headers, body);
        } catch (WebhookRefusedException e) {
            refused.increment();
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            h.putAll(headers);
            String id = Optional.ofNullable(h.get(WebhookVerifier.INVOCATION_ID)).orElse("?");
            String raw = new String(body, StandardCharsets.UTF_8);
            journal.deadLetterRaw(ROUTE, id, raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw,
                    FailureRecord.of(e, clock.instant()));
            return new Outcome.Refused(e);
        }
        Optional<BusinessEvent> event;
        try {
            event = mapper.apply(webhook);
        } catch (SyncException e) {
            journal.deadLetterRaw(ROUTE, webhook.invocationId(), cut(webhook.rawBody()),
                    FailureRecord.of(e, clock.instant()));
            return new Outcome.Refused(new WebhookRefusedException(WebhookRefusedException.Refusal.MALFORMED,
                    "webhook could not be mapped: " + e.getMessage()));
        }
        if (event.isEmpty()) {
            return new Outcome.Ignored(webhook.type());
        }
        JsonNode ticket = ticketOf(webhook.body()).orElse(webhook.body());
        String changeKey = "ticket/" + ticket.path("id").asText("?") + "@" + ticket.path("updated_at").asText(
                webhook.body().path("id").asText(webhook.invocationId()));
        Envelope envelope = Envelope.forChange(event.get(), SourceSystem.ZENDESK, changeKey,
                webhook.body().path("id").asText(webhook.invocationId()), occurredAt(webhook));
        AppendResult appended = journal.append(List.of(envelope), destinations);
        return new Outcome.Journaled(envelope, appended.appended() == 0);
    }

    /** Requests refused so far. */
    public long refusedCount() {
        return refused.sum();
    }

    private static Instant occurredAt(VerifiedWebhook webhook) {
        try {
            return Instant.parse(webhook.body().path("time").asText(""));
        } catch (DateTimeParseException e) {
            return webhook.timestamp();
        }
    }

    private static String cut(String raw) {
        return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
    }

    @Override
    public String toString() {
        return "ZendeskWebhookIntake[" + destinations + "]";
    }
}
