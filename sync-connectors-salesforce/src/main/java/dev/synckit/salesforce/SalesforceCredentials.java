package dev.synckit.salesforce;

import dev.synckit.core.auth.Secret;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * How the connector obtains an access token. Both flows are server-to-server and return no refresh token:
 * a new token is simply requested again when Salesforce answers {@code INVALID_SESSION_ID}.
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
}
