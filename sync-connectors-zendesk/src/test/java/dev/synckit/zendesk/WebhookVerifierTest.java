package dev.synckit.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synckit.core.auth.Secret;
import dev.synckit.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature vectors computed independently of this code, with Python's {@code hmac} module and cross-checked with
 * OpenSSL:
 *
 * <pre>
 * python3 -c 'import hmac,hashlib,base64; print(base64.b64encode(hmac.new(SECRET.encode(),
 *     (TIMESTAMP + BODY).encode(), hashlib.sha256).digest()).decode())'
 * printf %s "$TIMESTAMP$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
 * </pre>
 *
 * The secret is used as the literal string, never base64-decoded.
 */
class WebhookVerifierTest {

    private static final String TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String OWN_SECRET = "synckit-signing-secret";
    private static final String OWN_BODY =
            "{\"type\":\"zen:event-type:ticket.created\",\"id\":\"e-1\",\"detail\":{\"id\":\"42\",\"status\":\"open\"}}";
    /** python3 as above with SECRET=synckit-signing-secret, TIMESTAMP=2026-01-01T00:00:00Z, BODY=OWN_BODY. */
    private static final String OWN_SIGNATURE = "jhIAdUlV8r4ZTd+48HGqyoBC+nZ5061c0hr4H8bq2tA=";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private WebhookVerifier verifier(String secret) {
        return WebhookVerifier.builder(Secret.of(secret)).clock(clock).build();
    }

    private static Map<String, String> headers(String signature, String timestamp, String invocation) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-zendesk-webhook-signature", signature);
        h.put("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        if (!invocation.isEmpty()) {
            h.put("X-Zendesk-Webhook-Invocation-Id", invocation);
        }
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verify_acceptsTheTimestampPlusBodyVector_withTheTestSecretUsedUndecoded() {
        clock.set(Instant.parse("2021-03-25T05:10:00Z"));
        VerifiedWebhook w = verifier(TEST_SECRET).verify(headers("S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM=",
                "2021-03-25T05:09:27Z", "inv-1"), utf8("{\"event\":\"ticket.updated\",\"id\":123}"));
        assertThat(w.body().path("id").asInt()).isEqualTo(123);
        assertThat(w.invocationId()).isEqualTo("inv-1");
    }

    @Test
    void verify_acceptsOurOwnVector() {
        VerifiedWebhook w = verifier(OWN_SECRET).verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "inv-1"),
                utf8(OWN_BODY));
        assertThat(w.type()).isEqualTo("zen:event-type:ticket.created");
    }

    @Test
    void verify_refusesTheLegacyBodyPlusTimestampOrder_butAcceptsTheSameInputsSignedTimestampFirst() {
        clock.set(Instant.parse("2021-07-25T10:00:00Z"));
        String secret = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=";
        byte[] body = utf8("{\"say\": \"hello\"}");
        // the older Zendesk page's published signature: HMAC over BODY + TIMESTAMP (legacy order)
        assertThatThrownBy(() -> verifier(secret).verify(headers("tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=",
                "2021-07-25T10:00:00Z", "a"), body))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.BAD_SIGNATURE));
        verifier(secret).verify(headers("Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=", "2021-07-25T10:00:00Z", "b"),
                body);
    }

    @Test
    void verify_refusesAWrongSecret_withoutSayingTheSecretOrSignature() {
        assertThatThrownBy(() -> verifier("another-secret").verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z",
                "inv-1"), utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.BAD_SIGNATURE);
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("another-secret").doesNotContain(OWN_SIGNATURE);
                });
    }

    @Test
    void verify_refusesABodyAlteredByOneByte() {
        byte[] body = utf8(OWN_BODY);
        body[body.length - 3] ^= 1;
        assertThatThrownBy(() -> verifier(OWN_SECRET).verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "i"), body))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.BAD_SIGNATURE));
    }

    @Test
    void verify_refusesATimestampOutsideTheWindow_eitherWay_andAcceptsOneJustInside() {
        clock.set(Instant.parse("2026-01-01T00:05:01Z"));
        assertThatThrownBy(() -> verifier(OWN_SECRET).verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "i"),
                utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.STALE));
        clock.set(Instant.parse("2025-12-31T23:54:59Z"));
        assertThatThrownBy(() -> verifier(OWN_SECRET).verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "i"),
                utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.STALE));
        clock.set(Instant.parse("2026-01-01T00:05:00Z"));
        verifier(OWN_SECRET).verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "i"), utf8(OWN_BODY));
    }

    @Test
    void verify_refusesAReplayedInvocation_andAReplayWithoutInvocationIdBySignature() {
        WebhookVerifier v = verifier(OWN_SECRET);
        v.verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "inv-1"), utf8(OWN_BODY));
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> v.verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", "inv-1"), utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.REPLAYED);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
        v.verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", ""), utf8(OWN_BODY));
        assertThatThrownBy(() -> v.verify(headers(OWN_SIGNATURE, "2026-01-01T00:00:00Z", ""), utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.REPLAYED));
    }

    @Test
    void verify_refusesUnsignedAndMalformedRequests() {
        WebhookVerifier v = verifier(OWN_SECRET);
        assertThatThrownBy(() -> v.verify(Map.of(), utf8(OWN_BODY))).isInstanceOfSatisfying(
                WebhookRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.UNSIGNED));
        assertThatThrownBy(() -> v.verify(headers(OWN_SIGNATURE, "yesterday", "i"), utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.MALFORMED));
        assertThatThrownBy(() -> v.verify(headers("%%%not-base64", "2026-01-01T00:00:00Z", "i"), utf8(OWN_BODY)))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.BAD_SIGNATURE));
        // correctly signed, but not JSON
        String ts = "2026-01-01T00:00:00Z";
        String sig = dev.synckit.testkit.zendesk.WebhookSigner.sign(OWN_SECRET, ts, "not json");
        assertThatThrownBy(() -> v.verify(headers(sig, ts, "j"), utf8("not json")))
                .isInstanceOfSatisfying(WebhookRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(WebhookRefusedException.Refusal.MALFORMED));
    }

    @Test
    void toString_neverShowsTheSecret() {
        assertThat(verifier(OWN_SECRET).toString()).doesNotContain(OWN_SECRET);
    }
}
