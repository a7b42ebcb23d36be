package dev.synckit.canonical.code;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * ISO 4217 currency codes, resolved through {@link Currency#getInstance(String)}. Stateless and
 * thread-safe.
 */
public final class Currencies {

  private Currencies() {
  }

  /**
   * Resolves an ISO 4217 code, tolerating surrounding blanks and lower case ({@code " usd"}).
   *
   * @param code the currency code
   * @return the currency
   * @throws UnknownCodeException if the code is not an ISO 4217 currency
   */
  public static Currency of(String code) {
    Objects.requireNonNull(code, "code");
    return find(code).orElseThrow(() -> new UnknownCodeException("ISO 4217 currency", code));
  }

  /**
   * Looks up an ISO 4217 code, tolerating surrounding blanks and lower case.
   *
   * @param code the currency code
   * @return the currency, or empty if the code is unknown
   */
  public static Optional<Currency> find(String code) {
    Objects.requireNonNull(code, "code");
    String normalised = code.strip().toUpperCase(Locale.ROOT);
    if (normalised.length() != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(normalised));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether a string is exactly an upper-case ISO 4217 code.
   *
   * @param code the candidate
   * @return true if {@code code} is a known code in canonical form
   */
  public static boolean isValid(String code) {
    Objects.requireNonNull(code, "code");
    return find(code).map(c -> c.getCurrencyCode().equals(code)).orElse(false);
  }
}
