package dev.synckit.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response a simulator answers with. Immutable and thread-safe.
 *
 * @param status  the HTTP status code
 * @param headers response headers (one value per name), in insertion order
 * @param body    the response body, empty for none
 */
public record SimResponse(int status, Map<String, String> headers, String body) {

  /** JSON content type used by {@link #json(int, String)}. */
  public static final String JSON_UTF8 = "application/json;charset=UTF-8";

  /** Validates and copies the headers. */
  public SimResponse {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A JSON response with {@code Content-Type: application/json;charset=UTF-8}. */
  public static SimResponse json(int status, String body) {
    return new SimResponse(status, Map.of("Content-Type", JSON_UTF8), body);
  }

  /** A 204 No Content response with the given headers. */
  public static SimResponse noContent(Map<String, String> headers) {
    return new SimResponse(204, headers, "");
  }

  /** An HTML response, as gateways and load balancers send. */
  public static SimResponse html(int status, String body) {
    return new SimResponse(status, Map.of("Content-Type", "text/html;charset=UTF-8"), body);
  }

  /** A response with any content type. */
  public static SimResponse of(int status, String contentType, String body) {
    return new SimResponse(status, Map.of("Content-Type", contentType), body);
  }

  /** A copy with the header set (replacing a header of the same name, ignoring case). */
  public SimResponse withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!k.equalsIgnoreCase(name)) {
        copy.put(k, v);
      }
    });
    copy.put(name, value);
    return new SimResponse(status, copy, body);
  }

  /** A copy with another body. */
  public SimResponse withBody(String newBody) {
    return new SimResponse(status, headers, newBody);
  }

  /** The value of a header, ignoring case. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
