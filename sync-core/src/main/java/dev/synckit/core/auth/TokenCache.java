package dev.synckit.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Caches one access token and renews it when it is about to expire or was refused. Renewal is
 * single-flight: however many threads need a token at once, one of them fetches and the others wait
 * for its result. Thread-safe.
 *
 * @param <T> the token type
 */
public final class TokenCache<T extends AccessToken> {

    private final Supplier<T> fetcher;
    private final Clock clock;
    private final Duration renewBefore;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable T current;
    private volatile long fetches;

    /**
     * @param fetcher obtains a new token from the authorization server (may throw a {@code SyncException})
     * @param clock the clock expiry is judged by
     * @param renewBefore renew a token this long before it expires
     */
    public TokenCache(Supplier<T> fetcher, Clock clock, Duration renewBefore) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renewBefore = Objects.requireNonNull(renewBefore, "renewBefore");
    }

    /** A token that is valid now: the cached one, or a fresh one. */
    public T get() {
        T token = current;
        if (token != null && fresh(token)) {
            return token;
        }
        lock.lock();
        try {
            token = current;
            if (token != null && fresh(token)) {
                return token; // another thread renewed it while we waited
            }
            T fetched = Objects.requireNonNull(fetcher.get(), "token fetcher returned null");
            fetches++;
            current = fetched;
            return fetched;
        } finally {
            lock.unlock();
        }
    }

    private boolean fresh(T token) {
        Instant expires = token.expiresAt().orElse(null);
        return expires == null || clock.instant().plus(renewBefore).isBefore(expires);
    }

    /**
     * Forgets the token if it is still the one with this value (a refused token); a token someone
     * already renewed is left alone. Returns whether a renewal can help, which is always true here.
     */
    public boolean invalidate(String refusedValue) {
        lock.lock();
        try {
            T token = current;
            if (token != null && token.value().reveal().equals(refusedValue)) {
                current = null;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** How many tokens were fetched so far. */
    public long fetchCount() {
        return fetches;
    }
}
