package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's right to a level of service (support tier, subscription), typically created from an
 * approved order and consulted by the support platform. Immutable and thread-safe.
 *
 * @param id the canonical id
 * @param customerId canonical id of the entitled customer
 * @param orderId canonical id of the order that granted it, when any
 * @param serviceTier the service level, e.g. {@code premium}
 * @param productIds canonical ids of the products covered
 * @param start first day in force
 * @param end last day in force, open-ended when absent; on or after {@code start}
 * @param status current state
 * @param externalRefs this entitlement's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Entitlement(
    @NotBlank @CanonicalId String id,
    @NotBlank @CanonicalId String customerId,
    @CanonicalId @Nullable String orderId,
    @NotBlank @Size(max = 64) String serviceTier,
    List<@CanonicalId String> productIds,
    @NotNull LocalDate start,
    @Nullable LocalDate end,
    @NotNull EntitlementStatus status,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Entitlement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(serviceTier, "serviceTier");
    productIds = List.copyOf(Objects.requireNonNull(productIds, "productIds"));
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(status, "status");
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("end: " + end + " is before start " + start);
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
    b.orderId = orderId;
    b.serviceTier = serviceTier;
    b.productIds.addAll(productIds);
    b.start = start;
    b.end = end;
    b.status = status;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Entitlement}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String customerId;
    private @Nullable String orderId;
    private @Nullable String serviceTier;
    private final List<String> productIds = new ArrayList<>();
    private @Nullable LocalDate start;
    private @Nullable LocalDate end;
    private @Nullable EntitlementStatus status = EntitlementStatus.ACTIVE;

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
     * Sets orderId.
     *
     * @param orderId the value
     * @return this builder
     */
    public Builder orderId(@Nullable String orderId) {
      this.orderId = orderId;
      return this;
    }

    /**
     * Sets serviceTier.
     *
     * @param serviceTier the value
     * @return this builder
     */
    public Builder serviceTier(String serviceTier) {
      this.serviceTier = serviceTier;
      return this;
    }

    /**
     * Replaces productIds.
     *
     * @param productIds the new values
     * @return this builder
     */
    public Builder productIds(List<String> productIds) {
      this.productIds.clear();
      this.productIds.addAll(Objects.requireNonNull(productIds, "productIds"));
      return this;
    }

    /**
     * Sets start.
     *
     * @param start the value
     * @return this builder
     */
    public Builder start(LocalDate start) {
      this.start = start;
      return this;
    }

    /**
     * Sets end.
     *
     * @param end the value
     * @return this builder
     */
    public Builder end(@Nullable LocalDate end) {
      this.end = end;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(EntitlementStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Entitlement
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Entitlement build() {
      return new Entitlement(id, customerId, orderId, serviceTier, productIds, start, end, status, externalRefs, lastModified, sourceSystem);
    }
  }
}
