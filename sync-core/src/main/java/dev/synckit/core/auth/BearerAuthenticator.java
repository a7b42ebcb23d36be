package dev.synckit.core.auth;

import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.RequestAuthenticator;
import java.util.Objects;

/**
 * Adds {@code Authorization: Bearer <token>} from a {@link TokenCache}; a refused token is dropped so
 * the retry gets a new one. Thread-safe.
 */
public final class BearerAuthenticator implements RequestAuthenticator {

    private static final String HEADER = "Authorization";
    private static final String PREFIX = "Bearer ";

    private final TokenCache<?> tokens;

    public BearerAuthenticator(TokenCache<?> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public HttpCall authenticate(HttpCall call) {
        return call.withHeader(HEADER, PREFIX + tokens.get().value().reveal());
    }

    @Override
    public boolean invalidate(HttpCall rejected) {
        String sent = rejected.headers().get(HEADER);
        if (sent == null || !sent.startsWith(PREFIX)) {
            return false;
        }
        return tokens.invalidate(sent.substring(PREFIX.length()));
    }
}
