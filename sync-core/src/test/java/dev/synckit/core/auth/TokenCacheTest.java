package dev.synckit.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synckit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    record Token(Secret value, Instant expires) implements AccessToken {
        @Override
        public Optional<Instant> expiresAt() {
            return Optional.of(expires);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void concurrentCallers_shareOneFetch() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TokenCache<Token> cache = new TokenCache<>(() -> {
            fetches.incrementAndGet();
            fetching.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Token(Secret.of("tok"), clock.instant().plusSeconds(3600));
        }, clock, Duration.ofMinutes(1));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Token>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(cache::get));
            }
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<Token> f : calls) {
                assertThat(f.get(10, TimeUnit.SECONDS).value().reveal()).isEqualTo("tok");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void tokenIsRenewedBeforeItExpires() {
        AtomicInteger fetches = new AtomicInteger();
        TokenCache<Token> cache = new TokenCache<>(() -> new Token(Secret.of("t" + fetches.incrementAndGet()),
                clock.instant().plus(Duration.ofMinutes(60))), clock, Duration.ofMinutes(5));

        assertThat(cache.get().value().reveal()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(54));
        assertThat(cache.get().value().reveal()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.get().value().reveal()).isEqualTo("t2");
    }

    @Test
    void invalidate_dropsOnlyTheRefusedToken() {
        AtomicInteger fetches = new AtomicInteger();
        TokenCache<Token> cache = new TokenCache<>(() -> new Token(Secret.of("t" + fetches.incrementAndGet()),
                clock.instant().plusSeconds(3600)), clock, Duration.ZERO);
        cache.get();
        cache.invalidate("t1");
        assertThat(cache.get().value().reveal()).isEqualTo("t2");
        cache.invalidate("t1"); // a late caller refused with the old token: no second renewal
        assertThat(cache.get().value().reveal()).isEqualTo("t2");
        assertThat(cache.fetchCount()).isEqualTo(2);
    }

    @Test
    void secret_neverShowsItsValue() {
        assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
        assertThat(new Token(Secret.of("hunter2"), Instant.EPOCH).toString()).doesNotContain("hunter2");
    }
}
