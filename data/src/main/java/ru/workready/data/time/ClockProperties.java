package ru.workready.data.time;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code workready.clock.*} ({@link ClockConfiguration}).
 *
 * @param start an ISO instant the clock starts at and ticks on from; empty: the real time
 * @param zone  where "today" is (a zone id such as {@code Europe/Moscow}); empty: the machine's zone
 */
@ConfigurationProperties("workready.clock")
public record ClockProperties(@DefaultValue("") String start, @DefaultValue("") String zone) {
}
