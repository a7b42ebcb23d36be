package dev.synckit.core.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as connectors describe it, before authentication. Immutable and thread-safe;
 * the {@code with...} methods return copies.
 *
 * @param method the HTTP method
 * @param uri the absolute URI, query included
 * @param headers request headers (no {@code Authorization}: the authenticator adds it)
 * @param body the body text, or {@code null}
 * @param accepted statuses besides 2xx that the caller handles itself (e.g. 300, 404)
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, @Nullable String body,
        Set<Integer> accepted) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        accepted = Set.copyOf(accepted);
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, Set.of());
    }

    public static HttpCall of(String method, URI uri, @Nullable String body) {
        return new HttpCall(method, uri, Map.of(), body, Set.of());
    }

    /** A JSON request: sets {@code Content-Type: application/json} when there is a body. */
    public static HttpCall json(String method, URI uri, @Nullable String body) {
        HttpCall call = of(method, uri, body).withHeader("Accept", "application/json");
        return body == null ? call : call.withHeader("Content-Type", "application/json");
    }

    public HttpCall withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpCall(method, uri, copy, body, accepted);
    }

    public HttpCall withUri(URI newUri) {
        return new HttpCall(method, newUri, headers, body, accepted);
    }

    /** Also hands these statuses back to the caller instead of classifying them as failures. */
    public HttpCall accepting(Integer... statuses) {
        Set<Integer> copy = new TreeSet<>(accepted);
        copy.addAll(Set.of(statuses));
        return new HttpCall(method, uri, headers, body, copy);
    }

    @Override
    public String toString() {
        // headers may hold credentials: never print them
        return method + " " + uri.getRawPath();
    }
}
