package dev.synckit.canonical.event;

import dev.synckit.canonical.Entitlement;
import dev.synckit.canonical.EntitlementStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An entitlement was created or changed state. Immutable and thread-safe.
 *
 * @param entitlement the entitlement after the change
 * @param previousStatus the status before the change; absent when the entitlement is new
 */
public record EntitlementChanged(@NotNull @Valid Entitlement entitlement, @Nullable EntitlementStatus previousStatus)
    implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks the entitlement is present. */
  public EntitlementChanged {
    Objects.requireNonNull(entitlement, "entitlement");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String businessKey() {
    return entitlement.customerId();
  }
}
