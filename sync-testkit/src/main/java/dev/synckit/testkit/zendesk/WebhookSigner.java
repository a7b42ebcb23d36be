package dev.synckit.testkit.zendesk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way Zendesk documents it (platform-apis §3.10):
 * {@code base64(HMAC-SHA256(key = the signing secret as a literal string, message = TIMESTAMP + BODY))}. The
 * secret is never base64-decoded, even when it looks like base64. Stateless and thread-safe.
 */
public final class WebhookSigner {

  /** The static secret Zendesk signs builder test requests with (used undecoded). */
  public static final String TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

  private WebhookSigner() {}

  /** The signature header value for a timestamp header value and the raw body bytes. */
  public static String sign(String secret, String timestamp, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** {@link #sign(String, String, byte[])} of a UTF-8 body. */
  public static String sign(String secret, String timestamp, String body) {
    return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
  }
}
