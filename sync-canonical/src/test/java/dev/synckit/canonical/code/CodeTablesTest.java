package dev.synckit.canonical.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CodeTablesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "United States, US", "USA, US", "us, US", "U.S.A., US", "united states of america, US",
      "DEU, DE", "Germany, DE", "Deutschland, DE", "UK, GB", "United Kingdom, GB", "gbr, GB",
      "France, FR", "' jp ', JP", "Netherlands, NL", "Holland, NL", "SWE, SE"})
  void normalise_knownSpellings_giveAlpha2(String input, String expected) {
    assertThat(Countries.normalise(input)).contains(expected);
  }

  @Test
  void normalise_unknownCountry_isEmpty() {
    assertThat(Countries.normalise("Atlantis")).isEmpty();
    assertThatThrownBy(() -> Countries.require("Atlantis")).isInstanceOf(UnknownCodeException.class)
        .hasMessageContaining("Atlantis");
  }

  @Test
  void isValid_acceptsOnlyCanonicalAlpha2() {
    assertThat(Countries.isValid("DE")).isTrue();
    assertThat(Countries.isValid("de")).isFalse();
    assertThat(Countries.isValid("DEU")).isFalse();
    assertThat(Countries.isValid("XX")).isFalse();
  }

  @Test
  void currencies_resolveIso4217Codes() {
    assertThat(Currencies.of(" eur")).isEqualTo(Currency.getInstance("EUR"));
    assertThat(Currencies.isValid("JPY")).isTrue();
    assertThat(Currencies.isValid("jpy")).isFalse();
    assertThat(Currencies.find("EURO")).isEmpty();
  }

  @Test
  void currencies_unknownCode_isTypedError() {
    UnknownCodeException e = org.assertj.core.api.Assertions.catchThrowableOfType(UnknownCodeException.class, () -> Currencies.of("XYZ"));

    assertThat(e.code()).isEqualTo("XYZ");
    assertThat(e.table()).isEqualTo("ISO 4217 currency");
  }
}
