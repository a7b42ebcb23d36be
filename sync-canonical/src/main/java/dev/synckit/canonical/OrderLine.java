package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order. Immutable and thread-safe.
 *
 * @param lineNumber 1-based position in the order
 * @param productId canonical id of the product
 * @param sku the product's SKU at the time of ordering
 * @param quantity quantity ordered, in the product's unit
 * @param unitPrice price per unit
 * @param discount total discount on the line, when any
 * @param amount the line amount after discount, in the order currency
 * @param terms the subscription terms of this line, for recurring products
 */
public record OrderLine(
    @Positive int lineNumber,
    @NotBlank @CanonicalId String productId,
    @Size(max = 80) @Nullable String sku,
    @NotNull @PositiveOrZero BigDecimal quantity,
    @NotNull @Valid Money unitPrice,
    @Valid @Nullable Money discount,
    @NotNull @Valid Money amount,
    @Valid @Nullable SubscriptionTerms terms) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public OrderLine {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(amount, "amount");
    if (!unitPrice.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("unitPrice: currency " + unitPrice.currency() + " differs from amount currency " + amount.currency());
    }
    if (discount != null && !discount.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("discount: currency " + discount.currency() + " differs from amount currency " + amount.currency());
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
    b.lineNumber = lineNumber;
    b.productId = productId;
    b.sku = sku;
    b.quantity = quantity;
    b.unitPrice = unitPrice;
    b.discount = discount;
    b.amount = amount;
    b.terms = terms;
    return b;
  }

  /**
   * Fluent builder for {@link OrderLine}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building.
   */
  public static final class Builder {
    private int lineNumber = 0;
    private @Nullable String productId;
    private @Nullable String sku;
    private @Nullable BigDecimal quantity;
    private @Nullable Money unitPrice;
    private @Nullable Money discount;
    private @Nullable Money amount;
    private @Nullable SubscriptionTerms terms;

    private Builder() {
    }

    /**
     * Sets lineNumber.
     *
     * @param lineNumber the value
     * @return this builder
     */
    public Builder lineNumber(int lineNumber) {
      this.lineNumber = lineNumber;
      return this;
    }

    /**
     * Sets productId.
     *
     * @param productId the value
     * @return this builder
     */
    public Builder productId(String productId) {
      this.productId = productId;
      return this;
    }

    /**
     * Sets sku.
     *
     * @param sku the value
     * @return this builder
     */
    public Builder sku(@Nullable String sku) {
      this.sku = sku;
      return this;
    }

    /**
     * Sets quantity.
     *
     * @param quantity the value
     * @return this builder
     */
    public Builder quantity(BigDecimal quantity) {
      this.quantity = quantity;
      return this;
    }

    /**
     * Sets unitPrice.
     *
     * @param unitPrice the value
     * @return this builder
     */
    public Builder unitPrice(Money unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    /**
     * Sets discount.
     *
     * @param discount the value
     * @return this builder
     */
    public Builder discount(@Nullable Money discount) {
      this.discount = discount;
      return this;
    }

    /**
     * Sets amount.
     *
     * @param amount the value
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets terms.
     *
     * @param terms the value
     * @return this builder
     */
    public Builder terms(@Nullable SubscriptionTerms terms) {
      this.terms = terms;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable OrderLine
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public OrderLine build() {
      if (amount == null && quantity != null && unitPrice != null) {
        Money gross = new Money(unitPrice.amount().multiply(quantity), unitPrice.currency());
        amount = discount == null ? gross : gross.minus(discount);
      }
      return new OrderLine(lineNumber, productId, sku, quantity, unitPrice, discount, amount, terms);
    }
  }
}
