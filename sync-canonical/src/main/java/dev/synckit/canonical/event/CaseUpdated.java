package dev.synckit.canonical.event;

import dev.synckit.canonical.SupportCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A support case was created or changed (any change, escalation or not). Immutable and thread-safe.
 *
 * @param supportCase the case after the change (the full record, not a delta)
 * @param changedFields names of the {@link SupportCase} components that changed, sorted; empty when unknown
 */
public record CaseUpdated(@NotNull @Valid SupportCase supportCase, Set<String> changedFields) implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks presence and copies the field names into an immutable sorted set. */
  public CaseUpdated {
    Objects.requireNonNull(supportCase, "supportCase");
    changedFields = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(changedFields, "changedFields")));
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Returns the organisation's customer id when the case has one, else the case id (as {@link CaseEscalated}). */
  @Override
  public String businessKey() {
    String customerId = supportCase.organizationCustomerId();
    return customerId != null ? customerId : supportCase.id();
  }
}
