package ru.workready.data.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockConfigurationTest {

    /**
     * Two applications of one process (a test JVM's contexts) made apart read the same time from a started clock:
     * one judges the heartbeats the other writes. A clock started per context put them apart by the time between.
     */
    @Test
    void clocksStartedAtTheSameInstantAgreeWhenMadeApart() throws InterruptedException {
        ClockProperties settings = new ClockProperties("2026-11-25T09:00:00Z", "Europe/Moscow");
        Clock first = new ClockConfiguration().clock(settings);
        Thread.sleep(400);
        Clock later = new ClockConfiguration().clock(settings);
        assertThat(Duration.between(first.instant(), later.instant()).abs()).isLessThan(Duration.ofMillis(200));
        assertThat(later.getZone().getId()).isEqualTo("Europe/Moscow");
    }

    @Test
    void withoutAStartItIsTheSystemClock() {
        Clock clock = new ClockConfiguration().clock(new ClockProperties("", "UTC"));
        assertThat(Duration.between(Clock.systemUTC().instant(), clock.instant()).abs())
                .isLessThan(Duration.ofSeconds(5));
    }
}
