package dev.synckit.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.ErrorClassifier;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Classifies Salesforce REST failures (platform-apis §1.6). The body is a JSON array of
 * {@code {message, errorCode, fields}}; it is parsed only when the content type says JSON, since gateways
 * answer with HTML pages. Stateless and thread-safe; never throws.
 */
final class SalesforceErrorClassifier implements ErrorClassifier {

    private static final int MAX_MESSAGE = 300;
    private static final java.util.regex.Pattern NO_SUCH_COLUMN =
            java.util.regex.Pattern.compile("No such column '([^']+)'");

    private final Duration dailyQuotaRetryAfter;

    /**
     * @param dailyQuotaRetryAfter how long to stop calling once the daily quota is exhausted (Salesforce does not
     *     say when the rolling 24 h window frees calls)
     */
    SalesforceErrorClassifier(Duration dailyQuotaRetryAfter) {
        this.dailyQuotaRetryAfter = dailyQuotaRetryAfter;
    }

    /** One entry of Salesforce's error array (the first one decides). */
    record SalesforceError(String errorCode, String message, @Nullable String field) {
    }

    @Override
    public SyncException classify(HttpResult result) {
        int status = result.status();
        ErrorDetails base = ErrorDetails.of(SourceSystem.SALESFORCE).withHttpStatus(status);
        if (status == 300) {
            return new ConflictException("several records match the external id of " + result.describe(),
                    base.withPlatformCode("MULTIPLE_CHOICES"));
        }
        SalesforceError error = result.isJson() ? firstError(result.body()) : null;
        if (error == null) {
            String what = result.isJson() ? "an unreadable error body" : "a non-JSON body ("
                    + result.header("Content-Type").orElse("no content type") + ")";
            String reason = result.describe() + " failed with HTTP " + status + " and " + what;
            return status >= 500 ? new TransientException(reason, base)
                    : status == 401 ? new UnauthorizedException(reason, base)
                    : new RejectedException(reason, base);
        }
        ErrorDetails details = base.withPlatformCode(error.errorCode()).withField(error.field());
        String code = error.errorCode();
        String message = error.message();
        String reason = result.describe() + ": " + message;
        if (code.equals("INVALID_SESSION_ID") || status == 401) {
            return new UnauthorizedException(reason, details);
        }
        if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
            if (message.contains("ConcurrentPerOrgLongTxn")) {
                return new TransientException(result.describe()
                        + ": too many concurrent long-running requests (ConcurrentPerOrgLongTxn); back off for seconds",
                        details);
            }
            // TotalRequests (or any other quota): Salesforce sends no Retry-After; the window is a rolling 24 h
            String usage = result.header("Sforce-Limit-Info").map(v -> ", " + v.strip()).orElse("");
            return new RateLimitedException(result.describe()
                    + ": the org's daily API request quota is exhausted (" + message + usage
                    + "); calls free up as those of the last 24 h age out: stop and retry in " + dailyQuotaRetryAfter
                    + " or raise the limit", details.withRetryAfter(dailyQuotaRetryAfter));
        }
        if (code.contains("UNABLE_TO_LOCK_ROW") || message.contains("UNABLE_TO_LOCK_ROW")
                || message.toLowerCase(Locale.ROOT).contains("unable to obtain exclusive access")) {
            return new TransientException(reason, details.withPlatformCode("UNABLE_TO_LOCK_ROW"));
        }
        if (code.equals("DUPLICATE_EXTERNAL_ID")) {
            return new ConflictException(reason, details);
        }
        if (status >= 500 || code.equals("SERVER_UNAVAILABLE") || code.equals("UNKNOWN_EXCEPTION")) {
            return new TransientException(reason, details);
        }
        if (code.equals("QUERY_TIMEOUT")) {
            return new TransientException(reason, details);
        }
        return new RejectedException(reason, details);
    }

    /**
     * Classifies the failure of one record of an sObject Collections call by its errors (fillers already
     * dropped, see {@link CollectionResult#causes()}): lock contention and server trouble are transient, a
     * record only rolled back because another failed is transient too (it goes through once retried alone),
     * several records matching the external id is a conflict, everything else is rejected with the first code
     * and field.
     */
    static SyncException classifyRecord(List<RecordError> causes, String what) {
        ErrorDetails base = ErrorDetails.of(SourceSystem.SALESFORCE).withHttpStatus(200);
        if (causes.isEmpty()) {
            return new TransientException(what + " failed without an error", base.withPlatformCode("UNKNOWN"));
        }
        RecordError first = causes.get(0);
        String field = first.fields().isEmpty() ? null : first.fields().get(0);
        ErrorDetails details = base.withPlatformCode(first.statusCode()).withField(field);
        StringBuilder text = new StringBuilder(what).append(':');
        for (RecordError e : causes) {
            String m = e.message().length() > MAX_MESSAGE ? e.message().substring(0, MAX_MESSAGE) + "..." : e.message();
            text.append(' ').append(e.statusCode()).append(" ").append(m.strip());
            if (!e.fields().isEmpty()) {
                text.append(" (fields ").append(String.join(", ", e.fields())).append(')');
            }
            text.append(';');
        }
        String reason = text.substring(0, text.length() - 1);
        for (RecordError e : causes) {
            if (e.statusCode().contains("UNABLE_TO_LOCK_ROW") || e.message().contains("UNABLE_TO_LOCK_ROW")
                    || e.message().toLowerCase(Locale.ROOT).contains("unable to obtain exclusive access")) {
                return new TransientException(reason, details.withPlatformCode("UNABLE_TO_LOCK_ROW"));
            }
        }
        if (first.isFiller() || first.statusCode().equals("SERVER_UNAVAILABLE")
                || first.statusCode().equals("UNKNOWN_EXCEPTION")) {
            return new TransientException(reason, details);
        }
        if (first.statusCode().equals("DUPLICATE_EXTERNAL_ID")) {
            return new ConflictException(reason, details);
        }
        return new RejectedException(reason, details);
    }

    /** The first error of the array, or null when the body is not Salesforce's error shape. */
    static @Nullable SalesforceError firstError(String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null) {
            return null;
        }
        JsonNode first = root.isArray() ? root.path(0) : root; // a few endpoints answer with one object
        if (!first.isObject() || !first.path("errorCode").isTextual()) {
            return null;
        }
        JsonNode fields = first.path("fields");
        String field = fields.isArray() && fields.size() > 0 && fields.get(0).isTextual()
                ? fields.get(0).asText() : null;
        String message = first.path("message").asText("");
        if (field == null) {
            // a whole-request INVALID_FIELD names the column in its message only
            java.util.regex.Matcher column = NO_SUCH_COLUMN.matcher(message);
            field = column.find() ? column.group(1) : null;
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return new SalesforceError(first.get("errorCode").asText(), message.strip(), field);
    }
}
