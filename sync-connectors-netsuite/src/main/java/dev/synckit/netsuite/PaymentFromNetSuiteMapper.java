package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.Payment;
import dev.synckit.canonical.PaymentApplication;
import dev.synckit.canonical.PaymentMethod;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The default inbound mapping of a NetSuite {@code customerPayment} (read with {@link NetSuiteClient#getExpanded})
 * to a canonical {@link Payment}: {@code customer}, {@code payment} (the amount), {@code tranDate}, the payment
 * method ({@code paymentOption} or {@code paymentMethod} through the code table {@code netsuite.paymentMethod},
 * else {@code OTHER}), the reference ({@code checkNum}, else {@code tranId}), and the applied lines of
 * {@code apply.items[]} ({@code apply: true}) as applications to the invoices' canonical ids
 * ({@code canonicalIdFor("invoice", …)}). Stateless and thread-safe.
 */
public final class PaymentFromNetSuiteMapper implements Mapper<JsonNode, Payment> {

    /** The cross-reference entity type of payments. */
    public static final String ENTITY = "payment";
    /** The code table from NetSuite payment method ids to {@link PaymentMethod} names. */
    public static final String METHOD_TABLE = "netsuite.paymentMethod";

    /**
     * {@inheritDoc}
     *
     * @throws MappingException naming the field when a required field is missing or malformed, or the applications
     *     exceed the amount
     */
    @Override
    public Payment map(JsonNode payment, MappingContext context) {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(context, "context");
        String nsId = NetSuiteFields.requireText(payment, "id", "customerPayment");
        Currency currency = NetSuiteFields.currency(payment, context, nsId);
        Money amount = NetSuiteFields.money(payment, "payment", currency, nsId)
                .orElseThrow(() -> MappingException.field(nsId, "payment", "is missing"));
        List<PaymentApplication> applications = new ArrayList<>();
        JsonNode items = payment.path("apply").path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode line = items.get(i);
            if (!line.path("apply").asBoolean(false)) {
                continue;
            }
            String field = "apply.items[" + i + "]";
            String doc = NetSuiteFields.text(line, "doc")
                    .orElseThrow(() -> MappingException.field(nsId, field + ".doc", "is missing"));
            Money applied = NetSuiteFields.money(line, "amount", currency, nsId)
                    .orElseThrow(() -> MappingException.field(nsId, field + ".amount", "is missing"));
            applications.add(new PaymentApplication(
                    context.canonicalIdFor(InvoiceFromNetSuiteMapper.ENTITY, SourceSystem.NETSUITE, doc), applied));
        }
        Payment.Builder b = Payment.builder()
                .id(context.canonicalIdFor(ENTITY, SourceSystem.NETSUITE, nsId))
                .customerId(context.canonicalIdFor(CustomerToNetSuiteMapper.RECORD_TYPE, SourceSystem.NETSUITE,
                        NetSuiteFields.requireText(payment, "customer", nsId)))
                .amount(amount)
                .paymentDate(NetSuiteFields.date(payment, "tranDate", nsId)
                        .orElseThrow(() -> MappingException.field(nsId, "tranDate", "is missing")))
                .method(method(payment, context, nsId))
                .reference(NetSuiteFields.text(payment, "checkNum").or(() -> NetSuiteFields.text(payment, "tranId"))
                        .orElse(null))
                .applications(applications)
                .externalRefs(List.of(new ExternalRef(SourceSystem.NETSUITE, "customerPayment", nsId)))
                .lastModified(NetSuiteFields.lastModified(payment, context, nsId))
                .sourceSystem(SourceSystem.NETSUITE);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MappingException(e.getMessage(), ErrorDetails.of(SourceSystem.NETSUITE)
                    .withPlatformCode(MappingException.CODE).withRecordId(nsId).withField("apply"),
                    List.of(new MappingException.FieldError("apply", String.valueOf(e.getMessage()))), e);
        }
    }

    private static PaymentMethod method(JsonNode payment, MappingContext context, String nsId) {
        Optional<String> code = NetSuiteFields.text(payment, "paymentOption")
                .or(() -> NetSuiteFields.text(payment, "paymentMethod"));
        Optional<String> mapped = code.flatMap(c -> NetSuiteFields.canonicalCode(context, METHOD_TABLE, c));
        if (mapped.isEmpty()) {
            return PaymentMethod.OTHER;
        }
        try {
            return PaymentMethod.valueOf(mapped.get().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MappingException.field(nsId, "paymentMethod", "code table " + METHOD_TABLE + " maps " + code.get()
                    + " to " + mapped.get() + ", which is not a payment method");
        }
    }

    @Override
    public String toString() {
        return "PaymentFromNetSuiteMapper";
    }
}
