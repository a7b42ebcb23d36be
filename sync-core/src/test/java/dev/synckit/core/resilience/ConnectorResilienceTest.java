package dev.synckit.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectorResilienceTest {

    private static final SourceSystem ZD = SourceSystem.ZENDESK;

    @Test
    void bulkhead_neverLetsMoreCallsThroughThanItsLimit() throws Exception {
        ConnectorResilience pipeline = ConnectorResilience.builder(ZD).maxConcurrent(2).retries(0).build();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> pipeline.call(() -> {
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    twoInside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return 1;
                })));
            }
            assertThat(twoInside.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            int done = 0;
            for (Future<Integer> f : calls) {
                done += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(done).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void shortRetryAfter_isWaitedOut_thenTheCallSucceeds() {
        ConnectorResilience pipeline = ConnectorResilience.builder(ZD).retries(2).build();
        List<Long> attempts = new ArrayList<>();
        String result = pipeline.call(() -> {
            attempts.add(System.nanoTime());
            if (attempts.size() == 1) {
                throw new RateLimitedException("429", ErrorDetails.of(ZD).withRetryAfter(Duration.ofMillis(300)));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasSize(2);
        assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void longRetryAfter_isLeftToTheEngine_notSleptInTheCall() {
        ConnectorResilience pipeline = ConnectorResilience.builder(ZD).retries(2).maxInCallWait(Duration.ofSeconds(5)).build();
        AtomicInteger attempts = new AtomicInteger();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> pipeline.call(() -> {
            attempts.incrementAndGet();
            throw new RateLimitedException("daily quota", ErrorDetails.of(ZD).withRetryAfter(Duration.ofHours(3)));
        }));
        assertThat(attempts).hasValue(1);
        assertThat(e.retryAfter()).contains(Duration.ofHours(3));
    }

    @Test
    void unauthorized_isNotRetriedByThePipeline() {
        ConnectorResilience pipeline = ConnectorResilience.builder(ZD).retries(3).build();
        AtomicInteger attempts = new AtomicInteger();
        catchThrowableOfType(UnauthorizedException.class, () -> pipeline.call(() -> {
            attempts.incrementAndGet();
            throw new UnauthorizedException("401", ErrorDetails.of(ZD));
        }));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void circuit_opensAfterRepeatedTransientFailures_andThenFailsFastWithoutCalling() {
        ConnectorResilience pipeline = ConnectorResilience.builder(ZD).retries(0)
                .circuitBreaker(3, Duration.ofMinutes(1)).build();
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(TransientException.class, () -> pipeline.call(() -> {
                attempts.incrementAndGet();
                throw new TransientException("503", ErrorDetails.of(ZD).withHttpStatus(503));
            }));
        }
        TransientException open = catchThrowableOfType(TransientException.class, () -> pipeline.call(() -> {
            attempts.incrementAndGet();
            return "never";
        }));
        assertThat(attempts).hasValue(3);
        assertThat(open.platformCode()).contains("CIRCUIT_OPEN");
        assertThat(open.getStackTrace()).isEmpty();
        assertThat(pipeline.circuitState()).isEqualTo("OPEN");
    }

    @Test
    void quotaGovernor_doesNotPaceBelowTheThreshold_andSpreadsTheRestUntilTheReset() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        QuotaGovernor governor = new QuotaGovernor(clock, 0.8, 100, Duration.ofHours(24));
        governor.onReading(new QuotaReading(SourceSystem.SALESFORCE, "api-usage", 7_000, 10_000, null, clock.instant()));
        assertThat(governor.pace()).isZero();

        governor.onReading(new QuotaReading(SourceSystem.SALESFORCE, "api-usage", 9_000, 10_000,
                clock.instant().plus(Duration.ofHours(1)), clock.instant()));
        // 1,000 left, 100 kept in reserve: 900 calls over one hour = one call per 4 s
        assertThat(governor.pace()).isEqualTo(Duration.ofSeconds(4));
        assertThat(governor.reserveSlot()).isZero();
        assertThat(governor.reserveSlot()).isEqualTo(Duration.ofSeconds(4));
        assertThat(governor.reserveSlot()).isEqualTo(Duration.ofSeconds(8));

        governor.onReading(new QuotaReading(SourceSystem.SALESFORCE, "api-usage", 9_950, 10_000, null, clock.instant()));
        assertThat(governor.pace()).isEqualTo(Duration.ofHours(24)); // within the reserve: wait for the window
    }

    @Test
    void quotaPacing_delaysCallsThroughTheSleeper() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        QuotaGovernor governor = new QuotaGovernor(clock, 0.5, 0, Duration.ofHours(1));
        governor.onReading(new QuotaReading(ZD, "requests-per-minute", 600, 700, clock.instant().plusSeconds(50), clock.instant()));
        List<Duration> slept = new ArrayList<>();
        ConnectorResilience pipeline = ConnectorResilience.builder(ZD).retries(0).quotaGovernor(governor)
                .sleeper(d -> {
                    slept.add(d);
                    clock.advance(d);
                }).build();

        for (int i = 0; i < 3; i++) {
            pipeline.call(() -> "ok");
        }
        // 100 left over 50 s: one call every 500 ms (a little less as the reset comes closer)
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(slept.get(1)).isBetween(Duration.ofMillis(490), Duration.ofMillis(500));
    }

    @Test
    void fullJitter_staysWithinTheExponentialCeiling() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(5_000, 200L << (attempt - 1));
            for (int i = 0; i < 200; i++) {
                Duration d = ConnectorResilience.fullJitter(Duration.ofMillis(200), Duration.ofSeconds(5), attempt);
                assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
            }
        }
    }
}
