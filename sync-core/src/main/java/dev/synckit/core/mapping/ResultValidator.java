package dev.synckit.core.mapping;

import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.MappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates what mappers return with jakarta.validation and turns violations into one
 * {@link MappingException} naming the record and every property path at fault
 * (e.g. {@code customer.billTo[0].address.country}). Thread-safe.
 */
public final class ResultValidator {

    private final Validator validator;

    private ResultValidator(Validator validator) {
        this.validator = validator;
    }

    /** A validator backed by the default jakarta.validation provider on the class path. */
    public static ResultValidator create() {
        return Holder.DEFAULT;
    }

    /** A validator backed by the host's own {@link Validator}. */
    public static ResultValidator from(Validator validator) {
        return new ResultValidator(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Validates a mapped value.
     *
     * @param recordId the record the value came from, named in the failure
     * @throws MappingException listing every violation, sorted by path
     */
    public <T> T validate(T value, String recordId) {
        Objects.requireNonNull(value, "value");
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return value;
        }
        List<MappingException.FieldError> errors = violations.stream()
                .map(v -> new MappingException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(MappingException.FieldError::field))
                .toList();
        String type = value.getClass().getSimpleName();
        return fail(type, recordId, errors);
    }

    private static <T> T fail(String type, String recordId, List<MappingException.FieldError> errors) {
        String reason = "invalid " + type + ": " + errors.stream().map(Object::toString)
                .reduce((a, b) -> a + "; " + b).orElse("");
        throw new MappingException(reason, ErrorDetails.none()
                .withPlatformCode(MappingException.CODE)
                .withRecordId(recordId)
                .withField(errors.get(0).field()), errors);
    }

    private static final class Holder {
        private static final ResultValidator DEFAULT;

        static {
            ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
            DEFAULT = new ResultValidator(factory.getValidator());
        }
    }
}
