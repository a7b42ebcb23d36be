package dev.synckit.core.auth;

/**
 * Supplies the current credentials of one kind (a connector defines the type {@code C}).
 * Called whenever a connector (re)authenticates, so a rotated secret is picked up without a restart.
 * Implementations must be thread-safe.
 *
 * @param <C> the connector's credentials type
 */
@FunctionalInterface
public interface CredentialsProvider<C> {

    /** The credentials to use now. */
    C credentials();

    /** A provider of fixed credentials. */
    static <C> CredentialsProvider<C> of(C credentials) {
        java.util.Objects.requireNonNull(credentials, "credentials");
        return () -> credentials;
    }
}
