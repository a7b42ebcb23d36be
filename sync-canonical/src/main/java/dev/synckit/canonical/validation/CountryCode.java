package dev.synckit.canonical.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string must be an upper-case ISO 3166-1 alpha-2 country code known to
 * {@link java.util.Locale#getISOCountries()}. {@code null} is valid; combine with {@code @NotNull}
 * where the value is required.
 */
@Documented
@Constraint(validatedBy = CountryCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface CountryCode {

  /**
   * The violation message.
   *
   * @return the message template
   */
  String message() default "must be an upper-case ISO 3166-1 alpha-2 country code";

  /**
   * The validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * The payload.
   *
   * @return the payload types
   */
  Class<? extends Payload>[] payload() default {};
}
