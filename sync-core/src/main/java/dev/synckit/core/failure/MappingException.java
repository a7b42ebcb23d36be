package dev.synckit.core.failure;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mapper could not turn a record into its target shape, or the result failed validation.
 * A rejection: the record goes to the dead letters naming the record and every field at fault.
 * Thread-safe (immutable).
 */
public class MappingException extends RejectedException {
    private static final long serialVersionUID = 1L;

    /** The code used for mapping and validation failures. */
    public static final String CODE = "MAPPING_FAILED";

    private final List<FieldError> fieldErrors;

    /** One field at fault. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    public MappingException(String reason, ErrorDetails details, List<FieldError> fieldErrors) {
        this(reason, details, fieldErrors, null);
    }

    public MappingException(String reason, ErrorDetails details, List<FieldError> fieldErrors,
            @Nullable Throwable cause) {
        super(reason, details, cause);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A failure of one field of one record. */
    public static MappingException field(String recordId, String field, String message) {
        return new MappingException(field + ": " + message,
                ErrorDetails.none().withPlatformCode(CODE).withRecordId(recordId).withField(field),
                List.of(new FieldError(field, message)));
    }

    /** Every field at fault, in order. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public MappingException withDetails(ErrorDetails newDetails) {
        return new MappingException(reason(), newDetails, fieldErrors, getCause());
    }
}
