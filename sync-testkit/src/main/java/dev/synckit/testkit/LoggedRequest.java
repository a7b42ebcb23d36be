package dev.synckit.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a simulator's request log. Immutable and thread-safe.
 *
 * @param sequence       1-based position in arrival order
 * @param at             arrival time, read from the simulator's clock
 * @param method         HTTP method
 * @param path           decoded path
 * @param query          raw query string, empty for none
 * @param headers        request headers, names in lower case
 * @param body           request body as UTF-8, empty for none
 * @param responseStatus the status answered, or 0 when the connection was dropped
 * @param faultApplied   a description of the fault(s) applied, or null when the request was served normally
 */
public record LoggedRequest(
    long sequence,
    Instant at,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    int responseStatus,
    @Nullable String faultApplied) {

  /** Copies the headers. */
  public LoggedRequest {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, ignoring case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether a fault rule changed this request's outcome. */
  public boolean faulted() {
    return faultApplied != null;
  }
}
