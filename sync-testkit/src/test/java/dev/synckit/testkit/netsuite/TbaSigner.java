package dev.synckit.testkit.netsuite;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A test-only OAuth 1.0a HMAC-SHA256 signer written from RFC 5849 section 3.4, independent of the simulator. */
final class TbaSigner {

  private final String realm;
  private final String consumerKey;
  private final String consumerSecret;
  private final String tokenId;
  private final String tokenSecret;

  TbaSigner(String realm, String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
    this.realm = realm;
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.tokenId = tokenId;
    this.tokenSecret = tokenSecret;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  String header(String method, URI uri, long timestamp, String nonce) throws Exception {
    Map<String, String> oauth = new TreeMap<>();
    oauth.put("oauth_consumer_key", consumerKey);
    oauth.put("oauth_token", tokenId);
    oauth.put("oauth_signature_method", "HMAC-SHA256");
    oauth.put("oauth_timestamp", String.valueOf(timestamp));
    oauth.put("oauth_nonce", nonce);
    oauth.put("oauth_version", "1.0");

    List<String> params = new ArrayList<>();
    oauth.forEach((k, v) -> params.add(encode(k) + "=" + encode(v)));
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String k = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
        String v = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        params.add(encode(k) + "=" + encode(v));
      }
    }
    params.sort(null);
    String baseUrl = uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT)
        + (uri.getPort() == -1 || uri.getPort() == 80 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    String base = method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl) + "&" + encode(String.join("&", params));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret)).getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"));
    String signature = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    StringBuilder h = new StringBuilder("OAuth realm=\"").append(realm).append('"');
    oauth.forEach((k, v) -> h.append(", ").append(k).append("=\"").append(encode(v)).append('"'));
    h.append(", oauth_signature=\"").append(encode(signature)).append('"');
    return h.toString();
  }
}
