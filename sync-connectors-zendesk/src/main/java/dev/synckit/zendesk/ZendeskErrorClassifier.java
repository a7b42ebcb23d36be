package dev.synckit.zendesk;

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
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Classifies Zendesk error responses (platform-apis §3.9 and §7): the classic body
 * {@code {error, description, details: {field: [{description, error}]}}} (the inner {@code error} may be missing),
 * a bare {@code {error}}, an object-valued {@code {error: {title, message}}}, the JSON:API style
 * {@code {errors: [{code, title, detail, source}]}}, and {@code text/plain}. The platform code is the most specific
 * one given ({@code details.email[0].error = DuplicateValue} beats {@code RecordInvalid}); the field is the first
 * {@code details} key or the {@code source.parameter}. {@code 429} carries {@code Retry-After} exactly, in seconds or
 * as an HTTP date. Thread-safe and never throws.
 */
public final class ZendeskErrorClassifier implements ErrorClassifier {

    private static final int MAX_TEXT = 300;

    private final Clock clock;

    /** A classifier judging HTTP-date {@code Retry-After} values by {@code clock}. */
    public ZendeskErrorClassifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Classifies a failed response; {@code PlatformHttp} contains a classifier bug as a transient failure. */
    @Override
    public SyncException classify(HttpResult result) {
        int status = result.status();
        Body body = Body.of(result);
        ErrorDetails details = ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(status)
                .withPlatformCode(body.code).withField(body.field)
                .withRequestId(result.header("X-Zendesk-Request-Id").or(() -> result.header("X-Request-Id"))
                        .orElse(null));
        String reason = result.describe() + " failed: HTTP " + status + body.describe();
        if (status == 429) {
            return new RateLimitedException(reason, details.withRetryAfter(result.retryAfter(clock).orElse(null)));
        }
        if (status == 401) {
            return new UnauthorizedException(reason, details);
        }
        if (status == 409) {
            return new ConflictException(reason, details);
        }
        if (status >= 500 || status == 408) {
            return new TransientException(reason, details.withRetryAfter(result.retryAfter(clock).orElse(null)));
        }
        if (status >= 400) {
            return new RejectedException(reason, details);
        }
        return new TransientException("unexpected " + reason, details);
    }

    /** What an error body says, in whichever of Zendesk's shapes it came. */
    static final class Body {
        final @Nullable String code;
        final @Nullable String field;
        final @Nullable String text;

        private Body(@Nullable String code, @Nullable String field, @Nullable String text) {
            this.code = code;
            this.field = field;
            this.text = text;
        }

        static Body of(HttpResult result) {
            String raw = result.body().trim();
            if (raw.isEmpty()) {
                return new Body(null, null, null);
            }
            if (!result.isJson() && !raw.startsWith("{")) {
                return new Body(null, null, cut(raw)); // text/plain API-level errors
            }
            JsonNode root;
            try {
                root = Json.mapper().readTree(raw);
            } catch (java.io.IOException e) {
                return new Body(null, null, cut(raw));
            }
            return root == null || !root.isObject() ? new Body(null, null, null) : of(root);
        }

        static Body of(JsonNode root) {
            JsonNode errors = root.get("errors");
            if (errors != null && errors.isArray() && errors.size() > 0) {
                JsonNode first = errors.get(0);
                JsonNode source = first.path("source");
                String field = text(source, "parameter");
                if (field == null) {
                    field = text(source, "pointer");
                }
                String detail = text(first, "detail");
                String title = text(first, "title");
                return new Body(text(first, "code"), field, join(title, detail));
            }
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                return new Body(text(error, "title"), null, text(error, "message"));
            }
            String outer = error == null ? null : text(root, "error");
            String description = text(root, "description");
            JsonNode details = root.get("details");
            if (details != null && details.isObject()) {
                for (Map.Entry<String, JsonNode> e : details.properties()) {
                    JsonNode firstDetail = e.getValue().isArray() ? e.getValue().path(0) : e.getValue();
                    String inner = text(firstDetail, "error");
                    String innerText = text(firstDetail, "description");
                    return new Body(inner != null ? inner : outer, e.getKey(),
                            join(join(outer, description), innerText == null ? null : innerText.trim()));
                }
            }
            return new Body(outer, null, outer != null && description != null ? description
                    : outer != null ? outer : description);
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            if (text != null) {
                b.append(": ").append(cut(text));
            }
            return b.toString();
        }

        private static @Nullable String join(@Nullable String a, @Nullable String b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : a + " - " + b;
        }

        private static String cut(String s) {
            return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
        }

        private static @Nullable String text(JsonNode node, String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
        }
    }

    @Override
    public String toString() {
        return "ZendeskErrorClassifier";
    }
}
