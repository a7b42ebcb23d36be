package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice. Immutable and thread-safe.
 *
 * @param lineNumber 1-based position in the invoice
 * @param productId canonical id of the product billed, when the line is for a product
 * @param description the line text printed on the invoice
 * @param quantity quantity billed
 * @param unitPrice price per unit
 * @param amount the line amount
 */
public record InvoiceLine(
    @Positive int lineNumber,
    @CanonicalId @Nullable String productId,
    @NotBlank @Size(max = 4000) String description,
    @NotNull BigDecimal quantity,
    @NotNull @Valid Money unitPrice,
    @NotNull @Valid Money amount) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public InvoiceLine {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(amount, "amount");
    if (!unitPrice.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("unitPrice: currency " + unitPrice.currency() + " differs from amount currency " + amount.currency());
    }
  }
}
