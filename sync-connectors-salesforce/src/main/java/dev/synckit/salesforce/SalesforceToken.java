package dev.synckit.salesforce;

import dev.synckit.core.auth.AccessToken;
import dev.synckit.core.auth.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Salesforce access token and the {@code instance_url} all REST calls go to. Salesforce gives no expiry;
 * a 401 {@code INVALID_SESSION_ID} is the only signal. Immutable and thread-safe; never prints the token.
 */
final class SalesforceToken implements AccessToken {

    private final Secret value;
    private final URI instanceUrl;

    SalesforceToken(Secret value, URI instanceUrl) {
        this.value = Objects.requireNonNull(value, "value");
        String s = Objects.requireNonNull(instanceUrl, "instanceUrl").toString();
        this.instanceUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    @Override
    public Secret value() {
        return value;
    }

    @Override
    public Optional<Instant> expiresAt() {
        return Optional.empty();
    }

    /** The org's REST base, without a trailing slash. */
    URI instanceUrl() {
        return instanceUrl;
    }

    @Override
    public String toString() {
        return "SalesforceToken[instanceUrl=" + instanceUrl + ", value=****]";
    }
}
