package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.AccessToken;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.UrlEncoding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fetches OAuth 2.0 client credentials tokens (platform-apis §2.3): a JWT client assertion signed with the
 * certificate's key ({@code kid} = certificate id, {@code iss} = client id, {@code aud} = the exact token URL,
 * {@code exp} = {@code iat} + 1 h at most) posted as a form. Used by a {@link dev.synckit.core.auth.TokenCache}, which
 * makes fetching single-flight and renews before expiry. Thread-safe.
 */
final class M2mTokens implements Supplier<M2mTokens.Token> {

    /** NetSuite's access tokens last 60 minutes; assertions are valid for no longer either. */
    static final Duration LIFETIME = Duration.ofMinutes(60);
    /** Renew this long before a token expires, so no request goes out with one about to lapse. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

    /** A bearer token and when it expires; {@code toString()} hides the value. */
    record Token(Secret value, Optional<Instant> expiresAt) implements AccessToken {
        @Override
        public String toString() {
            return "Token[****, expiresAt=" + expiresAt.map(Instant::toString).orElse("?") + "]";
        }
    }

    private final NetSuiteConfig config;
    private final M2mCredentials credentials;
    private final PlatformHttp http;

    M2mTokens(NetSuiteConfig config, M2mCredentials credentials, PlatformHttp unauthenticatedHttp) {
        this.config = config;
        this.credentials = credentials;
        this.http = unauthenticatedHttp;
    }

    @Override
    public Token get() {
        Instant now = config.clock().instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion(now));
        HttpResult result = http.send(HttpCall.of("POST", config.tokenUri(), UrlEncoding.form(form))
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withHeader("Accept", "application/json"));
        JsonNode body = Json.parse(result);
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new TransientException("the token response of " + result.describe() + " has no access_token",
                    ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(result.status())
                            .withPlatformCode("MALFORMED_RESPONSE"));
        }
        // expires_in may be a string or a number (UNCONFIRMED which): asLong parses both
        long seconds = body.path("expires_in").asLong(LIFETIME.getSeconds());
        return new Token(Secret.of(token), Optional.of(now.plusSeconds(seconds > 0 ? seconds : LIFETIME.getSeconds())));
    }

    /** The signed client assertion. */
    String assertion(Instant now) {
        ObjectNode header = Json.mapper().createObjectNode()
                .put("typ", "JWT").put("alg", credentials.algorithm().name()).put("kid", credentials.certificateId());
        ObjectNode claims = Json.mapper().createObjectNode()
                .put("iss", credentials.clientId())
                .put("scope", String.join(",", credentials.scopes()))
                .put("aud", config.tokenUri().toString())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        String signingInput = base64Url(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] sign(byte[] input) {
        try {
            Signature signature;
            if (credentials.algorithm() == M2mCredentials.Algorithm.PS256) {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                // JWS wants R || S (IEEE P1363), not the DER sequence SHA256withECDSA produces
                signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            signature.initSign(credentials.privateKey());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the client assertion with " + credentials.algorithm()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "M2mTokens[" + credentials + "]";
    }
}
