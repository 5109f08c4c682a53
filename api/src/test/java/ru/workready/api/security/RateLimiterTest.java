package ru.workready.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(clock::get);

    @Test
    void burstsUpToTheAllowanceThenRefillsEvenly() {
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire(1, 60)).isZero();
        }
        assertThat(limiter.acquire(1, 60)).isEqualTo(1);
        assertThat(limiter.acquire(2, 60)).as("another key has its own bucket").isZero();
        clock.addAndGet(1_000_000_000L);
        assertThat(limiter.acquire(1, 60)).isZero();
        assertThat(limiter.acquire(1, 60)).isEqualTo(1);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 50).map(i -> 4_200 + i).boxed();
    }

    /** Over any stretch of time, a key never gets more than its burst plus what refilled meanwhile. */
    @ParameterizedTest
    @MethodSource("seeds")
    void neverGrantsMoreThanTheAllowance(long seed) {
        Random random = new Random(seed);
        int perMinute = 1 + random.nextInt(120);
        long start = clock.get();
        int granted = 0;
        for (int i = 0; i < 2_000; i++) {
            clock.addAndGet(random.nextInt(200_000_000));
            long wait = limiter.acquire(7, perMinute);
            if (wait == 0) {
                granted++;
            } else {
                assertThat(wait).as("seed %d", seed).isBetween(1L, 60L);
            }
        }
        double minutes = (clock.get() - start) / 60e9;
        assertThat(granted).as("seed %d, %d/min over %.2f min", seed, perMinute, minutes)
                .isLessThanOrEqualTo((int) Math.floor(perMinute + perMinute * minutes) + 1);
    }
}
