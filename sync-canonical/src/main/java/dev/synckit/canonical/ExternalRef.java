package dev.synckit.canonical;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A record's identity in one platform, e.g. {@code (SALESFORCE, "Account", "001Dn00000ABCdeIAH")}.
 * The cross-reference store maps a canonical id to one of these per platform. Immutable and thread-safe.
 *
 * @param system the platform
 * @param recordType the platform's record type name, e.g. {@code Account}, {@code customer}, {@code organization}
 * @param id the platform's record id
 */
public record ExternalRef(
    @NotNull @Valid SourceSystem system,
    @NotBlank @Size(max = 80) String recordType,
    @NotBlank @Size(max = 255) String id) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public ExternalRef {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(id, "id");
  }
}
