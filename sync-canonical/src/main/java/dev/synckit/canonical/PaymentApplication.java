package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * The part of a payment applied to one invoice. Immutable and thread-safe.
 *
 * @param invoiceId canonical id of the invoice
 * @param amount the amount applied, in the payment currency
 */
public record PaymentApplication(
    @NotBlank @CanonicalId String invoiceId,
    @NotNull @Valid Money amount) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public PaymentApplication {
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(amount, "amount");
  }
}
