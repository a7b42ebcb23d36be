package dev.synckit.canonical.event;

import dev.synckit.canonical.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A known customer changed. Immutable and thread-safe.
 *
 * @param customer the customer after the change (the full record, not a delta)
 * @param changedFields names of the {@link Customer} components that changed, sorted; empty when unknown
 */
public record CustomerUpdated(@NotNull @Valid Customer customer, Set<String> changedFields) implements BusinessEvent {

  /** Version 2 replaced the v1 {@code billingAddress}/{@code externalIds} with {@code billTo}/{@code externalRefs}. */
  public static final int SCHEMA_VERSION = 2;

  /** Checks presence and copies the field names into an immutable sorted set. */
  public CustomerUpdated {
    Objects.requireNonNull(customer, "customer");
    changedFields = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(changedFields, "changedFields")));
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
