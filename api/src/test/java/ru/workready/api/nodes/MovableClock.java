package ru.workready.api.nodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import ru.workready.data.testing.TestClock;

/** The tests' clock, ticking from {@link TestClock#START}, that a test can move forward (both nodes share it). */
final class MovableClock extends Clock {
    private final Clock base = Clock.offset(Clock.system(TestClock.ZONE),
            Duration.between(Clock.system(TestClock.ZONE).instant(), TestClock.START));
    private volatile Duration ahead = Duration.ZERO;

    void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("one zone for the tests");
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead);
    }
}
