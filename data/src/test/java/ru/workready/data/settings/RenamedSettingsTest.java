package ru.workready.data.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import ru.workready.data.scoring.RescoringProperties;

/** A key renamed when the settings became records keeps working for a release; the new key wins when both are set. */
class RenamedSettingsTest {
    private static RescoringProperties bound(MockEnvironment env) {
        new RenamedSettings(destination -> destination.get()).postProcessEnvironment(env, null);
        return Binder.get(env).bindOrCreate("workready.rescoring", RescoringProperties.class);
    }

    @Test
    void oldKeysCarryTheirValuesToTheNewOnes() {
        MockEnvironment env = new MockEnvironment().withProperty("workready.rescore.job.enabled", "false")
                .withProperty("workready.rescore.job.delay-ms", "750")
                .withProperty("workready.rescore.job.batch", "4")
                .withProperty("workready.rescore.job.batch-students", "2")
                .withProperty("workready.rescore.job.batch-rows", "1000")
                .withProperty("workready.rescore.job.sweep-ms", "30000")
                .withProperty("workready.rescore.job.abandoned-after", "PT7M");
        RescoringProperties settings = bound(env);
        assertThat(settings.staleScores().enabled()).isFalse();
        // a bare number was milliseconds and still is
        assertThat(settings.staleScores().every()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.staleScores().batch()).isEqualTo(4);
        assertThat(settings.batchStudents()).isEqualTo(2);
        assertThat(settings.batchRows()).isEqualTo(1000);
        assertThat(settings.sweepEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.abandonedAfter()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void theNewKeyWinsAndDefaultsStayWhenNothingIsSet() {
        MockEnvironment both = new MockEnvironment().withProperty("workready.rescore.job.batch", "4")
                .withProperty("workready.rescoring.stale-scores.batch", "9");
        assertThat(bound(both).staleScores().batch()).isEqualTo(9);
        RescoringProperties defaults = bound(new MockEnvironment());
        assertThat(defaults.staleScores().enabled()).isTrue();
        assertThat(defaults.staleScores().every()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.staleScores().batch()).isEqualTo(200);
        assertThat(defaults.batchStudents()).isEqualTo(1000);
        assertThat(defaults.batchRows()).isEqualTo(200_000);
        assertThat(defaults.sweepEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.abandonedAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.finishRetry()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.shutdownWait()).isEqualTo(Duration.ofSeconds(30));
    }
}
