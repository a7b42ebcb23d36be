package dev.synckit.canonical.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Objects;

/**
 * An order was rejected, by approval or by a downstream platform that refused it. Immutable and
 * thread-safe.
 *
 * @param orderId canonical id of the order
 * @param customerId canonical id of the ordering customer
 * @param reasons why; at least one in practice
 */
public record OrderRejected(@NotBlank String orderId, @NotBlank String customerId, List<@Valid RejectionReason> reasons)
    implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks presence and copies the reasons. */
  public OrderRejected {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
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
