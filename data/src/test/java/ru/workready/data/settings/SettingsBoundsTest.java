package ru.workready.data.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import ru.workready.data.assessments.EvidenceFoldProperties;
import ru.workready.data.assessments.UploadProperties;
import ru.workready.data.rulesets.RuleSetProperties;
import ru.workready.data.scoring.RescoringProperties;
import ru.workready.data.scoring.ScoringProperties;
import ru.workready.data.trainingorder.OrderSettings;

/** A value the application cannot run with stops the start, naming the key; the defaults start. */
class SettingsBoundsTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({UploadProperties.class, EvidenceFoldProperties.class, RescoringProperties.class,
            ScoringProperties.class, RuleSetProperties.class, OrderSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @ParameterizedTest
    @ValueSource(strings = {"workready.rescoring.batch-students=0", "workready.rescoring.stale-scores.batch=-1",
            "workready.rescoring.stale-scores.every=0s", "workready.rescoring.sweep-every=0",
            "workready.uploads.heartbeat-every=0s", "workready.uploads.inline-rescore-students=-1",
            "workready.uploads.xlsx.max-shared-strings=0", "workready.scoring.results-per-key=0",
            "workready.rule-sets.max-firings=0", "workready.training-order.specialty-ready-share=1.5",
            "workready.training-order.history-years=0", "workready.evidence.fold.after=-1d"})
    void aValueTheApplicationCannotRunWithStopsTheStart(String setting) {
        app.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            // Boot names a nested field in camel case: "on field 'staleScores.batch'"
            String key = setting.split("=")[0];
            String field = org.springframework.core.Conventions.attributeNameToPropertyName(
                    key.substring(key.lastIndexOf('.') + 1));
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("rejected value")
                    .hasMessageContaining(field);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"workready.rescoring.batch-students=1", "workready.uploads.max-results-per-key=0",
            "workready.uploads.max-bytes=4GB", "workready.training-order.default-employed-share=0"})
    void theDefaultsAndSensibleValuesStart(String setting) {
        app.withPropertyValues(setting).run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(RescoringProperties.class).hasSingleBean(UploadProperties.class));
    }
}
