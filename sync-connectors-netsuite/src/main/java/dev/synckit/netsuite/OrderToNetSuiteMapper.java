package dev.synckit.netsuite;

import static dev.synckit.netsuite.NetSuiteFields.platformCode;
import static dev.synckit.netsuite.NetSuiteFields.putIfPresent;
import static dev.synckit.netsuite.NetSuiteFields.ref;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.Order;
import dev.synckit.canonical.OrderLine;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SubscriptionTerms;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The default outbound mapping of a canonical {@link Order} to a NetSuite {@code salesOrder}: {@code entity} = the
 * customer's internal id from the cross-reference, {@code tranDate}, {@code otherRefNum} (PO number), subsidiary,
 * currency ({@code netsuite.currency}), {@code orderStatus} (only when {@code netsuite.orderStatus} maps the
 * status), and the {@code item} sublist: per line the NetSuite item of the line's product from the cross-reference
 * (entity type {@code product}), else the item with the line's SKU from the {@link ItemResolver} (none by default;
 * {@code client::findItemIdBySku} in production), {@code quantity}, {@code rate} (unit price) and {@code amount}. The external id
 * is derived from the CRM opportunity id (configurable); subscription terms go into configurable custom fields.
 * Replace it with any {@code Mapper<Order, NetSuiteRecord>} or extend it with {@link Mapper#andThen}. Immutable and
 * thread-safe.
 */
public final class OrderToNetSuiteMapper implements Mapper<Order, NetSuiteRecord> {

    /** The NetSuite record type written. */
    public static final String RECORD_TYPE = "salesOrder";
    /** The cross-reference entity type of products (canonical product id → NetSuite item internal id). */
    public static final String PRODUCT_ENTITY = "product";
    /** The code table from NetSuite {@code orderStatus} letters to {@link dev.synckit.canonical.OrderStatus} names. */
    public static final String ORDER_STATUS_TABLE = "netsuite.orderStatus";
    /** The code table from NetSuite custom list ids to {@link dev.synckit.canonical.BillingFrequency} names. */
    public static final String BILLING_FREQUENCY_TABLE = "netsuite.billingFrequency";

    /**
     * The default external id: the order's Salesforce reference (the CRM opportunity or order id), else its canonical
     * id, in the external-id alphabet ({@link ExternalIds#fromCanonicalId}).
     */
    public static final Function<Order, String> CRM_OPPORTUNITY_ID = o ->
            ExternalIds.fromCanonicalId(o.externalId(SourceSystem.SALESFORCE).orElse(o.id()));

    private final @Nullable String subsidiaryId;
    private final Function<Order, String> externalId;
    private final SubscriptionFields bodyFields;
    private final SubscriptionFields lineFields;
    private final @Nullable String taxCodeId;
    private final ItemResolver itemResolver;

    /**
     * The custom fields that carry subscription terms; a {@code null} name leaves that part out.
     *
     * @param start the start date field
     * @param end the end date field
     * @param termMonths the term length field (integer)
     * @param billingFrequency the billing frequency field: a reference when {@code netsuite.billingFrequency} maps
     *     the frequency, else its name as text
     * @param autoRenew the auto-renew check box
     */
    public record SubscriptionFields(@Nullable String start, @Nullable String end, @Nullable String termMonths,
            @Nullable String billingFrequency, @Nullable String autoRenew) {

        /** The default transaction body fields ({@code custbody_synckit_sub_*}). */
        public static final SubscriptionFields BODY_DEFAULT = new SubscriptionFields("custbody_synckit_sub_start",
                "custbody_synckit_sub_end", "custbody_synckit_sub_term_months", "custbody_synckit_sub_billing",
                "custbody_synckit_sub_auto_renew");
        /** The default line (column) fields ({@code custcol_synckit_sub_*}). */
        public static final SubscriptionFields LINE_DEFAULT = new SubscriptionFields("custcol_synckit_sub_start",
                "custcol_synckit_sub_end", "custcol_synckit_sub_term_months", "custcol_synckit_sub_billing",
                "custcol_synckit_sub_auto_renew");
        /** Writes no subscription fields. */
        public static final SubscriptionFields NONE = new SubscriptionFields(null, null, null, null, null);
    }

    private OrderToNetSuiteMapper(Builder b) {
        this.subsidiaryId = b.subsidiaryId;
        this.externalId = b.externalId;
        this.bodyFields = b.bodyFields;
        this.lineFields = b.lineFields;
        this.taxCodeId = b.taxCodeId;
        this.itemResolver = b.itemResolver;
    }

    /** A mapper with the defaults and the subsidiary of the config. */
    public static OrderToNetSuiteMapper from(NetSuiteConfig config) {
        return builder(config).build();
    }

    /** Starts a mapper with the subsidiary of the config. */
    public static Builder builder(NetSuiteConfig config) {
        Objects.requireNonNull(config, "config");
        return new Builder(config.subsidiaryId().orElse(null));
    }

    /**
     * {@inheritDoc}
     *
     * @throws TransientException {@code DEPENDENCY_PENDING} (field {@code entity}) when the customer is not in
     *     NetSuite yet
     * @throws MappingException naming {@code lines[i].productId} when a line's product has no NetSuite item (neither in
     *     the cross-reference nor, by SKU, from the {@link ItemResolver}), or
     *     {@code externalId} when the derived external id is not in the NetSuite alphabet
     */
    @Override
    public NetSuiteRecord map(Order order, MappingContext context) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(context, "context");
        String ext = externalId.apply(order);
        if (ext == null || !ExternalIds.isValid(ext)) {
            throw MappingException.field(order.id(), "externalId",
                    "derived external id " + ext + " is not letters, digits, _ and - (at most "
                            + ExternalIds.MAX_LENGTH + ")");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("externalId", ext);
        body.set("entity", ref(NetSuiteFields.dependency(context, CustomerToNetSuiteMapper.RECORD_TYPE,
                order.customerId(), order.id(), "entity")));
        body.put("tranDate", order.orderDate().toString());
        putIfPresent(body, "otherRefNum", order.purchaseOrderNumber());
        if (subsidiaryId != null) {
            body.set("subsidiary", ref(subsidiaryId));
        }
        platformCode(context, CustomerToNetSuiteMapper.CURRENCY_TABLE, order.currency().getCurrencyCode())
                .ifPresent(id -> body.set("currency", ref(id)));
        platformCode(context, ORDER_STATUS_TABLE, order.status().name())
                .ifPresent(letter -> body.set("orderStatus", ref(letter)));
        if (order.subscriptionTerms() != null) {
            putTerms(body, bodyFields, order.subscriptionTerms(), context);
        }
        ArrayNode items = Json.mapper().createArrayNode();
        for (int i = 0; i < order.lines().size(); i++) {
            items.add(line(order, i, context));
        }
        body.putObject("item").set("items", items);
        return new NetSuiteRecord(RECORD_TYPE, ext, body);
    }

    private ObjectNode line(Order order, int i, MappingContext context) {
        OrderLine line = order.lines().get(i);
        String sku = line.sku();
        String itemId = context.systemId(PRODUCT_ENTITY, line.productId(), SourceSystem.NETSUITE)
                .or(() -> sku == null || sku.isBlank() ? Optional.empty() : itemResolver.itemIdForSku(sku))
                .orElseThrow(() -> MappingException.field(order.id(), "lines[" + i + "].productId", "product "
                        + line.productId() + (sku != null ? " (SKU " + sku + ")" : "") + " has no NetSuite item"));
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("item", ref(itemId));
        out.put("quantity", line.quantity());
        out.put("rate", line.unitPrice().amount());
        out.put("amount", line.amount().amount());
        if (taxCodeId != null) {
            out.set("taxCode", ref(taxCodeId));
        }
        if (line.terms() != null) {
            putTerms(out, lineFields, line.terms(), context);
        }
        return out;
    }

    private static void putTerms(ObjectNode node, SubscriptionFields f, SubscriptionTerms t, MappingContext context) {
        if (f.start() != null) {
            node.put(f.start(), t.start().toString());
        }
        if (f.end() != null) {
            node.put(f.end(), t.end().toString());
        }
        if (f.termMonths() != null) {
            node.put(f.termMonths(), t.termMonths());
        }
        if (f.billingFrequency() != null) {
            String name = t.billingFrequency().name();
            String field = f.billingFrequency();
            platformCode(context, BILLING_FREQUENCY_TABLE, name).ifPresentOrElse(
                    id -> node.set(field, ref(id)), () -> node.put(field, name));
        }
        if (f.autoRenew() != null) {
            node.put(f.autoRenew(), t.autoRenew());
        }
    }

    @Override
    public String toString() {
        return "OrderToNetSuiteMapper[subsidiary=" + subsidiaryId + ", taxCode=" + taxCodeId + ", itemResolver="
                + (itemResolver == ItemResolver.NONE ? "none" : "set") + "]";
    }

    /** Configures an {@link OrderToNetSuiteMapper}. Not thread-safe. */
    public static final class Builder {
        private final @Nullable String subsidiaryId;
        private Function<Order, String> externalId = CRM_OPPORTUNITY_ID;
        private SubscriptionFields bodyFields = SubscriptionFields.BODY_DEFAULT;
        private SubscriptionFields lineFields = SubscriptionFields.LINE_DEFAULT;
        private @Nullable String taxCodeId;
        private ItemResolver itemResolver = ItemResolver.NONE;

        private Builder(@Nullable String subsidiaryId) {
            this.subsidiaryId = subsidiaryId;
        }

        /**
         * How the external id (the upsert key) is derived from the order; default {@link #CRM_OPPORTUNITY_ID}. The
         * result must be in the external-id alphabet and the same for every version of the order.
         */
        public Builder externalId(Function<Order, String> value) {
            this.externalId = Objects.requireNonNull(value, "externalId");
            return this;
        }

        /** The body fields of the order's subscription terms; default {@link SubscriptionFields#BODY_DEFAULT}. */
        public Builder bodySubscriptionFields(SubscriptionFields value) {
            this.bodyFields = Objects.requireNonNull(value, "bodySubscriptionFields");
            return this;
        }

        /** The line fields of a line's subscription terms; default {@link SubscriptionFields#LINE_DEFAULT}. */
        public Builder lineSubscriptionFields(SubscriptionFields value) {
            this.lineFields = Objects.requireNonNull(value, "lineSubscriptionFields");
            return this;
        }

        /** A tax code internal id set on every line (accounts with legacy tax need one); default none. */
        public Builder taxCodeId(String value) {
            this.taxCodeId = Objects.requireNonNull(value, "taxCodeId");
            return this;
        }

        /**
         * Resolves a line's SKU to a NetSuite item when the {@code product} cross-reference has none; default
         * {@link ItemResolver#NONE}. Pass {@code client::findItemIdBySku} for a cached SuiteQL look-up.
         */
        public Builder itemResolver(ItemResolver value) {
            this.itemResolver = Objects.requireNonNull(value, "itemResolver");
            return this;
        }

        public OrderToNetSuiteMapper build() {
            return new OrderToNetSuiteMapper(this);
        }
    }
}
