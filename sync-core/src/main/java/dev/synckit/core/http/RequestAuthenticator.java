package dev.synckit.core.http;

/**
 * Adds credentials to a request (bearer token, OAuth 1.0a signature, API token). Implementations must
 * be thread-safe; token caching and single-flight refresh live here.
 */
public interface RequestAuthenticator {

    /** A request with credentials added. Called for every attempt, so a signature is always fresh. */
    HttpCall authenticate(HttpCall call);

    /**
     * The platform refused the credentials just used: drop cached tokens so the next
     * {@link #authenticate} fetches new ones. Returns whether a retry can help (false for static
     * credentials such as signatures, which would fail the same way).
     */
    default boolean invalidate() {
        return false;
    }

    /** No authentication (token endpoints, public resources). */
    static RequestAuthenticator none() {
        return call -> call;
    }
}
