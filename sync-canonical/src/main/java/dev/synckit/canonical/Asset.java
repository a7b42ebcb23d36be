package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An installed product at a customer (Salesforce Asset). Immutable and thread-safe.
 *
 * @param id the canonical id
 * @param customerId canonical id of the owning customer
 * @param productId canonical id of the product
 * @param serialNumber the serial or licence number
 * @param quantity the installed quantity
 * @param installDate the date installed or provisioned
 * @param usageEnd the date the right of use ends
 * @param status the platform's asset status, free-form (e.g. {@code Installed}, {@code Obsolete})
 * @param externalRefs this asset's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Asset(
    @NotBlank @CanonicalId String id,
    @NotBlank @CanonicalId String customerId,
    @NotBlank @CanonicalId String productId,
    @Size(max = 80) @Nullable String serialNumber,
    @NotNull @PositiveOrZero BigDecimal quantity,
    @Nullable LocalDate installDate,
    @Nullable LocalDate usageEnd,
    @NotBlank @Size(max = 40) String status,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(status, "status");
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
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
    b.productId = productId;
    b.serialNumber = serialNumber;
    b.quantity = quantity;
    b.installDate = installDate;
    b.usageEnd = usageEnd;
    b.status = status;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Asset}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String customerId;
    private @Nullable String productId;
    private @Nullable String serialNumber;
    private @Nullable BigDecimal quantity;
    private @Nullable LocalDate installDate;
    private @Nullable LocalDate usageEnd;
    private @Nullable String status;

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
     * Sets serialNumber.
     *
     * @param serialNumber the value
     * @return this builder
     */
    public Builder serialNumber(@Nullable String serialNumber) {
      this.serialNumber = serialNumber;
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
     * Sets installDate.
     *
     * @param installDate the value
     * @return this builder
     */
    public Builder installDate(@Nullable LocalDate installDate) {
      this.installDate = installDate;
      return this;
    }

    /**
     * Sets usageEnd.
     *
     * @param usageEnd the value
     * @return this builder
     */
    public Builder usageEnd(@Nullable LocalDate usageEnd) {
      this.usageEnd = usageEnd;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Asset
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Asset build() {
      return new Asset(id, customerId, productId, serialNumber, quantity, installDate, usageEnd, status, externalRefs, lastModified, sourceSystem);
    }
  }
}
