package dev.synckit.core.http;

import dev.synckit.core.failure.SyncException;

/**
 * Turns a failed HTTP response into a typed {@link SyncException}. One per platform: it knows the
 * platform's error body and codes. Must be thread-safe and must not throw.
 */
@FunctionalInterface
public interface ErrorClassifier {

    /** The failure for a response that was neither 2xx nor accepted by the caller. */
    SyncException classify(HttpResult result);
}
