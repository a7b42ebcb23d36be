package dev.synckit.canonical;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The service period and billing rhythm of a subscription line or order. Immutable and thread-safe.
 *
 * @param start first day of service
 * @param end last day of service, on or after {@code start}
 * @param termMonths the contracted term in months
 * @param billingFrequency how often it is billed
 * @param autoRenew whether it renews automatically at {@code end}
 */
public record SubscriptionTerms(
    @NotNull LocalDate start,
    @NotNull LocalDate end,
    @PositiveOrZero int termMonths,
    @NotNull BillingFrequency billingFrequency,
    boolean autoRenew) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public SubscriptionTerms {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(billingFrequency, "billingFrequency");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end: " + end + " is before start " + start);
    }
  }
}
