package dev.synckit.core.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * An access token as an authorization server issued it. Connectors extend it with what their
 * platform returns beside the token (Salesforce's {@code instance_url}, say). Implementations must be
 * immutable and must not show the token in {@code toString()}.
 */
public interface AccessToken {

    /** The token itself. */
    Secret value();

    /** When it stops working, if the server said; otherwise the platform's 401 is the only signal. */
    Optional<Instant> expiresAt();
}
