package dev.synckit.netsuite;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Objects;

/**
 * OAuth 2.0 client credentials (machine to machine) for NetSuite (platform-apis §2.3): the integration's client id,
 * the certificate id NetSuite shows after the public certificate was uploaded (the JWT {@code kid}) and the
 * certificate's private key, which signs each client assertion with {@link Algorithm#PS256} (RSA, PSS padding) or
 * {@link Algorithm#ES256} (EC P-256). {@link #toString()} never shows the key. Immutable and thread-safe.
 *
 * @param clientId the integration record's client id (the JWT {@code iss})
 * @param certificateId the certificate id of the M2M mapping (the JWT {@code kid})
 * @param privateKey the certificate's private key
 * @param algorithm how assertions are signed; must fit the key type
 * @param scopes the scopes asked for, {@code rest_webservices} by default
 */
public record M2mCredentials(String clientId, String certificateId, PrivateKey privateKey, Algorithm algorithm,
        List<String> scopes) {

    /** JWS algorithms NetSuite accepts for client assertions (plain RS256 is not among them). */
    public enum Algorithm {
        /** RSASSA-PSS with SHA-256; needs an RSA key (3072 or 4096 bits in NetSuite). */
        PS256,
        /** ECDSA on P-256 with SHA-256; needs an EC key. */
        ES256
    }

    public M2mCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(algorithm, "algorithm");
        scopes = List.copyOf(scopes);
        if (clientId.isBlank() || certificateId.isBlank() || scopes.isEmpty()) {
            throw new IllegalArgumentException("clientId, certificateId and scopes must not be empty");
        }
        boolean fits = algorithm == Algorithm.PS256 ? privateKey instanceof RSAKey : privateKey instanceof ECKey;
        if (!fits) {
            throw new IllegalArgumentException(algorithm + " needs " + (algorithm == Algorithm.PS256 ? "an RSA" : "an EC")
                    + " private key, got " + privateKey.getAlgorithm());
        }
    }

    /** Credentials asking for the {@code rest_webservices} scope. */
    public static M2mCredentials of(String clientId, String certificateId, PrivateKey privateKey, Algorithm algorithm) {
        return new M2mCredentials(clientId, certificateId, privateKey, algorithm, List.of("rest_webservices"));
    }

    @Override
    public String toString() {
        return "M2mCredentials[clientId=" + clientId + ", certificateId=" + certificateId + ", privateKey=****, algorithm="
                + algorithm + ", scopes=" + scopes + "]";
    }
}
