package ru.workready.api.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets in memory: a key may burst up to its per-minute allowance, which refills
 * evenly. Per node: behind a load balancer each node grants the allowance on its own.
 */
final class RateLimiter {
    private static final double NANOS_PER_MINUTE = 60e9;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes a token: 0 when granted, otherwise the whole seconds to wait for the next one (≥ 1). */
    long acquire(long keyId, int perMinute) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double perNano = perMinute / NANOS_PER_MINUTE;
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - bucket.tokens) / perNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }
    }
}
