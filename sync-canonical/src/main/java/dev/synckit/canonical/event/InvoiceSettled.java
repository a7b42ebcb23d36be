package dev.synckit.canonical.event;

import dev.synckit.canonical.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Objects;

/**
 * An invoice was paid in full. Immutable and thread-safe.
 *
 * @param invoiceId canonical id of the invoice
 * @param customerId canonical id of the billed customer
 * @param amountPaid the total amount paid against the invoice
 * @param settledAt when the last payment settled it
 */
public record InvoiceSettled(
    @NotBlank String invoiceId, @NotBlank String customerId, @NotNull @Valid Money amountPaid, @NotNull Instant settledAt)
    implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks required parts are present. */
  public InvoiceSettled {
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(amountPaid, "amountPaid");
    Objects.requireNonNull(settledAt, "settledAt");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String businessKey() {
    return customerId;
  }
}
