package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.http.ErrorClassifier;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Classifies SuiteTalk REST error responses (platform-apis §2.7): the body
 * {@code {type,title,status,o:errorDetails:[{detail,o:errorCode,o:errorPath}]}} with a {@code *json*} content
 * type; anything else (an HTML gateway page) is classified by status alone. Thread-safe and never throws.
 */
final class NetSuiteErrorClassifier implements ErrorClassifier {

    static final String CONCURRENCY_LIMIT_EXCEEDED = "CONCURRENCY_LIMIT_EXCEEDED";
    static final String NONEXISTENT_ID = "NONEXISTENT_ID";
    private static final int MAX_DETAIL = 500;

    private final Clock clock;

    NetSuiteErrorClassifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Classifies a failed response; {@code PlatformHttp} contains a classifier bug as a transient failure. */
    @Override
    public SyncException classify(HttpResult result) {
        int status = result.status();
        Body body = Body.of(result);
        boolean concurrency = body.hasCode(CONCURRENCY_LIMIT_EXCEEDED);
        String code = concurrency ? CONCURRENCY_LIMIT_EXCEEDED : body.code;
        ErrorDetails details = ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(status).withPlatformCode(code)
                .withField(body.path);
        String reason = result.describe() + " failed: " + body.describe(status);
        if (status == 429 || concurrency) {
            return new RateLimitedException(reason + "; reduce parallelism",
                    details.withRetryAfter(result.retryAfter(clock).orElse(null)));
        }
        if (status == 401) {
            // TBA: bad signature, unknown token, reused nonce and clock skew all look the same; see the Login Audit Trail
            return new UnauthorizedException(reason + " (check the Login Audit Trail in NetSuite)",
                    details.withPlatformCode(code == null ? "INVALID_LOGIN" : code));
        }
        if (status >= 500 || status == 408) {
            return new TransientException(reason, details);
        }
        if (status == 404) {
            return new RejectedException(reason, details.withPlatformCode(code == null ? NONEXISTENT_ID : code));
        }
        if (status >= 400) {
            return new RejectedException(reason, details);
        }
        // 1xx/3xx nobody accepted: the platform answered something we do not understand
        return new TransientException("unexpected " + reason, details);
    }


    /** What the error body says, as far as it says anything. */
    private static final class Body {
        final @Nullable String code;
        final @Nullable String path;
        final @Nullable String detail;
        final @Nullable String title;
        final @Nullable JsonNode root;
        final String contentType;

        private Body(@Nullable JsonNode root, String contentType) {
            this.root = root;
            this.contentType = contentType;
            JsonNode first = root == null ? null : root.path("o:errorDetails").path(0);
            String detailCode = first == null ? null : text(first, "o:errorCode");
            this.code = detailCode != null ? detailCode : root == null ? null : text(root, "o:errorCode");
            this.path = first == null ? null : text(first, "o:errorPath");
            this.detail = first == null ? null : text(first, "detail");
            this.title = root == null ? null : text(root, "title");
        }

        static Body of(HttpResult result) {
            String contentType = result.header("Content-Type").orElse("none");
            if (!result.isJson() || result.body().isBlank()) {
                return new Body(null, contentType);
            }
            try {
                JsonNode root = Json.mapper().readTree(result.body());
                return new Body(root != null && root.isObject() ? root : null, contentType);
            } catch (java.io.IOException e) {
                return new Body(null, contentType);
            }
        }

        boolean hasCode(String wanted) {
            if (root == null) {
                return false;
            }
            if (wanted.equals(text(root, "o:errorCode"))) {
                return true;
            }
            for (JsonNode d : root.path("o:errorDetails")) {
                if (wanted.equals(text(d, "o:errorCode"))) {
                    return true;
                }
            }
            return false;
        }

        String describe(int status) {
            if (root == null) {
                return "HTTP " + status + " without a NetSuite error body (content type " + contentType + ")";
            }
            StringBuilder b = new StringBuilder("HTTP ").append(status);
            if (title != null) {
                b.append(' ').append(title);
            }
            if (detail != null) {
                b.append(": ").append(detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail);
            }
            return b.toString();
        }

        private static @Nullable String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
        }
    }

    @Override
    public String toString() {
        return "NetSuiteErrorClassifier";
    }
}
