package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sales order (Salesforce Order, NetSuite sales order). Immutable and thread-safe. Every line is in the order currency
 * and {@code total} equals the sum of the line amounts; the constructor enforces both.
 *
 * @param id the canonical id
 * @param customerId canonical id of the buying customer
 * @param orderNumber the human-facing order number
 * @param orderDate the date the order was placed
 * @param currency the transaction currency
 * @param lines the order lines
 * @param total the sum of the line amounts
 * @param status lifecycle state
 * @param subscriptionTerms order-level subscription terms, for subscription orders
 * @param purchaseOrderNumber the customer's purchase order number
 * @param externalRefs this order's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Order(
    @NotBlank @CanonicalId String id,
    @NotBlank @CanonicalId String customerId,
    @Size(max = 64) @Nullable String orderNumber,
    @NotNull LocalDate orderDate,
    @NotNull Currency currency,
    List<@Valid OrderLine> lines,
    @NotNull @Valid Money total,
    @NotNull OrderStatus status,
    @Valid @Nullable SubscriptionTerms subscriptionTerms,
    @Size(max = 64) @Nullable String purchaseOrderNumber,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(orderDate, "orderDate");
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(status, "status");
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      Money lineAmount = lines.get(i).amount();
      if (!lineAmount.currency().equals(currency)) {
        throw new IllegalArgumentException(
            "lines[" + i + "].amount: currency " + lineAmount.currency() + " differs from order currency " + currency);
      }
      sum = sum.add(lineAmount.amount());
    }
    if (!total.currency().equals(currency)) {
      throw new IllegalArgumentException("total: currency " + total.currency() + " differs from order currency " + currency);
    }
    if (total.amount().compareTo(sum) != 0) {
      throw new IllegalArgumentException(
          "total: " + total.amount().toPlainString() + " does not equal the sum of line amounts " + sum.toPlainString());
    }
  }

  /**
   * Starts an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this instance's values, for copy-with-changes.
   *
   * @return a new builder initialised from this record
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.customerId = customerId;
    b.orderNumber = orderNumber;
    b.orderDate = orderDate;
    b.currency = currency;
    b.lines.addAll(lines);
    b.total = total;
    b.status = status;
    b.subscriptionTerms = subscriptionTerms;
    b.purchaseOrderNumber = purchaseOrderNumber;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Order}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String customerId;
    private @Nullable String orderNumber;
    private @Nullable LocalDate orderDate;
    private @Nullable Currency currency;
    private final List<OrderLine> lines = new ArrayList<>();
    private @Nullable Money total;
    private @Nullable OrderStatus status = OrderStatus.DRAFT;
    private @Nullable SubscriptionTerms subscriptionTerms;
    private @Nullable String purchaseOrderNumber;

    private Builder() {
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets id.
     *
     * @param id the value
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets customerId.
     *
     * @param customerId the value
     * @return this builder
     */
    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets orderNumber.
     *
     * @param orderNumber the value
     * @return this builder
     */
    public Builder orderNumber(@Nullable String orderNumber) {
      this.orderNumber = orderNumber;
      return this;
    }

    /**
     * Sets orderDate.
     *
     * @param orderDate the value
     * @return this builder
     */
    public Builder orderDate(LocalDate orderDate) {
      this.orderDate = orderDate;
      return this;
    }

    /**
     * Sets currency.
     *
     * @param currency the value
     * @return this builder
     */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Replaces lines.
     *
     * @param lines the new values
     * @return this builder
     */
    public Builder lines(List<OrderLine> lines) {
      this.lines.clear();
      this.lines.addAll(Objects.requireNonNull(lines, "lines"));
      return this;
    }

    /**
     * Sets total.
     *
     * @param total the value
     * @return this builder
     */
    public Builder total(Money total) {
      this.total = total;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(OrderStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets subscriptionTerms.
     *
     * @param subscriptionTerms the value
     * @return this builder
     */
    public Builder subscriptionTerms(@Nullable SubscriptionTerms subscriptionTerms) {
      this.subscriptionTerms = subscriptionTerms;
      return this;
    }

    /**
     * Sets purchaseOrderNumber.
     *
     * @param purchaseOrderNumber the value
     * @return this builder
     */
    public Builder purchaseOrderNumber(@Nullable String purchaseOrderNumber) {
      this.purchaseOrderNumber = purchaseOrderNumber;
      return this;
    }

    /**
     * Appends a line.
     *
     * @param line the line
     * @return this builder
     */
    public Builder addLine(OrderLine line) {
      this.lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Order
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Order build() {
      if (total == null && currency != null) {
        Money sum = Money.zero(currency);
        for (OrderLine line : lines) {
          sum = sum.plus(line.amount());
        }
        total = sum;
      }
      return new Order(id, customerId, orderNumber, orderDate, currency, lines, total, status, subscriptionTerms, purchaseOrderNumber, externalRefs, lastModified, sourceSystem);
    }
  }
}
