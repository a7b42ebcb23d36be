package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Invoice;
import dev.synckit.canonical.InvoiceLine;
import dev.synckit.canonical.InvoiceStatus;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default inbound mapping of a NetSuite {@code invoice} (read with {@link NetSuiteClient#getExpanded}, so the
 * {@code item} sublist is inline) to a canonical {@link Invoice}. Ids go through the cross-reference
 * ({@code canonicalIdFor}: entity types {@code invoice}, {@code customer}, {@code order} for {@code createdFrom},
 * {@code product} for line items); {@code tranId} is the invoice number; {@code tranDate} the issue date;
 * {@code dueDate} (the issue date when absent); {@code total}, {@code amountPaid}, {@code amountRemaining} as
 * {@link Money} in the currency ({@code netsuite.currency} or an ISO {@code refName}); {@code status} through the
 * code table {@code netsuite.invoiceStatus}, else {@link #DEFAULT_STATUS}. Stateless and thread-safe.
 */
public final class InvoiceFromNetSuiteMapper implements Mapper<JsonNode, Invoice> {

    /** The cross-reference entity type of invoices. */
    public static final String ENTITY = "invoice";
    /** The cross-reference entity type of sales orders. */
    public static final String ORDER_ENTITY = "order";
    /** The code table from NetSuite invoice status ids to {@link InvoiceStatus} names. */
    public static final String STATUS_TABLE = "netsuite.invoiceStatus";

    /**
     * The default meaning of invoice status ids (platform-apis §2.4, UNCONFIRMED there): A Open → OPEN (PARTIALLY_PAID
     * when something was paid), B Paid In Full → PAID, D Pending Approval → DRAFT, E Rejected → VOID, V Voided →
     * VOID. OVERDUE is not derived (it depends on the day of mapping).
     */
    public static final Map<String, InvoiceStatus> DEFAULT_STATUS = Map.of("A", InvoiceStatus.OPEN,
            "B", InvoiceStatus.PAID, "D", InvoiceStatus.DRAFT, "E", InvoiceStatus.VOID, "V", InvoiceStatus.VOID);

    /**
     * {@inheritDoc}
     *
     * @throws MappingException naming the field when a required field is missing or malformed, or the status is unknown
     */
    @Override
    public Invoice map(JsonNode invoice, MappingContext context) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(context, "context");
        String nsId = NetSuiteFields.requireText(invoice, "id", "invoice");
        String id = context.canonicalIdFor(ENTITY, SourceSystem.NETSUITE, nsId);
        String customer = NetSuiteFields.requireText(invoice, "entity", nsId);
        Currency currency = NetSuiteFields.currency(invoice, context, nsId);
        LocalDate issued = NetSuiteFields.date(invoice, "tranDate", nsId)
                .orElseThrow(() -> MappingException.field(nsId, "tranDate", "is missing"));
        LocalDate due = NetSuiteFields.date(invoice, "dueDate", nsId).orElse(issued);
        Money total = NetSuiteFields.money(invoice, "total", currency, nsId)
                .orElseThrow(() -> MappingException.field(nsId, "total", "is missing"));
        Optional<Money> remaining = NetSuiteFields.money(invoice, "amountRemaining", currency, nsId);
        Money paid = NetSuiteFields.money(invoice, "amountPaid", currency, nsId)
                .orElseGet(() -> remaining.map(total::minus).orElse(Money.zero(currency)));
        Money amountDue = remaining.orElseGet(() -> total.minus(paid));
        Invoice.Builder b = Invoice.builder()
                .id(id)
                .customerId(context.canonicalIdFor(CustomerToNetSuiteMapper.RECORD_TYPE, SourceSystem.NETSUITE,
                        customer))
                .invoiceNumber(NetSuiteFields.text(invoice, "tranId").orElse(nsId))
                .issueDate(issued)
                .dueDate(due)
                .currency(currency)
                .lines(lines(invoice, currency, context, nsId))
                .total(total)
                .amountPaid(paid)
                .amountDue(amountDue)
                .status(status(invoice, context, nsId, paid))
                .externalRefs(List.of(new ExternalRef(SourceSystem.NETSUITE, ENTITY, nsId)))
                .lastModified(NetSuiteFields.lastModified(invoice, context, nsId))
                .sourceSystem(SourceSystem.NETSUITE);
        NetSuiteFields.text(invoice, "createdFrom")
                .ifPresent(o -> b.orderId(context.canonicalIdFor(ORDER_ENTITY, SourceSystem.NETSUITE, o)));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MappingException(e.getMessage(), dev.synckit.core.failure.ErrorDetails.of(SourceSystem.NETSUITE)
                    .withPlatformCode(MappingException.CODE).withRecordId(nsId),
                    List.of(new MappingException.FieldError("invoice", String.valueOf(e.getMessage()))), e);
        }
    }

    private static InvoiceStatus status(JsonNode invoice, MappingContext context, String nsId, Money paid) {
        String code = NetSuiteFields.requireText(invoice, "status", nsId);
        Optional<String> mapped = NetSuiteFields.canonicalCode(context, STATUS_TABLE, code);
        if (mapped.isPresent()) {
            try {
                return InvoiceStatus.valueOf(mapped.get().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw MappingException.field(nsId, "status", "code table " + STATUS_TABLE + " maps " + code + " to "
                        + mapped.get() + ", which is not an invoice status");
            }
        }
        InvoiceStatus status = DEFAULT_STATUS.get(code.toUpperCase(Locale.ROOT));
        if (status == null) {
            throw MappingException.field(nsId, "status", "unknown invoice status " + code);
        }
        return status == InvoiceStatus.OPEN && paid.amount().signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : status;
    }

    private static List<InvoiceLine> lines(JsonNode invoice, Currency currency, MappingContext context, String nsId) {
        List<InvoiceLine> out = new ArrayList<>();
        JsonNode items = invoice.path("item").path("items");
        for (int n = 0; n < items.size(); n++) {
            int i = n;
            JsonNode line = items.get(i);
            String at = nsId + " item.items[" + i + "]";
            BigDecimal quantity = NetSuiteFields.decimal(line, "quantity", at).orElse(BigDecimal.ONE);
            Money amount = NetSuiteFields.money(line, "amount", currency, at)
                    .orElseThrow(() -> MappingException.field(nsId, "item.items[" + i + "].amount", "is missing"));
            Money rate = NetSuiteFields.money(line, "rate", currency, at).orElse(amount);
            String product = NetSuiteFields.text(line, "item")
                    .map(item -> context.canonicalIdFor(OrderToNetSuiteMapper.PRODUCT_ENTITY, SourceSystem.NETSUITE,
                            item))
                    .orElse(null);
            String description = NetSuiteFields.text(line, "description")
                    .or(() -> Optional.ofNullable(line.path("item").path("refName").textValue()))
                    .filter(s -> !s.isBlank())
                    .orElse("line " + (i + 1));
            int number = line.path("line").canConvertToInt() && line.path("line").asInt() > 0
                    ? line.path("line").asInt() : i + 1;
            out.add(new InvoiceLine(number, product, description, quantity, rate, amount));
        }
        return out;
    }

    @Override
    public String toString() {
        return "InvoiceFromNetSuiteMapper";
    }
}
