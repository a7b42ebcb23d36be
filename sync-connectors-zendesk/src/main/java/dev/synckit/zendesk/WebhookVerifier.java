package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Zendesk webhook requests (platform-apis §3.10): {@code X-Zendesk-Webhook-Signature} must equal
 * {@code base64(HMAC-SHA256(key = the signing secret as a literal string, message = TIMESTAMP + raw BODY))},
 * compared in constant time; the signed {@code X-Zendesk-Webhook-Signature-Timestamp} must lie within the window
 * (5 minutes either way by default); an invocation ({@code X-Zendesk-Webhook-Invocation-Id}, or the signature when
 * absent) is accepted once while its timestamp is inside the window, so a replay is refused and an older one is
 * already stale. The secret is never base64-decoded. Thread-safe.
 */
public final class WebhookVerifier {

    /** The signature header. */
    public static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
    /** The signed timestamp header. */
    public static final String TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
    /** The invocation id header (UNCONFIRMED in Zendesk's docs; the signature stands in when absent). */
    public static final String INVOCATION_ID = "X-Zendesk-Webhook-Invocation-Id";

    private final Secret secret;
    private final Clock clock;
    private final Duration window;
    private final int replayCapacity;
    /** invocation id → when it stops mattering (its timestamp + window); guarded by itself. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    private WebhookVerifier(Builder b) {
        this.secret = b.secret;
        this.clock = b.clock;
        this.window = b.window;
        this.replayCapacity = b.replayCapacity;
    }

    /** A verifier for the webhook's signing secret (Admin Center → webhook → Reveal secret). */
    public static Builder builder(Secret signingSecret) {
        return new Builder(signingSecret);
    }

    /**
     * Verifies one request.
     *
     * @param headers the request headers (names in any case)
     * @param body the raw body bytes exactly as received
     * @throws WebhookRefusedException when it must not be processed
     */
    public VerifiedWebhook verify(Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String signature = Optional.ofNullable(h.get(SIGNATURE)).map(String::trim).orElse("");
        String timestamp = Optional.ofNullable(h.get(TIMESTAMP)).map(String::trim).orElse("");
        if (signature.isEmpty() || timestamp.isEmpty()) {
            throw new WebhookRefusedException(WebhookRefusedException.Refusal.UNSIGNED,
                    "webhook without " + (signature.isEmpty() ? SIGNATURE : TIMESTAMP));
        }
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new WebhookRefusedException(WebhookRefusedException.Refusal.MALFORMED,
                    "webhook timestamp is not ISO-8601: " + cut(timestamp));
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new WebhookRefusedException(WebhookRefusedException.Refusal.BAD_SIGNATURE,
                    "webhook signature is not base64");
        }
        if (!MessageDigest.isEqual(given, hmac(timestamp, body))) {
            throw new WebhookRefusedException(WebhookRefusedException.Refusal.BAD_SIGNATURE,
                    "webhook signature does not match its timestamp and body");
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(window) > 0) {
            throw new WebhookRefusedException(WebhookRefusedException.Refusal.STALE,
                    "webhook timestamp " + timestamp + " is more than " + window + " from now (" + now + ")");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            throw new WebhookRefusedException(WebhookRefusedException.Refusal.MALFORMED,
                    "webhook body is not a JSON object (" + body.length + " bytes)");
        }
        String invocation = Optional.ofNullable(h.get(INVOCATION_ID)).map(String::trim).filter(s -> !s.isEmpty())
                .orElse("sig:" + signature);
        remember(invocation, at.plus(window), now);
        return new VerifiedWebhook(invocation, at, text, parsed);
    }

    private void remember(String invocation, Instant relevantUntil, Instant now) {
        synchronized (seen) {
            for (Iterator<Instant> it = seen.values().iterator(); it.hasNext();) {
                if (it.next().isBefore(now)) {
                    it.remove();
                }
            }
            if (seen.containsKey(invocation)) {
                throw new WebhookRefusedException(WebhookRefusedException.Refusal.REPLAYED,
                        "webhook invocation " + cut(invocation) + " was already accepted");
            }
            if (seen.size() >= replayCapacity) {
                Iterator<String> oldest = seen.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            seen.put(invocation, relevantUntil);
        }
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    @Override
    public String toString() {
        return "WebhookVerifier[window=" + window + ", secret=****]";
    }

    /** Configures a {@link WebhookVerifier}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final Secret secret;
        private Clock clock = Clock.systemUTC();
        private Duration window = Duration.ofMinutes(5);
        private int replayCapacity = 100_000;

        private Builder(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "signingSecret");
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How far the signed timestamp may be from now, either way; default 5 minutes. */
        public Builder window(Duration value) {
            Objects.requireNonNull(value, "window");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("window must be positive");
            }
            this.window = value;
            return this;
        }

        /**
         * Invocations remembered at most (oldest forgotten first); default 100,000. Size it above the webhooks
         * received per window, or an old replay inside the window could pass.
         */
        public Builder replayCapacity(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("replayCapacity must be positive");
            }
            this.replayCapacity = value;
            return this;
        }

        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
