package dev.synckit.canonical.event;

import dev.synckit.canonical.Payment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * A customer payment was recorded. Immutable and thread-safe.
 *
 * @param payment the payment and its applications
 */
public record PaymentReceived(@NotNull @Valid Payment payment) implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks the payment is present. */
  public PaymentReceived {
    Objects.requireNonNull(payment, "payment");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String businessKey() {
    return payment.customerId();
  }
}
