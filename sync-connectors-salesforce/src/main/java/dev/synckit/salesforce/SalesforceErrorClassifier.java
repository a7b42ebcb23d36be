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
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Classifies Salesforce REST failures (platform-apis §1.6). The body is a JSON array of
 * {@code {message, errorCode, fields}}; it is parsed only when the content type says JSON, since gateways
 * answer with HTML pages. Stateless and thread-safe; never throws.
 */
final class SalesforceErrorClassifier implements ErrorClassifier {

    private static final int MAX_MESSAGE = 300;

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
            return new RateLimitedException(result.describe()
                    + ": the org's daily API request quota is exhausted (" + message
                    + "); do not retry soon, wait for the rolling 24 h window or raise the limit", details);
        }
        if (code.contains("UNABLE_TO_LOCK_ROW") || message.contains("UNABLE_TO_LOCK_ROW")
                || message.toLowerCase(Locale.ROOT).contains("unable to obtain exclusive access")) {
            return new TransientException(reason, details.withPlatformCode("UNABLE_TO_LOCK_ROW"));
        }
        if (status >= 500 || code.equals("SERVER_UNAVAILABLE") || code.equals("UNKNOWN_EXCEPTION")) {
            return new TransientException(reason, details);
        }
        if (code.equals("QUERY_TIMEOUT")) {
            return new TransientException(reason, details);
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
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return new SalesforceError(first.get("errorCode").asText(), message.strip(), field);
    }
}
