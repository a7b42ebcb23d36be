package dev.synckit.netsuite;

import dev.synckit.core.auth.Secret;
import java.util.Objects;

/**
 * Token-based authentication credentials: an integration record (consumer key and secret) and an access
 * token (token id and secret) bound to a user and role. {@link #toString()} shows the key and token id,
 * never a secret. Immutable and thread-safe.
 *
 * @param consumerKey the integration record's consumer key
 * @param consumerSecret the integration record's consumer secret
 * @param tokenId the access token id
 * @param tokenSecret the access token secret
 */
public record TbaCredentials(String consumerKey, Secret consumerSecret, String tokenId, Secret tokenSecret) {

    public TbaCredentials {
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        if (consumerKey.isBlank() || tokenId.isBlank()) {
            throw new IllegalArgumentException("consumerKey and tokenId must not be blank");
        }
    }

    /** Credentials from plain strings, e.g. as read from a vault. */
    public static TbaCredentials of(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
        return new TbaCredentials(consumerKey, Secret.of(consumerSecret), tokenId, Secret.of(tokenSecret));
    }

    @Override
    public String toString() {
        return "TbaCredentials[consumerKey=" + consumerKey + ", consumerSecret=****, tokenId=" + tokenId
                + ", tokenSecret=****]";
    }
}
