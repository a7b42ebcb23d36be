package dev.synckit.core.http;

/**
 * Adds credentials to a request (bearer token, OAuth 1.0a signature, API token). Implementations must
 * be thread-safe; token caching and single-flight refresh live here.
 */
public interface RequestAuthenticator {

    /** A request with credentials added. Called for every attempt, so a signature is always fresh. */
    HttpCall authenticate(HttpCall call);

    /**
     * The platform refused the credentials of {@code rejected} (the call as authenticated): drop that
     * cached token so the next {@link #authenticate} fetches a new one. Only the token actually sent is
     * dropped, so many callers refused at once cause one renewal. Returns whether a retry can help
     * (false for static credentials such as signatures, which would fail the same way).
     */
    default boolean invalidate(HttpCall rejected) {
        return false;
    }

    /** No authentication (token endpoints, public resources). */
    static RequestAuthenticator none() {
        return call -> call;
    }
}
