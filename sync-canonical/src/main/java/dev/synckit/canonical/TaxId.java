package dev.synckit.canonical;

import dev.synckit.canonical.validation.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tax identifier of a customer. Immutable and thread-safe.
 *
 * @param scheme the identifier scheme, e.g. {@code EU_VAT}, {@code US_EIN}, {@code GB_VAT}
 * @param value the identifier as issued
 * @param country the ISO alpha-2 country that issued it
 */
public record TaxId(
    @NotBlank @Size(max = 32) String scheme,
    @NotBlank @Size(max = 64) String value,
    @CountryCode @Nullable String country) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public TaxId {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(value, "value");
  }
}
