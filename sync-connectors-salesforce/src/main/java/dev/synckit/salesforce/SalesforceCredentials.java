package dev.synckit.salesforce;

import dev.synckit.core.auth.Secret;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the connector obtains an access token. A new token is requested when Salesforce answers
 * {@code INVALID_SESSION_ID}: JWT bearer and client credentials simply ask again; the refresh-token flow uses
 * the refresh token (and, when Salesforce rotates it, the new one, handed to
 * {@link SalesforceConfig#refreshTokenRotated()} for persisting).
 * Implementations are immutable and thread-safe; {@code toString()} never shows a secret or key.
 */
public sealed interface SalesforceCredentials {

    /**
     * The OAuth 2.0 client credentials flow of a Connected App / External Client App with a "Run As" user.
     * Use the org's My Domain URL as the login URL.
     *
     * @param clientId the consumer key
     * @param clientSecret the consumer secret
     */
    record ClientCredentials(String clientId, Secret clientSecret) implements SalesforceCredentials {
        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            if (clientId.isBlank()) {
                throw new IllegalArgumentException("clientId must not be blank");
            }
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
        }
    }

    /**
     * The OAuth 2.0 JWT bearer flow: an RS256 assertion signed with the private key whose certificate is
     * uploaded to the Connected App; the user must be pre-authorised.
     *
     * @param consumerKey the Connected App consumer key ({@code iss})
     * @param username the Salesforce username to act as ({@code sub})
     * @param key the RSA private key that signs the assertion
     * @param audience the {@code aud} claim, e.g. {@code https://test.salesforce.com}; empty means the login
     *     host of the {@link SalesforceConfig}
     */
    record JwtBearer(String consumerKey, String username, PrivateKey key, String audience)
            implements SalesforceCredentials {
        public JwtBearer {
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(audience, "audience");
            if (consumerKey.isBlank() || username.isBlank()) {
                throw new IllegalArgumentException("consumerKey and username must not be blank");
            }
            if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
                throw new IllegalArgumentException("the JWT bearer flow needs an RSA key, not " + key.getAlgorithm());
            }
        }

        /** The JWT bearer flow with the login host as audience. */
        public JwtBearer(String consumerKey, String username, PrivateKey key) {
            this(consumerKey, username, key, "");
        }

        @Override
        public String toString() {
            return "JwtBearer[consumerKey=" + consumerKey + ", username=" + username + ", key=****"
                    + (audience.isEmpty() ? "" : ", audience=" + audience) + "]";
        }
    }

    /**
     * The OAuth 2.0 refresh-token flow, for an org that granted a refresh token once (web-server flow). With
     * refresh-token rotation on, each refresh returns a new token and invalidates the old one: the client then
     * uses the new one and reports it through {@link SalesforceConfig.Builder#onRefreshTokenRotated}.
     *
     * @param clientId the consumer key
     * @param clientSecret the consumer secret, if the app requires it
     * @param refreshToken the refresh token
     */
    record RefreshToken(String clientId, @Nullable Secret clientSecret, Secret refreshToken)
            implements SalesforceCredentials {
        public RefreshToken {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(refreshToken, "refreshToken");
            if (clientId.isBlank()) {
                throw new IllegalArgumentException("clientId must not be blank");
            }
        }

        /** The flow for an app that does not require the client secret on refresh. */
        public RefreshToken(String clientId, Secret refreshToken) {
            this(clientId, null, refreshToken);
        }

        public Optional<Secret> secret() {
            return Optional.ofNullable(clientSecret);
        }

        @Override
        public String toString() {
            return "RefreshToken[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "****")
                    + ", refreshToken=****]";
        }
    }
}
