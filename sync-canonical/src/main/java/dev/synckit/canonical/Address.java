package dev.synckit.canonical;

import dev.synckit.canonical.validation.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A postal address. Immutable and thread-safe.
 *
 * @param lines street lines, first to last; empty when unknown
 * @param city the city or locality
 * @param region free-form state/province, or an ISO 3166-2 subdivision code such as {@code US-CA}
 * @param postalCode the postal or ZIP code
 * @param country ISO 3166-1 alpha-2 country code, upper-case (see {@link dev.synckit.canonical.code.Countries})
 */
public record Address(
    List<@NotBlank String> lines,
    @Size(max = 120) @Nullable String city,
    @Size(max = 120) @Nullable String region,
    @Size(max = 40) @Nullable String postalCode,
    @NotNull @CountryCode String country) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Address {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    Objects.requireNonNull(country, "country");
  }

  /**
   * Creates an address from one street line.
   *
   * @param line the street line
   * @param city the city
   * @param region the region
   * @param postalCode the postal code
   * @param country the ISO alpha-2 country code
   * @return the address
   */
  public static Address of(String line, @Nullable String city, @Nullable String region, @Nullable String postalCode, String country) {
    return new Address(List.of(line), city, region, postalCode, country);
  }
}
