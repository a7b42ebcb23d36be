package dev.synckit.testkit.zendesk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook request as Zendesk sends it: the raw body and the signing headers. Tests may tamper with a copy
 * ({@link #withBody(String)}, {@link #withTimestamp(String)}, {@link #withSignature(String)}) to check that a
 * receiver refuses it. Immutable and thread-safe.
 *
 * @param body the raw JSON body
 * @param timestamp the {@code X-Zendesk-Webhook-Signature-Timestamp} value (ISO-8601, seconds)
 * @param signature the {@code X-Zendesk-Webhook-Signature} value (base64)
 * @param webhookId the {@code X-Zendesk-Webhook-Id} value
 * @param invocationId the {@code X-Zendesk-Webhook-Invocation-Id} value (unique per delivery attempt)
 */
public record ZendeskWebhook(String body, String timestamp, String signature, String webhookId,
    String invocationId) {

  /** Header names as Zendesk sends them. */
  public static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
  /** The signing timestamp header. */
  public static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
  /** The webhook id header (UNCONFIRMED in the docs). */
  public static final String WEBHOOK_ID = "X-Zendesk-Webhook-Id";
  /** The invocation id header (UNCONFIRMED in the docs). */
  public static final String INVOCATION_ID = "X-Zendesk-Webhook-Invocation-Id";

  /** Validates. */
  public ZendeskWebhook {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(invocationId, "invocationId");
  }

  /** The request headers, signature included. */
  public Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json; charset=utf-8");
    h.put(SIGNATURE, signature);
    h.put(TIMESTAMP, timestamp);
    h.put(WEBHOOK_ID, webhookId);
    h.put(INVOCATION_ID, invocationId);
    return h;
  }

  /** The body as UTF-8 bytes. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** A copy with another body and the old signature (a tampered body). */
  public ZendeskWebhook withBody(String newBody) {
    return new ZendeskWebhook(newBody, timestamp, signature, webhookId, invocationId);
  }

  /** A copy with another timestamp and the old signature. */
  public ZendeskWebhook withTimestamp(String newTimestamp) {
    return new ZendeskWebhook(body, newTimestamp, signature, webhookId, invocationId);
  }

  /** A copy with another signature. */
  public ZendeskWebhook withSignature(String newSignature) {
    return new ZendeskWebhook(body, timestamp, newSignature, webhookId, invocationId);
  }

  @Override
  public String toString() {
    return "ZendeskWebhook[invocation=" + invocationId + ", timestamp=" + timestamp + ", " + body.length()
        + " chars]";
  }
}
