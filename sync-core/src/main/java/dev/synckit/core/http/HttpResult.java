package dev.synckit.core.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A received HTTP response, body read as text. Immutable and thread-safe.
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the body ("" when none)
 * @param uri the request URI
 * @param method the request method
 */
public record HttpResult(int status, HttpHeaders headers, String body, URI uri, String method) {
    public HttpResult {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(method, "method");
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Whether the body is JSON by its content type ({@code application/json}, {@code ...+json}, vendor types). */
    public boolean isJson() {
        return header("Content-Type").map(v -> v.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
    }

    /**
     * The {@code Retry-After} header as a wait from now: in seconds, or as an HTTP date judged by
     * {@code clock} (a date in the past is zero). Empty when absent or unreadable.
     */
    public Optional<Duration> retryAfter(Clock clock) {
        String value = header("Retry-After").map(String::trim).orElse("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** {@code METHOD path} for messages: never the query (it may hold ids) nor headers. */
    public String describe() {
        return method + " " + uri.getRawPath();
    }
}
