package dev.synckit.core.failure;

import dev.synckit.canonical.SourceSystem;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The context of a failure: which system, HTTP status, the platform's error code, request id,
 * the record and field at fault, and when to retry. Immutable and thread-safe. Never holds a secret.
 *
 * @param system the platform that failed, or {@code null} for local failures (mapping, validation)
 * @param httpStatus the HTTP status, 0 when there was no response
 * @param platformCode the platform's own error code ({@code INVALID_FIELD}, {@code INVALID_CONTENT} ...)
 * @param requestId the platform's request id when it sent one
 * @param recordId the id of the record at fault (source record id or canonical id)
 * @param field the field or JSON path at fault
 * @param retryAfter how long the platform asked us to wait
 */
public record ErrorDetails(
        @Nullable SourceSystem system,
        int httpStatus,
        @Nullable String platformCode,
        @Nullable String requestId,
        @Nullable String recordId,
        @Nullable String field,
        @Nullable Duration retryAfter) {

    private static final ErrorDetails NONE = new ErrorDetails(null, 0, null, null, null, null, null);

    /** Details with nothing known yet. */
    public static ErrorDetails none() {
        return NONE;
    }

    /** Details for a platform. */
    public static ErrorDetails of(SourceSystem system) {
        return NONE.withSystem(system);
    }

    public ErrorDetails withSystem(@Nullable SourceSystem value) {
        return new ErrorDetails(value, httpStatus, platformCode, requestId, recordId, field, retryAfter);
    }

    public ErrorDetails withHttpStatus(int value) {
        return new ErrorDetails(system, value, platformCode, requestId, recordId, field, retryAfter);
    }

    public ErrorDetails withPlatformCode(@Nullable String value) {
        return new ErrorDetails(system, httpStatus, value, requestId, recordId, field, retryAfter);
    }

    public ErrorDetails withRequestId(@Nullable String value) {
        return new ErrorDetails(system, httpStatus, platformCode, value, recordId, field, retryAfter);
    }

    public ErrorDetails withRecordId(@Nullable String value) {
        return new ErrorDetails(system, httpStatus, platformCode, requestId, value, field, retryAfter);
    }

    public ErrorDetails withField(@Nullable String value) {
        return new ErrorDetails(system, httpStatus, platformCode, requestId, recordId, value, retryAfter);
    }

    public ErrorDetails withRetryAfter(@Nullable Duration value) {
        return new ErrorDetails(system, httpStatus, platformCode, requestId, recordId, field, value);
    }

    public Optional<SourceSystem> systemOptional() {
        return Optional.ofNullable(system);
    }

    /** The details as a compact suffix for exception messages, e.g. {@code [system=netsuite, status=400, code=INVALID_CONTENT, field=parent]}. */
    String describe() {
        StringBuilder b = new StringBuilder();
        append(b, "system", system == null ? null : system.id());
        if (httpStatus != 0) {
            append(b, "status", Integer.toString(httpStatus));
        }
        append(b, "code", platformCode);
        append(b, "record", recordId);
        append(b, "field", field);
        append(b, "requestId", requestId);
        append(b, "retryAfter", retryAfter == null ? null : retryAfter.toString());
        return b.length() == 0 ? "" : " [" + b + "]";
    }

    private static void append(StringBuilder b, String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        if (b.length() > 0) {
            b.append(", ");
        }
        b.append(name).append('=').append(value);
    }
}
