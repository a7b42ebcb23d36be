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
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string must be a canonical identifier: 1 to 64 characters from
 * {@code [A-Za-z0-9_-]}, so blank ids fail too. {@code null} is valid: required ids are
 * null-checked by the records themselves.
 */
@Documented
@Pattern(regexp = CanonicalId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface CanonicalId {

  /** The regular expression every canonical id matches. */
  String PATTERN = "[A-Za-z0-9_-]{1,64}";

  /**
   * The violation message.
   *
   * @return the message template
   */
  String message() default "must be a canonical id matching " + PATTERN;

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
