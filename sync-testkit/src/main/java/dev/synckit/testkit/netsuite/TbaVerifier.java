package dev.synckit.testkit.netsuite;

import dev.synckit.testkit.SimRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies OAuth 1.0a token-based authentication headers (RFC 5849, HMAC-SHA256) as NetSuite does. Thread-safe.
 */
final class TbaVerifier {

  record Credentials(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {}

  private final String realm;
  private final Clock clock;
  private final Duration skew;
  private final Map<String, Credentials> tokens = new ConcurrentHashMap<>();
  private final Set<String> usedNonces = ConcurrentHashMap.newKeySet();

  TbaVerifier(String realm, Clock clock, Duration skew) {
    this.realm = realm;
    this.clock = clock;
    this.skew = skew;
  }

  void register(Credentials credentials) {
    tokens.put(credentials.tokenId(), credentials);
  }

  /** Returns the failure reason, or empty when the request is authentic. */
  Optional<String> verify(SimRequest request) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return Optional.of("missing OAuth Authorization header");
    }
    Map<String, String> params;
    try {
      params = parseHeader(header.substring(6));
    } catch (IllegalArgumentException e) {
      return Optional.of("malformed Authorization header: " + e.getMessage());
    }
    if (!realm.equals(params.get("realm"))) {
      return Optional.of("realm mismatch: expected " + realm + " but got " + params.get("realm"));
    }
    for (String required : List.of("oauth_consumer_key", "oauth_token", "oauth_signature_method",
        "oauth_timestamp", "oauth_nonce", "oauth_signature")) {
      if (!params.containsKey(required)) {
        return Optional.of("missing " + required);
      }
    }
    if (!"HMAC-SHA256".equals(params.get("oauth_signature_method"))) {
      return Optional.of("unsupported signature method " + params.get("oauth_signature_method"));
    }
    if (params.containsKey("oauth_version") && !"1.0".equals(params.get("oauth_version"))) {
      return Optional.of("unsupported oauth_version " + params.get("oauth_version"));
    }
    Credentials credentials = tokens.get(params.get("oauth_token"));
    if (credentials == null) {
      return Optional.of("unknown token");
    }
    if (!credentials.consumerKey().equals(params.get("oauth_consumer_key"))) {
      return Optional.of("consumer key refused: token belongs to another integration");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(params.get("oauth_timestamp"));
    } catch (NumberFormatException e) {
      return Optional.of("timestamp not numeric");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > skew.getSeconds()) {
      return Optional.of("timestamp outside clock skew: " + timestamp + " vs " + now);
    }
    String nonce = params.get("oauth_nonce");
    if (nonce.length() < 6) {
      return Optional.of("nonce shorter than 6 characters");
    }
    String expected = sign(request, params, credentials);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        params.get("oauth_signature").getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("bad signature");
    }
    if (!usedNonces.add(credentials.tokenId() + '\n' + nonce + '\n' + timestamp)) {
      return Optional.of("nonce reused");
    }
    return Optional.empty();
  }

  private static String sign(SimRequest request, Map<String, String> oauth, Credentials credentials) {
    URI url = request.url();
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    String rawPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String baseUrl = scheme + "://" + host + (defaultPort ? "" : ":" + port) + rawPath;

    List<String[]> pairs = new ArrayList<>();
    oauth.forEach((k, v) -> {
      if (k.startsWith("oauth_") && !k.equals("oauth_signature")) {
        pairs.add(new String[] {pct(k), pct(v)});
      }
    });
    request.query().forEach((k, values) -> values.forEach(v -> pairs.add(new String[] {pct(k), pct(v)})));
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder normalized = new StringBuilder();
    for (String[] p : pairs) {
      if (normalized.length() > 0) {
        normalized.append('&');
      }
      normalized.append(p[0]).append('=').append(p[1]);
    }
    String baseString = request.method().toUpperCase(Locale.ROOT) + "&" + pct(baseUrl) + "&" + pct(normalized.toString());
    String key = pct(credentials.consumerSecret()) + "&" + pct(credentials.tokenSecret());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** RFC 3986 percent-encoding: everything but unreserved characters. */
  static String pct(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  /** Parses {@code realm="X", oauth_key="value", ...}; values are percent-decoded, realm is kept as is. */
  static Map<String, String> parseHeader(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("parameter without value: " + p);
      }
      String name = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (out.put(name, name.equals("realm") ? value : SimRequest.percentDecode(value)) != null) {
        throw new IllegalArgumentException("duplicate parameter " + name);
      }
    }
    return out;
  }
}
