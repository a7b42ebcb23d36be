package dev.synckit.canonical.validation;

import dev.synckit.canonical.code.Countries;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link CountryCode}. Stateless and thread-safe; instantiated by the validation provider.
 */
public final class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {

  /** Creates the validator; called by the validation provider. */
  public CountryCodeValidator() {
  }

  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    return value == null || Countries.isValid(value);
  }
}
