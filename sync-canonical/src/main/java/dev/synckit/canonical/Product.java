package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A sellable item or service (Salesforce Product2 + price book entries, NetSuite item). Immutable and thread-safe.
 *
 * @param id the canonical id
 * @param sku the stock keeping unit / item code, unique across products
 * @param name the display name
 * @param unit unit of measure, e.g. {@code each}, {@code seat}, {@code hour}
 * @param prices list prices, at most one per currency
 * @param active whether the product can be sold
 * @param externalRefs this product's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Product(
    @NotBlank @CanonicalId String id,
    @NotBlank @Size(max = 80) String sku,
    @NotBlank @Size(max = 255) String name,
    @Size(max = 32) @Nullable String unit,
    List<@Valid Money> prices,
    boolean active,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    prices = List.copyOf(Objects.requireNonNull(prices, "prices"));
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    Set<Currency> seen = new HashSet<>();
    for (int i = 0; i < prices.size(); i++) {
      if (!seen.add(prices.get(i).currency())) {
        throw new IllegalArgumentException("prices[" + i + "]: more than one price in " + prices.get(i).currency());
      }
    }
  }

  /**
   * Returns the list price in a currency.
   *
   * @param currency the currency
   * @return the price, or empty if the product has no price in that currency
   */
  public Optional<Money> price(Currency currency) {
    return prices.stream().filter(p -> p.currency().equals(currency)).findFirst();
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
    b.sku = sku;
    b.name = name;
    b.unit = unit;
    b.prices.addAll(prices);
    b.active = active;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Product}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String sku;
    private @Nullable String name;
    private @Nullable String unit;
    private final List<Money> prices = new ArrayList<>();
    private boolean active = true;

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
     * Sets sku.
     *
     * @param sku the value
     * @return this builder
     */
    public Builder sku(String sku) {
      this.sku = sku;
      return this;
    }

    /**
     * Sets name.
     *
     * @param name the value
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets unit.
     *
     * @param unit the value
     * @return this builder
     */
    public Builder unit(@Nullable String unit) {
      this.unit = unit;
      return this;
    }

    /**
     * Replaces prices.
     *
     * @param prices the new values
     * @return this builder
     */
    public Builder prices(List<Money> prices) {
      this.prices.clear();
      this.prices.addAll(Objects.requireNonNull(prices, "prices"));
      return this;
    }

    /**
     * Sets active.
     *
     * @param active the value
     * @return this builder
     */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /**
     * Appends a list price.
     *
     * @param price the price
     * @return this builder
     */
    public Builder addPrice(Money price) {
      this.prices.add(Objects.requireNonNull(price, "price"));
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Product
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Product build() {
      return new Product(id, sku, name, unit, prices, active, externalRefs, lastModified, sourceSystem);
    }
  }
}
