package dev.synckit.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * One error of one record in an sObject Collections result ({@code {statusCode, message, fields}}).
 * Immutable and thread-safe.
 *
 * @param statusCode Salesforce's code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message the message, as Salesforce wrote it
 * @param fields the fields at fault; may be empty
 */
public record RecordError(String statusCode, String message, List<String> fields) {

    /** The filler Salesforce puts on records that were valid but rolled back with the others. */
    public static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";
    /** The filler of composite subrequests that were not run because another failed. */
    public static final String PROCESSING_HALTED = "PROCESSING_HALTED";

    public RecordError {
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(message, "message");
        fields = List.copyOf(fields);
    }

    /** Whether this error only says that the record was rolled back because another one failed. */
    public boolean isFiller() {
        return statusCode.equals(ROLLED_BACK) || statusCode.equals(PROCESSING_HALTED);
    }
}
