package dev.synckit.canonical;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.synckit.canonical.code.Currencies;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency. The amount keeps the scale it was given
 * ({@code 12.50} stays {@code 12.50}), so equality is scale-sensitive like {@link BigDecimal};
 * use {@link #isSameAmount(Money)} to compare values. In JSON:
 * {@code {"amount":"12.50","currency":"USD"}} — the amount travels as a string so no JSON parser
 * along the way can round it through binary floating point. Immutable and thread-safe.
 *
 * @param amount the amount; a negative scale is normalised to 0
 * @param currency the currency
 */
public record Money(
    @NotNull @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    @NotNull Currency currency) {

  /** Checks both parts are present and normalises a negative scale ({@code 1E+3} becomes {@code 1000}). */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.scale() < 0) {
      amount = amount.setScale(0);
    }
  }

  /**
   * Creates money from its textual parts, e.g. {@code Money.of("1234.50", "EUR")}.
   *
   * @param amount a decimal number in plain or scientific notation
   * @param currencyCode an ISO 4217 code
   * @return the money
   * @throws NumberFormatException if the amount is not a decimal number
   * @throws dev.synckit.canonical.code.UnknownCodeException if the currency code is unknown
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currencyCode, "currencyCode");
    return new Money(new BigDecimal(amount.strip()), Currencies.of(currencyCode));
  }

  /**
   * Creates money.
   *
   * @param amount the amount
   * @param currency the currency
   * @return the money
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * Returns zero in a currency, at the currency's default number of fraction digits.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    return new Money(BigDecimal.ZERO.setScale(Math.max(0, currency.getDefaultFractionDigits())), currency);
  }

  /**
   * Adds money of the same currency.
   *
   * @param other the addend
   * @return the sum
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Subtracts money of the same currency.
   *
   * @param other the subtrahend
   * @return the difference
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /**
   * Compares value and currency, ignoring scale ({@code 12.5 USD} is the same amount as {@code 12.50 USD}).
   *
   * @param other the money to compare with
   * @return true if same currency and numerically equal
   */
  public boolean isSameAmount(Money other) {
    return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency: cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
    }
  }
}
