package dev.synckit.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as a simulator sees it. Immutable and thread-safe.
 *
 * @param method  HTTP method, upper case
 * @param path    the path, percent-decoded
 * @param query   query parameters, decoded ({@code +} is a space), in order of appearance
 * @param headers request headers; look them up with {@link #header(String)} or {@link #headers(String)},
 *                which ignore case
 * @param body    the body as UTF-8, empty for none
 * @param url     the URL as received: {@code http://} + the Host header + the raw request target
 */
public record SimRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String body,
    URI url) {

  /** Validates and copies; header names become case-insensitive. */
  public SimRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(url, "url");
    query = copy(query, new LinkedHashMap<>());
    headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
  }

  private static Map<String, List<String>> copy(
      Map<String, List<String>> source, Map<String, List<String>> target) {
    Objects.requireNonNull(source, "map");
    source.forEach((k, v) -> target.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    target.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(target);
  }

  /** The first value of a header, ignoring the case of the name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All values of a header, ignoring the case of the name; empty when absent. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body decoded as {@code application/x-www-form-urlencoded}. */
  public Map<String, List<String>> form() {
    return parseForm(body);
  }

  /** The first value of a form field in the body. */
  public Optional<String> formValue(String name) {
    List<String> values = form().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Decodes {@code application/x-www-form-urlencoded} text (a form body or a raw query string): pairs split on
   * {@code &}, {@code +} is a space, percent escapes are UTF-8. A name without {@code =} has an empty value.
   */
  public static Map<String, List<String>> parseForm(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return Collections.unmodifiableMap(out);
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }

  /** Decodes one form component: {@code +} is a space, then percent-decoding. */
  public static String formDecode(String text) {
    return percentDecode(text.replace('+', ' '));
  }

  /**
   * Percent-decodes as UTF-8 without treating {@code +} specially (path segments, OAuth header values). A
   * malformed escape is kept literally.
   */
  public static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        flush(plain, bytes);
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        plain.append(c);
      }
    }
    flush(plain, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void flush(StringBuilder plain, ByteArrayOutputStream bytes) {
    if (plain.length() > 0) {
      byte[] b = plain.toString().getBytes(StandardCharsets.UTF_8);
      bytes.write(b, 0, b.length);
      plain.setLength(0);
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
