package ru.workready.api.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Failed authentications per client address (a sent X-API-Key that is unknown, revoked or
 * expired), as a leaky bucket draining {@code perMinute} a minute: an address whose bucket is full
 * (more than {@code perMinute} failures within a minute) is refused before its key is even looked
 * up, with the seconds until it may try again. Keys are 256-bit random, so guessing is hopeless
 * anyway; this keeps a scanner from spending the key index and filling the logs. Per node, in memory.
 */
final class FailedAuthThrottle {
    private static final double NANOS_PER_MINUTE = 60e9;
    /** Beyond this many tracked addresses, drained ones are forgotten (bounded memory under a scan from many addresses). */
    private static final int MAX_ADDRESSES = 100_000;

    /** Whether an address is refused: the seconds to wait (0 = may try), and whether this is the first refusal of a run (to audit once). */
    record Block(long retryAfterSeconds, boolean first) {
        static final Block NONE = new Block(0, false);
    }

    private static final class Bucket {
        double failures;
        long at;
        boolean blocked;

        Bucket(long at) {
            this.at = at;
        }
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile int perMinute;

    FailedAuthThrottle(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Checked before the key is looked up. */
    Block check(String address) {
        Bucket b = buckets.get(address);
        if (b == null) {
            return Block.NONE;
        }
        synchronized (b) {
            drain(b);
            // a full bucket: perMinute failures, less the sliver drained while they came in
            double limit = perMinute - 1;
            if (b.failures <= limit) {
                b.blocked = false;
                return Block.NONE;
            }
            double perNano = perMinute / NANOS_PER_MINUTE;
            long wait = Math.max(1, (long) Math.ceil((b.failures - limit) / perNano / 1e9));
            boolean first = !b.blocked;
            b.blocked = true;
            return new Block(wait, first);
        }
    }

    /** Records a failed authentication from the address. */
    void failed(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            forgetDrained();
        }
        Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(nanoTime.getAsLong()));
        synchronized (b) {
            drain(b);
            b.failures += 1;
        }
    }

    /** For tests on a shared application context: the allowance in force. */
    void perMinute(int perMinute) {
        this.perMinute = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    private void drain(Bucket b) {
        long now = nanoTime.getAsLong();
        b.failures = Math.max(0, b.failures - (now - b.at) * (perMinute / NANOS_PER_MINUTE));
        b.at = now;
    }

    private void forgetDrained() {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                drain(e.getValue());
                return e.getValue().failures < 1;
            }
        });
    }
}
