package dev.synckit.core.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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

    /** {@code METHOD path} for messages: never the query (it may hold ids) nor headers. */
    public String describe() {
        return method + " " + uri.getRawPath();
    }
}
