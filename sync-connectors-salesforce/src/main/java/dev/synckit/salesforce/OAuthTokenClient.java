package dev.synckit.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Asks {@code POST {loginUrl}/services/oauth2/token} for an access token. A refused grant
 * ({@code invalid_grant}, {@code invalid_client} ...) cannot be fixed by retrying the same request, so it is
 * a {@link RejectedException} carrying the OAuth {@code error} as code and its description (never a secret).
 * Thread-safe.
 */
final class OAuthTokenClient {

    static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceConfig config;
    private final PlatformHttp http;
    private final URI tokenUri;
    /** The refresh token Salesforce rotated to, and the one it replaced (still what a fixed provider returns). */
    private final java.util.concurrent.atomic.AtomicReference<Secret @Nullable []> rotation =
            new java.util.concurrent.atomic.AtomicReference<>();

    OAuthTokenClient(SalesforceConfig config, PlatformHttp http) {
        this.config = config;
        this.http = http;
        this.tokenUri = URI.create(config.loginUrl() + "/services/oauth2/token");
    }

    /** The classifier of the token endpoint's {@code {"error", "error_description"}} bodies. */
    static SyncException classify(HttpResult result) {
        ErrorDetails base = ErrorDetails.of(SourceSystem.SALESFORCE).withHttpStatus(result.status());
        String error = null;
        String description = "";
        if (result.isJson()) {
            try {
                JsonNode body = Json.mapper().readTree(result.body());
                if (body != null && body.path("error").isTextual()) {
                    error = body.get("error").asText();
                    description = body.path("error_description").asText("");
                }
            } catch (JsonProcessingException e) {
                error = null; // not the OAuth error shape: classified by status below
            }
        }
        if (result.status() >= 500 || (error == null && result.status() == 429)) {
            return new TransientException("the token endpoint failed with HTTP " + result.status(),
                    base.withPlatformCode(error));
        }
        if (error == null) {
            return new RejectedException("the token endpoint refused the request with HTTP " + result.status()
                    + " and no OAuth error body", base);
        }
        return new RejectedException("Salesforce refused the token request: " + error
                + (description.isEmpty() ? "" : " (" + description + ")"), base.withPlatformCode(error));
    }

    /** A new token for the current credentials. */
    SalesforceToken fetch() {
        SalesforceCredentials credentials = config.credentials().credentials();
        Map<String, String> form = new LinkedHashMap<>();
        if (credentials instanceof SalesforceCredentials.ClientCredentials c) {
            form.put("grant_type", "client_credentials");
            form.put("client_id", c.clientId());
            form.put("client_secret", c.clientSecret().reveal());
        } else if (credentials instanceof SalesforceCredentials.JwtBearer j) {
            String audience = j.audience().isEmpty() ? loginHost() : j.audience();
            form.put("grant_type", JWT_BEARER_GRANT);
            form.put("assertion", JwtAssertion.create(j.consumerKey(), j.username(), audience,
                    config.clock().instant(), j.key()));
        } else if (credentials instanceof SalesforceCredentials.RefreshToken r) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", currentRefreshToken(r.refreshToken()).reveal());
            form.put("client_id", r.clientId());
            r.secret().ifPresent(secret -> form.put("client_secret", secret.reveal()));
        } else {
            throw new IllegalStateException("unknown credentials type " + credentials.getClass().getName());
        }
        HttpCall call = HttpCall.of("POST", tokenUri, UrlEncoding.form(form))
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withHeader("Accept", "application/json");
        HttpResult result = http.send(call);
        JsonNode body = Json.parse(result);
        JsonNode accessToken = body.path("access_token");
        JsonNode instanceUrl = body.path("instance_url");
        if (!accessToken.isTextual() || accessToken.asText().isEmpty() || !instanceUrl.isTextual()) {
            throw new TransientException("the token response lacks access_token or instance_url",
                    ErrorDetails.of(SourceSystem.SALESFORCE).withHttpStatus(result.status())
                            .withPlatformCode("MALFORMED_RESPONSE"));
        }
        URI instance;
        try {
            instance = URI.create(instanceUrl.asText());
        } catch (IllegalArgumentException e) {
            throw new TransientException("the token response has an invalid instance_url",
                    ErrorDetails.of(SourceSystem.SALESFORCE).withPlatformCode("MALFORMED_RESPONSE"), e);
        }
        JsonNode refreshToken = body.path("refresh_token");
        if (credentials instanceof SalesforceCredentials.RefreshToken r && refreshToken.isTextual()
                && !refreshToken.asText().isEmpty()) {
            Secret sent = currentRefreshToken(r.refreshToken());
            Secret rotated = Secret.of(refreshToken.asText());
            if (!rotated.equals(sent)) {
                rotation.set(new Secret[] {r.refreshToken(), rotated});
                config.refreshTokenRotated().accept(rotated);
            }
        }
        return new SalesforceToken(Secret.of(accessToken.asText()), instance);
    }

    /**
     * The refresh token to send: the provider's, unless it still returns the one Salesforce rotated away from
     * (a fixed provider, or a host that has not persisted the new one yet).
     */
    private Secret currentRefreshToken(Secret provided) {
        Secret[] r = rotation.get();
        return r != null && r[0].equals(provided) ? r[1] : provided;
    }

    /** {@code scheme://host[:port]} of the login URL: the JWT audience Salesforce expects. */
    private String loginHost() {
        URI u = config.loginUrl();
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
