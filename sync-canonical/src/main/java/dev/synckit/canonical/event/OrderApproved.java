package dev.synckit.canonical.event;

import dev.synckit.canonical.Order;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order passed approval and can be booked in the ERP and fulfilled. Immutable and thread-safe.
 *
 * @param order the approved order
 * @param approvedBy who approved it (user name or e-mail), when known
 */
public record OrderApproved(@NotNull @Valid Order order, @Nullable String approvedBy) implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks the order is present. */
  public OrderApproved {
    Objects.requireNonNull(order, "order");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String businessKey() {
    return order.customerId();
  }
}
