package ru.workready.data.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: every decision that depends on "now" or "today" (stale evidence,
 * future-dated results, key expiry, consent dates, whether stored scores are current, job heartbeats)
 * reads it, never the wall clock directly (an ArchUnit rule keeps it so).
 *
 * <p>{@code workready.clock.zone} says where "today" is (default: the machine's zone). Setting
 * {@code workready.clock.start} (an ISO instant) starts the clock at that instant and lets it tick from
 * there: tests pin it so that no test depends on the day it runs, and a demo can be shown "as of" a
 * date. Production leaves it unset.
 *
 * <p>Such a clock reads its start when the process started ({@link #startingAt}), not when the context did: a test
 * JVM runs many application contexts on one database, and their clocks must agree — one context judges the upload
 * and job heartbeats another wrote. Started per context, contexts made minutes apart were minutes apart, and one
 * marked another's running upload abandoned (a flaky test).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);
    /** When this process loaded the class: the wall instant at which a clock set to start somewhere reads its start. */
    private static final Instant PROCESS_START = Clock.systemUTC().instant();

    @Bean
    @ConditionalOnMissingBean
    public Clock clock(ClockProperties settings) {
        String start = settings.start();
        String zone = settings.zone();
        ZoneId zoneId = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
        Clock system = Clock.system(zoneId);
        if (start.isBlank()) {
            return system;
        }
        Instant from;
        try {
            from = Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("workready.clock.start must be an ISO instant such as "
                    + "2026-09-01T09:00:00Z, was " + start, e);
        }
        log.warn("The application clock starts at {} ({}), not at the real time", from, zoneId);
        return startingAt(from, zoneId);
    }

    /** A clock in {@code zone} that read {@code start} when this process started, and ticks from there. */
    public static Clock startingAt(Instant start, ZoneId zone) {
        return Clock.offset(Clock.system(zone), Duration.between(PROCESS_START, start));
    }
}
