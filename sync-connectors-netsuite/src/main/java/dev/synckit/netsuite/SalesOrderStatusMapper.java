package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.OrderStatus;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default inbound mapping of a NetSuite {@code salesOrder} (as read by {@link NetSuiteClient#get}) to its
 * canonical {@link OrderStatus}: the {@code orderStatus} letter through the code table
 * {@code netsuite.orderStatus} (letter → {@code OrderStatus} name), else {@link #DEFAULTS}. Stateless and
 * thread-safe.
 */
public final class SalesOrderStatusMapper implements Mapper<JsonNode, OrderStatus> {

    /**
     * The default meaning of the {@code orderStatus} letters (platform-apis §2.4; the letters are UNCONFIRMED there):
     * A Pending Approval → PENDING_APPROVAL, B Pending Fulfillment → APPROVED, C Cancelled → CANCELLED, D Partially
     * Fulfilled → APPROVED, E Pending Billing/Partially Fulfilled → APPROVED, F Pending Billing → FULFILLED, G Billed
     * → CLOSED, H Closed → CLOSED.
     */
    public static final Map<String, OrderStatus> DEFAULTS = Map.of(
            "A", OrderStatus.PENDING_APPROVAL, "B", OrderStatus.APPROVED, "C", OrderStatus.CANCELLED,
            "D", OrderStatus.APPROVED, "E", OrderStatus.APPROVED, "F", OrderStatus.FULFILLED,
            "G", OrderStatus.CLOSED, "H", OrderStatus.CLOSED);

    /**
     * {@inheritDoc}
     *
     * @throws MappingException naming {@code orderStatus} when it is missing, unknown, or the code table maps it to
     *     something that is not an {@link OrderStatus}
     */
    @Override
    public OrderStatus map(JsonNode salesOrder, MappingContext context) {
        Objects.requireNonNull(salesOrder, "salesOrder");
        Objects.requireNonNull(context, "context");
        String recordId = NetSuiteFields.text(salesOrder, "id").orElse("salesOrder");
        String letter = NetSuiteFields.requireText(salesOrder, "orderStatus", recordId);
        Optional<String> mapped = NetSuiteFields.canonicalCode(context, OrderToNetSuiteMapper.ORDER_STATUS_TABLE,
                letter);
        if (mapped.isPresent()) {
            try {
                return OrderStatus.valueOf(mapped.get().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw MappingException.field(recordId, "orderStatus", "code table "
                        + OrderToNetSuiteMapper.ORDER_STATUS_TABLE + " maps " + letter + " to " + mapped.get()
                        + ", which is not an order status");
            }
        }
        OrderStatus status = DEFAULTS.get(letter.toUpperCase(Locale.ROOT));
        if (status == null) {
            throw MappingException.field(recordId, "orderStatus", "unknown order status " + letter);
        }
        return status;
    }

    @Override
    public String toString() {
        return "SalesOrderStatusMapper";
    }
}
