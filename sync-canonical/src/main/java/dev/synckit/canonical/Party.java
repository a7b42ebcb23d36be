package dev.synckit.canonical;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An addressed role of a customer: a bill-to or ship-to location with its contact. Immutable and thread-safe.
 *
 * @param role what this party is for
 * @param name the addressee (company or department), when it differs from the customer name
 * @param address the postal address
 * @param contact the person to contact at this address
 * @param taxRegistration the tax registration valid at this address (e.g. an EU VAT id)
 * @param primary whether this is the default party of its role
 */
public record Party(
    @NotNull PartyRole role,
    @Size(max = 255) @Nullable String name,
    @NotNull @Valid Address address,
    @Valid @Nullable ContactPoint contact,
    @Size(max = 64) @Nullable String taxRegistration,
    boolean primary) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Party {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(address, "address");
  }
}
