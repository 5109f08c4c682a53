package ru.workready.data.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import ru.workready.data.time.ClockConfiguration;

/**
 * The tests' clock ({@link TestClock#START}, ticking, read as every other test context reads it) that a test can move
 * forward: to a deadline's last second, or past a heartbeat timeout.
 */
public final class MovableClock extends Clock {
    private final Clock base = ClockConfiguration.startingAt(TestClock.START, TestClock.ZONE);
    private volatile Duration moved = Duration.ZERO;

    public void advance(Duration by) {
        moved = moved.plus(by);
    }

    /** Moves "now" to the given instant (and lets it tick from there). */
    public void moveTo(Instant instant) {
        moved = moved.plus(Duration.between(instant(), instant));
    }

    /** Back to the tests' clock. */
    public void reset() {
        moved = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), moved);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(moved);
    }
}
