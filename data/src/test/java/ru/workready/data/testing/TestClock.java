package ru.workready.data.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tests' clock and defaults. Every Spring test context (registered for all of them in META-INF/spring.factories)
 * starts the application's clock at {@link #START}, and fixtures date their results relative to {@link #today()}, so
 * that no test depends on the day it runs. {@code -Dworkready.test.clock=2031-09-01T00:00:00Z} moves it:
 * {@code .ci/run} runs the scoring and rule-set tests a second time years ahead. Tests run on a database given by URL,
 * where the app would leave the demo off: they ask for it, since most of them read the demo college.
 */
public final class TestClock implements EnvironmentPostProcessor {
    public static final String PROPERTY = "workready.test.clock";
    /** Where "today" is for tests, whatever the machine's zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    public static final Instant START = Instant.parse(System.getProperty(PROPERTY, "2026-11-25T09:00:00Z"));

    /** The test application's date at start. */
    public static LocalDate today() {
        return START.atZone(ZONE).toLocalDate();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // lowest precedence: a test that sets its own clock wins. No warm-ups: a suite starts many contexts, each
        // would burn seconds of CPU compiling what the previous one compiled (ScoringWarmUpTest, UploadWarmUpTest run them)
        environment.getPropertySources().addLast(new MapPropertySource("workready-test-clock",
                Map.of("workready.clock.start", START.toString(), "workready.clock.zone", ZONE.getId(),
                        "workready.demo.enabled", "true", "workready.scoring.warm-up-students", "0",
                        "workready.uploads.warm-up-rows", "0")));
    }
}
