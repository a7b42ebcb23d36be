package dev.synckit.zendesk;

import dev.synckit.core.resilience.Sleeper;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Keeps requests under {@code limit} per any 60-second window (a sliding log, so a platform counting fixed clock
 * minutes never sees more either), and holds every request back while a {@code Retry-After} or an exhausted
 * {@code remaining} header says to. Thread-safe; waiting happens outside the lock, through the {@link Sleeper}.
 */
final class RequestLimiter {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final String name;
    private final int limit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;
    private long waits;

    RequestLimiter(String name, int limit, Clock clock, Sleeper sleeper) {
        this.name = Objects.requireNonNull(name, "name");
        this.limit = limit;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits until one more request may go, then counts it. */
    void acquire() {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
                    sent.pollFirst();
                }
                if (now.isBefore(pausedUntil)) {
                    wait = Duration.between(now, pausedUntil);
                } else if (sent.size() < limit) {
                    sent.addLast(now);
                    return;
                } else {
                    wait = Duration.between(now, sent.peekFirst().plus(WINDOW));
                }
                waits++;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException("interrupted while waiting for the " + name + " limit",
                        ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("INTERRUPTED"), e);
            }
        }
    }

    /** No request before {@code until} (a Retry-After, or the reset of an exhausted window). */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Requests counted in the last 60 seconds. */
    synchronized int inWindow() {
        Instant now = clock.instant();
        return (int) sent.stream().filter(t -> t.plus(WINDOW).isAfter(now)).count();
    }

    /** How often a request had to wait. */
    synchronized long waits() {
        return waits;
    }

    int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "RequestLimiter[" + name + ", " + limit + "/min]";
    }
}
