package ru.workready.api.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

/**
 * The demo data was written on {@link #WRITTEN_ON}; started later, every date in it (results, consents, the cohort's
 * intake and the region's demand) moves forward by the same whole number of years, so that the demo looks the same
 * relative to today whenever it is started: results never go stale, nothing lies in the future.
 */
public record DemoCalendar(int shiftYears) {
    public static final LocalDate WRITTEN_ON = LocalDate.of(2026, 11, 25);

    public static DemoCalendar of(Clock clock) {
        return new DemoCalendar(Period.between(WRITTEN_ON, LocalDate.now(clock)).getYears());
    }

    public LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day).plusYears(shiftYears);
    }

    public int year(int year) {
        return year + shiftYears;
    }
}
