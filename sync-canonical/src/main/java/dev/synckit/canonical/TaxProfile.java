package dev.synckit.canonical;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's tax identifiers and exemption status. Immutable and thread-safe.
 *
 * @param taxIds the tax identifiers
 * @param exempt whether sales to the customer are tax-exempt
 * @param exemptionCertificate the exemption certificate number, when exempt
 */
public record TaxProfile(
    List<@Valid TaxId> taxIds,
    boolean exempt,
    @Size(max = 64) @Nullable String exemptionCertificate) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public TaxProfile {
    taxIds = List.copyOf(Objects.requireNonNull(taxIds, "taxIds"));
  }

  private static final TaxProfile NONE = new TaxProfile(List.of(), false, null);

  /**
   * Returns the profile of a customer with no tax ids and no exemption.
   *
   * @return the empty profile
   */
  public static TaxProfile none() {
    return NONE;
  }
}
