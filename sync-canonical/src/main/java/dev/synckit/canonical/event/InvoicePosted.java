package dev.synckit.canonical.event;

import dev.synckit.canonical.Invoice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * An invoice was posted (became collectable) in the ERP. Immutable and thread-safe.
 *
 * @param invoice the invoice as posted
 */
public record InvoicePosted(@NotNull @Valid Invoice invoice) implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks the invoice is present. */
  public InvoicePosted {
    Objects.requireNonNull(invoice, "invoice");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String businessKey() {
    return invoice.customerId();
  }
}
