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
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer payment and its application to invoices (NetSuite customer payment is the system of
 * record). Immutable and thread-safe. Applications are in the payment currency and never exceed the payment amount (enforced).
 *
 * @param id the canonical id
 * @param customerId canonical id of the paying customer
 * @param amount the amount received
 * @param paymentDate the date received
 * @param method how it was paid
 * @param reference the bank, card or cheque reference
 * @param applications how the payment is applied to invoices; the remainder is unapplied credit
 * @param externalRefs this payment's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Payment(
    @NotBlank @CanonicalId String id,
    @NotBlank @CanonicalId String customerId,
    @NotNull @Valid Money amount,
    @NotNull LocalDate paymentDate,
    @NotNull PaymentMethod method,
    @Size(max = 128) @Nullable String reference,
    List<@Valid PaymentApplication> applications,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(paymentDate, "paymentDate");
    Objects.requireNonNull(method, "method");
    applications = List.copyOf(Objects.requireNonNull(applications, "applications"));
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    BigDecimal applied = BigDecimal.ZERO;
    for (int i = 0; i < applications.size(); i++) {
      Money a = applications.get(i).amount();
      if (!a.currency().equals(amount.currency())) {
        throw new IllegalArgumentException(
            "applications[" + i + "].amount: currency " + a.currency() + " differs from payment currency " + amount.currency());
      }
      applied = applied.add(a.amount());
    }
    if (applied.compareTo(amount.amount()) > 0) {
      throw new IllegalArgumentException(
          "applications: applied " + applied.toPlainString() + " exceeds payment amount " + amount.amount().toPlainString());
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
    b.amount = amount;
    b.paymentDate = paymentDate;
    b.method = method;
    b.reference = reference;
    b.applications.addAll(applications);
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Payment}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String customerId;
    private @Nullable Money amount;
    private @Nullable LocalDate paymentDate;
    private @Nullable PaymentMethod method;
    private @Nullable String reference;
    private final List<PaymentApplication> applications = new ArrayList<>();

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
     * Sets paymentDate.
     *
     * @param paymentDate the value
     * @return this builder
     */
    public Builder paymentDate(LocalDate paymentDate) {
      this.paymentDate = paymentDate;
      return this;
    }

    /**
     * Sets method.
     *
     * @param method the value
     * @return this builder
     */
    public Builder method(PaymentMethod method) {
      this.method = method;
      return this;
    }

    /**
     * Sets reference.
     *
     * @param reference the value
     * @return this builder
     */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /**
     * Replaces applications.
     *
     * @param applications the new values
     * @return this builder
     */
    public Builder applications(List<PaymentApplication> applications) {
      this.applications.clear();
      this.applications.addAll(Objects.requireNonNull(applications, "applications"));
      return this;
    }

    /**
     * Appends an application to an invoice.
     *
     * @param application the application
     * @return this builder
     */
    public Builder addApplication(PaymentApplication application) {
      this.applications.add(Objects.requireNonNull(application, "application"));
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Payment
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Payment build() {
      return new Payment(id, customerId, amount, paymentDate, method, reference, applications, externalRefs, lastModified, sourceSystem);
    }
  }
}
