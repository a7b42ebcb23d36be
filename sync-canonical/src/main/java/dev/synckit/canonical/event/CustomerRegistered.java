package dev.synckit.canonical.event;

import dev.synckit.canonical.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * A customer became known to SyncKit for the first time (new account in the CRM, new customer in
 * the ERP). Immutable and thread-safe.
 *
 * @param customer the customer as registered
 */
public record CustomerRegistered(@NotNull @Valid Customer customer) implements BusinessEvent {

  /** Version 2 replaced the v1 {@code billingAddress}/{@code externalIds} with {@code billTo}/{@code externalRefs}. */
  public static final int SCHEMA_VERSION = 2;

  /** Checks the customer is present. */
  public CustomerRegistered {
    Objects.requireNonNull(customer, "customer");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  @Override
  public String businessKey() {
    return customer.id();
  }
}
