package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.CaseCategory;
import dev.synckit.canonical.CasePriority;
import dev.synckit.canonical.CaseStatus;
import dev.synckit.canonical.Contact;
import dev.synckit.canonical.Customer;
import dev.synckit.canonical.Entitlement;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SupportCase;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The default mappers between the canonical model and Zendesk: Customer → organization, Entitlement →
 * organization fields, Contact → end-user, SupportCase ⇄ ticket. Each is a {@link Mapper} that host applications
 * can wrap ({@link Mapper#andThen}) to add their own fields. Stateless and thread-safe.
 */
public final class ZendeskMappers {

    /** Tag marking an escalated ticket. */
    public static final String ESCALATED_TAG = "escalated";
    /** Tag marking a billing dispute. */
    public static final String BILLING_DISPUTE_TAG = "billing_dispute";
    private static final Pattern CANONICAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ZendeskFieldKeys keys;

    private ZendeskMappers(ZendeskFieldKeys keys) {
        this.keys = keys;
    }

    /** Mappers using these field keys. */
    public static ZendeskMappers with(ZendeskFieldKeys keys) {
        return new ZendeskMappers(Objects.requireNonNull(keys, "keys"));
    }

    /** Mappers with {@link ZendeskFieldKeys#defaults()}. */
    public static ZendeskMappers defaults() {
        return with(ZendeskFieldKeys.defaults());
    }

    /**
     * Customer → organization: {@code name}, {@code external_id} = canonical id, {@code organization_fields}:
     * the ERP customer number (the customer's NetSuite external reference) and the account status; the
     * customer's {@code serviceTier} / {@code entitlementEndDate} custom attributes when present.
     */
    public Mapper<Customer, ZendeskRecord> customerToOrganization() {
        return (c, context) -> {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("name", c.name());
            ObjectNode fields = o.putObject("organization_fields");
            c.externalRefs().stream().filter(r -> r.system().equals(SourceSystem.NETSUITE)).findFirst()
                    .ifPresent(r -> fields.put(keys.erpCustomerNumber(), r.id()));
            fields.put(keys.accountStatus(), c.status().name().toLowerCase(Locale.ROOT));
            String tier = c.customAttributes().get("serviceTier");
            if (tier != null) {
                fields.put(keys.serviceTier(), tier);
            }
            String end = c.customAttributes().get("entitlementEndDate");
            if (end != null) {
                fields.put(keys.entitlementEndDate(), end);
            }
            context.systemId("customer", c.id(), SourceSystem.ZENDESK).ifPresent(id -> o.put("id", Long.parseLong(id)));
            return new ZendeskRecord(c.id(), o);
        };
    }

    /**
     * Entitlement → the organization fields of its customer (external id = the customer's canonical id): service
     * tier, end date ({@code yyyy-MM-dd}, cleared when open-ended) and status. Carries no name, so it updates an
     * existing organization and is refused for a missing one.
     */
    public Mapper<Entitlement, ZendeskRecord> entitlementToOrganization() {
        return (e, context) -> {
            ObjectNode o = Json.mapper().createObjectNode();
            ObjectNode fields = o.putObject("organization_fields");
            fields.put(keys.serviceTier(), e.serviceTier());
            if (e.end() == null) {
                fields.putNull(keys.entitlementEndDate());
            } else {
                fields.put(keys.entitlementEndDate(), e.end().toString());
            }
            fields.put(keys.entitlementStatus(), e.status().name().toLowerCase(Locale.ROOT));
            context.systemId("customer", e.customerId(), SourceSystem.ZENDESK)
                    .ifPresent(id -> o.put("id", Long.parseLong(id)));
            return new ZendeskRecord(e.customerId(), o);
        };
    }

    /**
     * Contact → end-user: name (first + last), e-mail, phone, {@code role: end-user}, {@code external_id} =
     * canonical id, the organization by the cross-reference, and {@code skip_verify_email}.
     */
    public Mapper<Contact, ZendeskRecord> contactToUser() {
        return (c, context) -> {
            ObjectNode u = Json.mapper().createObjectNode();
            String name = (c.firstName() == null ? "" : c.firstName() + " ") + c.lastName();
            u.put("name", name.trim());
            if (c.email() != null) {
                u.put("email", c.email());
            }
            if (c.phone() != null) {
                u.put("phone", c.phone());
            }
            u.put("role", "end-user");
            u.put("skip_verify_email", true);
            if (c.customerId() != null) {
                context.systemId("customer", c.customerId(), SourceSystem.ZENDESK)
                        .ifPresent(id -> u.put("organization_id", Long.parseLong(id)));
            }
            return new ZendeskRecord(c.id(), u);
        };
    }

    /**
     * SupportCase → ticket body: subject, first comment (description), priority, status, type, tags
     * ({@value #ESCALATED_TAG}, {@value #BILLING_DISPUTE_TAG}), {@code external_id} = canonical id, the
     * organization by the cross-reference, and the configured custom fields (category, billing-dispute flag,
     * invoice id).
     */
    public Mapper<SupportCase, ObjectNode> supportCaseToTicket() {
        return (s, context) -> {
            ObjectNode t = Json.mapper().createObjectNode();
            t.put("subject", s.subject());
            t.putObject("comment").put("body", s.description() == null || s.description().isBlank()
                    ? s.subject() : s.description()).put("public", true);
            t.put("priority", s.priority().name().toLowerCase(Locale.ROOT));
            t.put("status", zendeskStatus(s.status()));
            t.put("type", switch (s.category()) {
                case INCIDENT -> "incident";
                case PROBLEM -> "problem";
                case TASK -> "task";
                default -> "question";
            });
            t.put("external_id", s.id());
            ArrayNode tags = t.putArray("tags");
            if (s.escalated()) {
                tags.add(ESCALATED_TAG);
            }
            if (s.category() == CaseCategory.BILLING_DISPUTE) {
                tags.add(BILLING_DISPUTE_TAG);
            }
            if (s.organizationCustomerId() != null) {
                context.systemId("customer", s.organizationCustomerId(), SourceSystem.ZENDESK)
                        .ifPresent(id -> t.put("organization_id", Long.parseLong(id)));
            }
            ArrayNode custom = t.putArray("custom_fields");
            if (keys.ticketCategoryFieldId() != 0) {
                custom.addObject().put("id", keys.ticketCategoryFieldId())
                        .put("value", s.category().name().toLowerCase(Locale.ROOT));
            }
            if (keys.ticketBillingDisputeFieldId() != 0) {
                custom.addObject().put("id", keys.ticketBillingDisputeFieldId())
                        .put("value", s.category() == CaseCategory.BILLING_DISPUTE);
            }
            if (keys.ticketInvoiceFieldId() != 0 && s.invoiceId() != null) {
                custom.addObject().put("id", keys.ticketInvoiceFieldId()).put("value", s.invoiceId());
            }
            if (keys.ticketOrderFieldId() != 0 && s.orderNumber() != null) {
                custom.addObject().put("id", keys.ticketOrderFieldId()).put("value", s.orderNumber());
            }
            return t;
        };
    }

    /**
     * Ticket → SupportCase, from a ticket as the API returns it or a webhook's {@code detail} (values as strings).
     * The case id is the ticket's {@code external_id} when it is a canonical id, else one derived from the ticket id;
     * organization and requester come from the cross-reference.
     *
     * @throws MappingException naming the field when the ticket has no id, an unknown status or priority
     */
    public Mapper<JsonNode, SupportCase> ticketToSupportCase() {
        return this::toCase;
    }

    private SupportCase toCase(JsonNode t, MappingContext context) {
        String ticketId = t.path("id").asText("");
        if (ticketId.isEmpty()) {
            throw MappingException.field("?", "id", "a ticket without id");
        }
        String ext = t.path("external_id").asText("");
        String id = CANONICAL_ID.matcher(ext).matches() ? ext
                : context.canonicalIdFor("supportCase", SourceSystem.ZENDESK, ticketId);
        Set<String> tags = new LinkedHashSet<>();
        t.path("tags").forEach(tag -> tags.add(tag.asText()));
        JsonNode custom = t.path("custom_fields");
        String categoryValue = customValue(custom, keys.ticketCategoryFieldId());
        boolean dispute = tags.contains(BILLING_DISPUTE_TAG)
                || "true".equalsIgnoreCase(customValue(custom, keys.ticketBillingDisputeFieldId()));
        CaseCategory category = dispute ? CaseCategory.BILLING_DISPUTE : category(categoryValue, t.path("type").asText(""));
        String subject = t.path("subject").asText("");
        Instant modified;
        try {
            modified = Instant.parse(t.path("updated_at").asText(""));
        } catch (DateTimeParseException e) {
            throw MappingException.field(ticketId, "updated_at", "not an ISO-8601 instant");
        }
        SupportCase.Builder b = SupportCase.builder().id(id)
                .subject(subject.isBlank() ? "(no subject)" : subject)
                .description(t.path("description").asText(null))
                .priority(priority(ticketId, t.path("priority").asText("")))
                .status(status(ticketId, t.path("status").asText("")))
                .category(category)
                .escalated(tags.contains(ESCALATED_TAG) || "urgent".equals(t.path("priority").asText("")))
                .invoiceId(blankToNull(customValue(custom, keys.ticketInvoiceFieldId())))
                .orderNumber(blankToNull(customValue(custom, keys.ticketOrderFieldId())))
                .addExternalRef(new ExternalRef(SourceSystem.ZENDESK, "ticket", ticketId))
                .lastModified(modified)
                .sourceSystem(SourceSystem.ZENDESK);
        String org = t.path("organization_id").asText("");
        if (!org.isEmpty() && !org.equals("0")) {
            context.canonicalId("customer", SourceSystem.ZENDESK, org).ifPresent(b::organizationCustomerId);
        }
        String requester = t.path("requester_id").asText("");
        if (!requester.isEmpty() && !requester.equals("0")) {
            context.canonicalId("contact", SourceSystem.ZENDESK, requester).ifPresent(b::requesterContactId);
        }
        return b.build();
    }

    private static String zendeskStatus(CaseStatus s) {
        return s == CaseStatus.ON_HOLD ? "hold" : s.name().toLowerCase(Locale.ROOT);
    }

    private static CaseStatus status(String ticketId, String s) {
        return switch (s) {
            case "new" -> CaseStatus.NEW;
            case "open" -> CaseStatus.OPEN;
            case "pending" -> CaseStatus.PENDING;
            case "hold" -> CaseStatus.ON_HOLD;
            case "solved" -> CaseStatus.SOLVED;
            case "closed", "deleted" -> CaseStatus.CLOSED;
            default -> throw MappingException.field(ticketId, "status", "unknown ticket status '" + s + "'");
        };
    }

    private static CasePriority priority(String ticketId, String p) {
        return switch (p) {
            case "", "normal" -> CasePriority.NORMAL;
            case "low" -> CasePriority.LOW;
            case "high" -> CasePriority.HIGH;
            case "urgent" -> CasePriority.URGENT;
            default -> throw MappingException.field(ticketId, "priority", "unknown ticket priority '" + p + "'");
        };
    }

    private static CaseCategory category(String custom, String type) {
        if (!custom.isEmpty()) {
            try {
                return CaseCategory.valueOf(custom.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // not one of ours: fall back to the ticket type
            }
        }
        return switch (type) {
            case "incident" -> CaseCategory.INCIDENT;
            case "problem" -> CaseCategory.PROBLEM;
            case "task" -> CaseCategory.TASK;
            default -> CaseCategory.QUESTION;
        };
    }

    private static String customValue(JsonNode custom, long fieldId) {
        if (fieldId == 0) {
            return "";
        }
        for (JsonNode f : custom) {
            if (f.path("id").asLong() == fieldId && !f.path("value").isNull()) {
                return f.path("value").asText("");
            }
        }
        return "";
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "ZendeskMappers[" + keys + "]";
    }
}
