package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SupportCase;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.CaseEscalated;
import dev.synckit.canonical.event.CaseUpdated;
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
import java.util.ArrayList;
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
 * {@value #ROUTE} and never processed. A verified one is mapped to canonical events (by default
 * {@link #ticketEvents(ZendeskMappers, MappingContext)}: {@link CaseUpdated} for every ticket webhook, plus
 * {@link CaseEscalated} when the ticket is escalated); each event is appended to the journal as an envelope whose
 * event id derives from the ticket and its {@code updated_at} (and, for the escalation, the event type), so the
 * same ticket version delivered again is journaled once. Thread-safe.
 */
public final class ZendeskWebhookIntake {

    /** The dead-letter route of refused webhooks. */
    public static final String ROUTE = "zendesk-webhooks";
    private static final int MAX_RAW = 4000;

    /** What happened to one request. */
    public sealed interface Outcome {
        /** The HTTP status to answer Zendesk with. */
        int httpStatus();

        /**
         * Verified and journaled.
         *
         * @param envelopes one per event, in the mapper's order ({@link CaseUpdated} first by default)
         * @param duplicate whether every envelope was already in the journal (a repeated delivery)
         */
        record Journaled(List<Envelope> envelopes, boolean duplicate) implements Outcome {
            public Journaled {
                envelopes = List.copyOf(envelopes);
                if (envelopes.isEmpty()) {
                    throw new IllegalArgumentException("envelopes: at least one");
                }
            }

            /** The first envelope (the {@link CaseUpdated} with the default mapper). */
            public Envelope envelope() {
                return envelopes.get(0);
            }

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
    private final Function<VerifiedWebhook, List<BusinessEvent>> mapper;
    private final Clock clock;
    private final LongAdder refused = new LongAdder();

    /**
     * @param destinations the journal destinations each event is appended for
     * @param mapper turns a verified webhook into the business events to propagate, or an empty list to acknowledge
     *     it only; see {@link #ticketEvents(ZendeskMappers, MappingContext)}
     */
    public ZendeskWebhookIntake(WebhookVerifier verifier, Journal journal, Set<String> destinations,
            Function<VerifiedWebhook, List<BusinessEvent>> mapper, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.destinations = Set.copyOf(destinations);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The default mapper: every ticket webhook ({@code zen:event-type:ticket.*} with a {@code detail}, or a trigger
     * payload with a {@code ticket}) becomes {@link CaseUpdated} with the fields its event type names
     * ({@link #changedFields(String)}), followed by {@link CaseEscalated} when the ticket is escalated (tag
     * {@value ZendeskMappers#ESCALATED_TAG} or priority urgent). Other webhooks (users, organizations) are
     * acknowledged only.
     */
    public static Function<VerifiedWebhook, List<BusinessEvent>> ticketEvents(ZendeskMappers mappers,
            MappingContext context) {
        return webhook -> {
            Optional<JsonNode> ticket = ticketOf(webhook.body());
            if (ticket.isEmpty()) {
                return List.of();
            }
            SupportCase c = mappers.ticketToSupportCase().map(ticket.get(), context);
            List<BusinessEvent> events = new ArrayList<>(2);
            events.add(new CaseUpdated(c, changedFields(webhook.type())));
            if (c.escalated()) {
                events.add(new CaseEscalated(c, escalationReason(webhook)));
            }
            return List.copyOf(events);
        };
    }

    /**
     * Only escalations: a ticket webhook whose ticket is escalated becomes {@link CaseEscalated}; other ticket
     * changes are acknowledged only. For consumers that want escalations and nothing else.
     */
    public static Function<VerifiedWebhook, List<BusinessEvent>> escalations(ZendeskMappers mappers,
            MappingContext context) {
        return webhook -> {
            Optional<JsonNode> ticket = ticketOf(webhook.body());
            if (ticket.isEmpty()) {
                return List.of();
            }
            SupportCase c = mappers.ticketToSupportCase().map(ticket.get(), context);
            return c.escalated() ? List.of(new CaseEscalated(c, escalationReason(webhook))) : List.of();
        };
    }

    /**
     * The {@link SupportCase} components a ticket event type changes: {@code ticket.status_changed} → status,
     * {@code ticket.priority_changed} → priority and escalated, {@code ticket.tags_changed} → escalated and category,
     * {@code ticket.subject_changed} → subject, {@code ticket.description_changed} → description,
     * {@code ticket.organization_changed} → organizationCustomerId, {@code ticket.requester_changed} →
     * requesterContactId, {@code ticket.type_changed} → category, {@code ticket.custom_field_changed} → category,
     * invoiceId and orderNumber; anything else (created, trigger payloads, unknown types) → empty ("unknown").
     */
    public static Set<String> changedFields(String webhookType) {
        String t = webhookType.startsWith("zen:event-type:ticket.") ? webhookType.substring(22) : "";
        return switch (t) {
            case "status_changed" -> Set.of("status");
            case "priority_changed" -> Set.of("priority", "escalated");
            case "tags_changed" -> Set.of("escalated", "category");
            case "subject_changed" -> Set.of("subject");
            case "description_changed" -> Set.of("description");
            case "organization_changed" -> Set.of("organizationCustomerId");
            case "requester_changed" -> Set.of("requesterContactId");
            case "type_changed" -> Set.of("category");
            case "custom_field_changed" -> Set.of("category", "invoiceId", "orderNumber");
            default -> Set.of();
        };
    }

    private static String escalationReason(VerifiedWebhook webhook) {
        String type = webhook.type().isEmpty() ? "ticket webhook" : webhook.type();
        return "escalated in Zendesk (" + type + ")";
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
        List<BusinessEvent> events;
        try {
            events = List.copyOf(mapper.apply(webhook));
        } catch (SyncException e) {
            journal.deadLetterRaw(ROUTE, webhook.invocationId(), cut(webhook.rawBody()),
                    FailureRecord.of(e, clock.instant()));
            return new Outcome.Refused(new WebhookRefusedException(WebhookRefusedException.Refusal.MALFORMED,
                    "webhook could not be mapped: " + e.getMessage()));
        }
        if (events.isEmpty()) {
            return new Outcome.Ignored(webhook.type());
        }
        JsonNode ticket = ticketOf(webhook.body()).orElse(webhook.body());
        String changeKey = "ticket/" + ticket.path("id").asText("?") + "@" + ticket.path("updated_at").asText(
                webhook.body().path("id").asText(webhook.invocationId()));
        String correlation = webhook.body().path("id").asText(webhook.invocationId());
        Instant at = occurredAt(webhook);
        List<Envelope> envelopes = new ArrayList<>(events.size());
        for (BusinessEvent event : events) {
            // CaseUpdated keeps the bare change key (the ticket export's); other events are told apart by type
            String key = event instanceof CaseUpdated ? changeKey : changeKey + "#" + event.eventType();
            envelopes.add(Envelope.forChange(event, SourceSystem.ZENDESK, key, correlation, at));
        }
        AppendResult appended = journal.append(envelopes, destinations);
        return new Outcome.Journaled(envelopes, appended.appended() == 0);
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
