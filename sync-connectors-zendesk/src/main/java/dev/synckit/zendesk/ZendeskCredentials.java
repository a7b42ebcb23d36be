package dev.synckit.zendesk;

import dev.synckit.core.auth.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the connector authenticates to Zendesk (platform-apis §3.1). Implementations are immutable and thread-safe;
 * {@code toString()} never shows a secret.
 */
public sealed interface ZendeskCredentials {

    /**
     * An API token: {@code Authorization: Basic base64("{email}/token:{token}")}.
     *
     * @param email the agent's or admin's e-mail address
     * @param token the API token
     */
    record ApiToken(String email, Secret token) implements ZendeskCredentials {
        public ApiToken {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(token, "token");
            if (email.isBlank() || email.indexOf('@') < 0) {
                throw new IllegalArgumentException("email must be an e-mail address");
            }
        }

        @Override
        public String toString() {
            return "ApiToken[email=" + email + ", token=****]";
        }
    }

    /**
     * An OAuth access token obtained elsewhere (authorization code flow): {@code Authorization: Bearer ...}. A 401
     * cannot be fixed by the connector; supply a provider that returns the renewed token.
     *
     * @param accessToken the access token
     */
    record OAuthToken(Secret accessToken) implements ZendeskCredentials {
        public OAuthToken {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public String toString() {
            return "OAuthToken[****]";
        }
    }

    /**
     * The OAuth {@code client_credentials} grant ({@code POST /oauth/tokens}, JSON body). The connector caches the
     * token, renews it before it expires and once when Zendesk refuses it.
     *
     * @param clientId the OAuth client's unique identifier
     * @param clientSecret the OAuth client's secret
     * @param scope space-separated scopes, e.g. {@code read write}
     * @param lifetime the {@code expires_in} to ask for (Zendesk wants more than 300 s, less than 172,800 s), or
     *     {@code null} for Zendesk's default
     */
    record ClientCredentials(String clientId, Secret clientSecret, String scope, @Nullable Duration lifetime)
            implements ZendeskCredentials {
        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(scope, "scope");
            if (clientId.isBlank() || scope.isBlank()) {
                throw new IllegalArgumentException("clientId and scope must not be blank");
            }
            if (lifetime != null && (lifetime.getSeconds() <= 300 || lifetime.getSeconds() >= 172_800)) {
                throw new IllegalArgumentException("lifetime must be more than 300 s and less than 172,800 s, was "
                        + lifetime);
            }
        }

        /** Client credentials with Zendesk's default token lifetime. */
        public ClientCredentials(String clientId, Secret clientSecret, String scope) {
            this(clientId, clientSecret, scope, null);
        }

        public Optional<Duration> requestedLifetime() {
            return Optional.ofNullable(lifetime);
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=****, scope=" + scope + "]";
        }
    }

    /** API token credentials. */
    static ApiToken apiToken(String email, Secret token) {
        return new ApiToken(email, token);
    }

    /** A fixed OAuth access token. */
    static OAuthToken oauthToken(Secret accessToken) {
        return new OAuthToken(accessToken);
    }

    /** The client credentials grant. */
    static ClientCredentials clientCredentials(String clientId, Secret clientSecret, String scope) {
        return new ClientCredentials(clientId, clientSecret, scope);
    }
}
