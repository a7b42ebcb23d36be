package dev.synckit.canonical.event;

import dev.synckit.canonical.SupportCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * A support case was escalated beyond first-line support (e.g. a billing dispute that needs finance).
 * Immutable and thread-safe.
 *
 * @param supportCase the case after escalation
 * @param reason why it was escalated
 */
public record CaseEscalated(@NotNull @Valid SupportCase supportCase, @NotBlank String reason) implements BusinessEvent {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Checks required parts are present. */
  public CaseEscalated {
    Objects.requireNonNull(supportCase, "supportCase");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Returns the organisation's customer id when the case has one, else the case id. */
  @Override
  public String businessKey() {
    String customerId = supportCase.organizationCustomerId();
    return customerId != null ? customerId : supportCase.id();
  }
}
