package dev.synckit.salesforce;

import static dev.synckit.salesforce.SalesforceMapping.name;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.BillingFrequency;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.Money;
import dev.synckit.canonical.Order;
import dev.synckit.canonical.OrderLine;
import dev.synckit.canonical.OrderStatus;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SubscriptionTerms;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The default inbound mapping of a won Salesforce Opportunity and its OpportunityLineItems to a canonical
 * {@link Order}. Query the lines as a child subquery, e.g.
 * {@code SELECT Id, AccountId, CloseDate, IsWon, IsClosed, CurrencyIsoCode, SystemModstamp, (SELECT Id,
 * Product2Id, ProductCode, Quantity, UnitPrice, TotalPrice FROM OpportunityLineItems) FROM Opportunity}.
 *
 * <ul>
 *   <li>Only a won opportunity becomes an order: {@code IsWon = true AND IsClosed = true}, never the stage label
 *       (orgs rename stages); anything else is a {@link MappingException} naming {@code IsWon}.
 *   <li>Currency: {@code CurrencyIsoCode} (multi-currency orgs) or the configured default currency.
 *   <li>Lines: {@code Product2Id} (else {@code ProductCode}) → {@code productId} through the cross-reference
 *       ({@value #PRODUCT_ENTITY_TYPE}), {@code ProductCode} → sku, {@code Quantity}, {@code UnitPrice} as
 *       {@link Money}, amount {@code TotalPrice} (else quantity × unit price). The order total is their sum.
 *   <li>Subscription terms from configurable custom fields (default {@code Subscription_Start__c},
 *       {@code Subscription_End__c}, {@code Term_Months__c}, {@code Billing_Frequency__c},
 *       {@code Auto_Renew__c}); no start date, no terms.
 *   <li>Status {@link OrderStatus#APPROVED}, order date {@code CloseDate}, customer from {@code AccountId}.
 * </ul>
 * Immutable and thread-safe.
 */
public final class OpportunityToOrderMapper implements Mapper<SObjectRecord, Order> {

    /** The cross-reference entity type of orders. */
    public static final String ENTITY_TYPE = "order";
    /** The cross-reference entity type of products. */
    public static final String PRODUCT_ENTITY_TYPE = "product";

    private final @Nullable Currency defaultCurrency;
    private final String linesRelationship;
    private final String subscriptionStartField;
    private final String subscriptionEndField;
    private final String termMonthsField;
    private final String billingFrequencyField;
    private final String autoRenewField;
    private final @Nullable String purchaseOrderField;

    private OpportunityToOrderMapper(Builder b) {
        this.defaultCurrency = b.defaultCurrency;
        this.linesRelationship = b.linesRelationship;
        this.subscriptionStartField = b.subscriptionStartField;
        this.subscriptionEndField = b.subscriptionEndField;
        this.termMonthsField = b.termMonthsField;
        this.billingFrequencyField = b.billingFrequencyField;
        this.autoRenewField = b.autoRenewField;
        this.purchaseOrderField = b.purchaseOrderField;
    }

    /** The defaults: no default currency (so {@code CurrencyIsoCode} is required), the field names above. */
    public static OpportunityToOrderMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Order map(SObjectRecord opp, MappingContext context) {
        Objects.requireNonNull(opp, "opportunity");
        Objects.requireNonNull(context, "context");
        String id = opp.id();
        boolean won = opp.bool("IsWon").orElse(false);
        boolean closed = opp.bool("IsClosed").orElse(false);
        if (!won || !closed) {
            throw MappingException.field(id, "IsWon", "the opportunity is not won (IsWon=" + opp.bool("IsWon")
                    .map(String::valueOf).orElse("absent") + ", IsClosed=" + opp.bool("IsClosed")
                    .map(String::valueOf).orElse("absent") + "); only IsWon AND IsClosed become an order");
        }
        Currency currency = currency(opp);
        String customerId = Optional.ofNullable(SalesforceMapping.canonicalId(opp, "AccountId",
                AccountToCustomerMapper.ENTITY_TYPE, context))
                .orElseThrow(() -> MappingException.field(id, "AccountId", "is required"));
        LocalDate orderDate = SalesforceMapping.date(opp, "CloseDate")
                .orElseThrow(() -> MappingException.field(id, "CloseDate", "is required"));
        List<OrderLine> lines = lines(opp, currency, context);
        Money total = lines.stream().map(OrderLine::amount).reduce(Money.zero(currency), Money::plus);
        Order.Builder b = Order.builder()
                .id(context.canonicalIdFor(ENTITY_TYPE, SourceSystem.SALESFORCE, id))
                .customerId(customerId)
                .orderDate(orderDate)
                .currency(currency)
                .lines(lines)
                .total(total)
                .status(OrderStatus.APPROVED)
                .subscriptionTerms(terms(opp))
                .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, opp.type(), id))
                .lastModified(SalesforceMapping.lastModified(opp))
                .sourceSystem(SourceSystem.SALESFORCE);
        if (purchaseOrderField != null) {
            b.purchaseOrderNumber(SalesforceMapping.optional(opp, purchaseOrderField));
        }
        return b.build();
    }

    private Currency currency(SObjectRecord opp) {
        Optional<String> code = opp.text("CurrencyIsoCode");
        if (code.isPresent()) {
            try {
                return Currency.getInstance(code.get().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw MappingException.field(opp.id(), "CurrencyIsoCode", "is not an ISO 4217 code: '" + code.get() + "'");
            }
        }
        if (defaultCurrency == null) {
            throw MappingException.field(opp.id(), "CurrencyIsoCode",
                    "is required when no default currency is configured (single-currency org: set defaultCurrency)");
        }
        return defaultCurrency;
    }

    private List<OrderLine> lines(SObjectRecord opp, Currency currency, MappingContext context) {
        JsonNode relation = opp.fields().get(linesRelationship);
        JsonNode records = relation == null ? null : relation.get("records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw MappingException.field(opp.id(), linesRelationship, "has no line items (query them as a subquery)");
        }
        if (!relation.path("done").asBoolean(true)) {
            throw MappingException.field(opp.id(), linesRelationship,
                    "has more line items than one subquery batch returned; read them with their own query");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode row : records) {
            SObjectRecord item = SObjectRecord.from(row, "OpportunityLineItem");
            String where = linesRelationship + "[" + lines.size() + "].";
            String productKey = item.text("Product2Id").or(() -> item.text("ProductCode")).map(String::strip)
                    .orElseThrow(() -> MappingException.field(opp.id(), where + "Product2Id", "is required"));
            BigDecimal quantity = item.decimal("Quantity")
                    .orElseThrow(() -> MappingException.field(opp.id(), where + "Quantity", "is required"));
            Money unitPrice = Money.of(item.decimal("UnitPrice")
                    .orElseThrow(() -> MappingException.field(opp.id(), where + "UnitPrice", "is required")), currency);
            Money amount = Money.of(item.decimal("TotalPrice").orElse(quantity.multiply(unitPrice.amount())), currency);
            lines.add(OrderLine.builder()
                    .lineNumber(lines.size() + 1)
                    .productId(context.canonicalIdFor(PRODUCT_ENTITY_TYPE, SourceSystem.SALESFORCE, productKey))
                    .sku(SalesforceMapping.optional(item, "ProductCode"))
                    .quantity(quantity)
                    .unitPrice(unitPrice)
                    .amount(amount)
                    .build());
        }
        return lines;
    }

    private @Nullable SubscriptionTerms terms(SObjectRecord opp) {
        Optional<LocalDate> start = SalesforceMapping.date(opp, subscriptionStartField);
        if (start.isEmpty()) {
            return null;
        }
        Optional<BigDecimal> months = opp.decimal(termMonthsField);
        Optional<LocalDate> end = SalesforceMapping.date(opp, subscriptionEndField);
        if (end.isEmpty() && months.isEmpty()) {
            throw MappingException.field(opp.id(), subscriptionEndField, "or " + termMonthsField
                    + " is required when " + subscriptionStartField + " is set");
        }
        int term;
        try {
            term = months.map(BigDecimal::intValueExact).orElse(0);
        } catch (ArithmeticException e) {
            throw MappingException.field(opp.id(), termMonthsField, "is not a whole number of months: " + months.get());
        }
        if (term < 0) {
            throw MappingException.field(opp.id(), termMonthsField, "is negative: " + term);
        }
        LocalDate last = end.orElseGet(() -> start.get().plusMonths(months.get().intValue()).minusDays(1));
        if (last.isBefore(start.get())) {
            throw MappingException.field(opp.id(), subscriptionEndField, "is before " + subscriptionStartField);
        }
        if (months.isEmpty()) {
            term = (int) java.time.temporal.ChronoUnit.MONTHS.between(start.get(), last.plusDays(1));
        }
        return new SubscriptionTerms(start.get(), last, term, frequency(opp), opp.bool(autoRenewField).orElse(false));
    }

    private BillingFrequency frequency(SObjectRecord opp) {
        String value = SalesforceMapping.optional(opp, billingFrequencyField);
        if (value == null) {
            return BillingFrequency.ANNUAL;
        }
        String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (key) {
            case "MONTHLY", "MONTH" -> BillingFrequency.MONTHLY;
            case "QUARTERLY", "QUARTER" -> BillingFrequency.QUARTERLY;
            case "SEMIANNUAL", "SEMIANNUALLY", "BIANNUAL", "HALFYEARLY" -> BillingFrequency.SEMI_ANNUAL;
            case "ANNUAL", "ANNUALLY", "YEARLY", "YEAR" -> BillingFrequency.ANNUAL;
            case "ONETIME", "ONCE" -> BillingFrequency.ONE_TIME;
            default -> throw MappingException.field(opp.id(), billingFrequencyField,
                    "is not a known billing frequency: '" + value + "'");
        };
    }

    @Override
    public String toString() {
        return "OpportunityToOrderMapper[defaultCurrency=" + defaultCurrency + ", lines=" + linesRelationship + "]";
    }

    /** Configures an {@link OpportunityToOrderMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private @Nullable Currency defaultCurrency;
        private String linesRelationship = "OpportunityLineItems";
        private String subscriptionStartField = "Subscription_Start__c";
        private String subscriptionEndField = "Subscription_End__c";
        private String termMonthsField = "Term_Months__c";
        private String billingFrequencyField = "Billing_Frequency__c";
        private String autoRenewField = "Auto_Renew__c";
        private @Nullable String purchaseOrderField;

        private Builder() {
        }

        /** The currency of opportunities without {@code CurrencyIsoCode} (single-currency orgs: the org's). */
        public Builder defaultCurrency(Currency value) {
            this.defaultCurrency = Objects.requireNonNull(value, "defaultCurrency");
            return this;
        }

        /** The child relationship holding the line items; default {@code OpportunityLineItems}. */
        public Builder linesRelationship(String value) {
            this.linesRelationship = name(value, "linesRelationship");
            return this;
        }

        public Builder subscriptionStartField(String value) {
            this.subscriptionStartField = name(value, "subscriptionStartField");
            return this;
        }

        public Builder subscriptionEndField(String value) {
            this.subscriptionEndField = name(value, "subscriptionEndField");
            return this;
        }

        public Builder termMonthsField(String value) {
            this.termMonthsField = name(value, "termMonthsField");
            return this;
        }

        /** A picklist: Monthly, Quarterly, Semi-Annual, Annual, One-Time (case and punctuation ignored). */
        public Builder billingFrequencyField(String value) {
            this.billingFrequencyField = name(value, "billingFrequencyField");
            return this;
        }

        public Builder autoRenewField(String value) {
            this.autoRenewField = name(value, "autoRenewField");
            return this;
        }

        /** A field holding the customer's purchase order number; default none. */
        public Builder purchaseOrderField(String value) {
            this.purchaseOrderField = name(value, "purchaseOrderField");
            return this;
        }

        public OpportunityToOrderMapper build() {
            return new OpportunityToOrderMapper(this);
        }
    }
}
