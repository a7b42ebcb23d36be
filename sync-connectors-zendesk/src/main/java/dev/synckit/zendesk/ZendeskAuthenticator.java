package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.auth.AccessToken;
import dev.synckit.core.auth.BearerAuthenticator;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.auth.TokenCache;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.RequestAuthenticator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Adds Zendesk credentials to each request, reading the provider each time: Basic for API tokens, Bearer for
 * OAuth tokens, and for the client-credentials grant a cached token from {@code POST /oauth/tokens}, renewed
 * before expiry (single-flight, by core's {@link TokenCache}) and once after a 401. Thread-safe.
 */
final class ZendeskAuthenticator implements RequestAuthenticator {

    private final ZendeskConfig config;
    private final PlatformHttp tokenHttp;
    private final TokenCache<ZendeskToken> tokens;
    private final BearerAuthenticator bearer;

    ZendeskAuthenticator(ZendeskConfig config, PlatformHttp tokenHttp) {
        this.config = config;
        this.tokenHttp = tokenHttp;
        this.tokens = new TokenCache<>(this::fetch, config.clock(), config.tokenRenewBefore());
        this.bearer = new BearerAuthenticator(tokens);
    }

    @Override
    public HttpCall authenticate(HttpCall call) {
        ZendeskCredentials c = config.credentials().credentials();
        if (c instanceof ZendeskCredentials.ApiToken t) {
            String raw = t.email() + "/token:" + t.token().reveal();
            return call.withHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
        if (c instanceof ZendeskCredentials.OAuthToken t) {
            return call.withHeader("Authorization", "Bearer " + t.accessToken().reveal());
        }
        return bearer.authenticate(call);
    }

    @Override
    public boolean invalidate(HttpCall rejected) {
        // only a token we fetched ourselves can be renewed; a fixed token or API token would fail the same way
        return config.credentials().credentials() instanceof ZendeskCredentials.ClientCredentials
                && bearer.invalidate(rejected);
    }

    /** Token requests sent so far. */
    long tokenFetches() {
        return tokens.fetchCount();
    }

    private ZendeskToken fetch() {
        if (!(config.credentials().credentials() instanceof ZendeskCredentials.ClientCredentials c)) {
            throw new IllegalStateException("a token is fetched only for client credentials");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("grant_type", "client_credentials");
        body.put("client_id", c.clientId());
        body.put("client_secret", c.clientSecret().reveal());
        body.put("scope", c.scope());
        c.requestedLifetime().ifPresent(d -> body.put("expires_in", d.getSeconds()));
        HttpResult result = tokenHttp.send(HttpCall.json("POST", URI.create(config.baseUri() + "/oauth/tokens"),
                Json.write(body)));
        JsonNode root = Json.parse(result);
        JsonNode token = root.path("access_token");
        if (!token.isTextual() || token.asText().isEmpty()) {
            throw new TransientException("the token response of POST /oauth/tokens lacks access_token",
                    ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(result.status())
                            .withPlatformCode("MALFORMED_RESPONSE"));
        }
        JsonNode expiresIn = root.path("expires_in");
        Instant expires = expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? config.clock().instant().plusSeconds(expiresIn.asLong()) : null;
        return new ZendeskToken(Secret.of(token.asText()), expires);
    }

    /** The classifier of {@code /oauth/tokens}: an OAuth {@code {error, error_description}} is a refusal. */
    static SyncException classifyTokenError(HttpResult result, Clock clock) {
        ErrorDetails base = ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(result.status());
        if (result.status() >= 500 || result.status() == 429) {
            return new ZendeskErrorClassifier(clock).classify(result);
        }
        String error = null;
        String description = "";
        try {
            JsonNode body = Json.mapper().readTree(result.body());
            if (body != null && body.path("error").isTextual()) {
                error = body.get("error").asText();
                description = body.path("error_description").asText("");
            }
        } catch (java.io.IOException e) {
            error = null; // not the OAuth shape: refused by status alone
        }
        return new RejectedException("Zendesk refused the token request with HTTP " + result.status()
                + (error == null ? "" : ": " + error) + (description.isEmpty() ? "" : " (" + description + ")"),
                base.withPlatformCode(error));
    }

    /** An access token and when it expires, if Zendesk said. Immutable; never prints the token. */
    static final class ZendeskToken implements AccessToken {
        private final Secret value;
        private final @Nullable Instant expiresAt;

        ZendeskToken(Secret value, @Nullable Instant expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }

        @Override
        public Secret value() {
            return value;
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.ofNullable(expiresAt);
        }

        @Override
        public String toString() {
            return "ZendeskToken[****, expiresAt=" + expiresAt + "]";
        }
    }
}
