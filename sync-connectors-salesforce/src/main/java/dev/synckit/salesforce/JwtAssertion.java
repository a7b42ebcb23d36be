package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Builds the RS256 assertion of the OAuth 2.0 JWT bearer flow with the JDK's signature API. Stateless, thread-safe. */
final class JwtAssertion {

    /** Salesforce documents a window of about three minutes for {@code exp}. */
    static final Duration LIFETIME = Duration.ofMinutes(3);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    /** A compact JWT: header {@code {"alg":"RS256"}}, claims iss, sub, aud and a numeric exp in seconds. */
    static String create(String issuer, String subject, String audience, Instant now, PrivateKey key) {
        ObjectNode header = Json.mapper().createObjectNode().put("alg", "RS256");
        ObjectNode claims = Json.mapper().createObjectNode()
                .put("iss", issuer)
                .put("sub", subject)
                .put("aud", audience)
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        String signingInput = encode(Json.write(header)) + "." + encode(Json.write(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            // the message of a key exception names the problem, never the key material
            throw new IllegalArgumentException("cannot sign the JWT bearer assertion for " + issuer + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
