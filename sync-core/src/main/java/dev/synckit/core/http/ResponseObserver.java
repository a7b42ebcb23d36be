package dev.synckit.core.http;

/**
 * Sees every response (success or failure) before classification, e.g. to read quota headers.
 * Must be thread-safe, fast, and must not throw.
 */
@FunctionalInterface
public interface ResponseObserver {

    void onResponse(HttpResult result);

    static ResponseObserver none() {
        return r -> { };
    }
}
