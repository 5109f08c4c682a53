package ru.workready.data.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the keys renamed when the settings became records working for one more release: an old key that is set
 * (property, argument or environment variable) while its new key is not gives the new key its value, with a warning
 * naming the new key. The millisecond keys ({@code delay-ms}, {@code sweep-ms}) became durations, where a bare number
 * still means milliseconds, so their values carry over as they are.
 */
public final class RenamedSettings implements EnvironmentPostProcessor {
    /** Old key → new key; docs/configuration.md's "formerly" column says the same (a test compares them). */
    public static final Map<String, String> RENAMED = renamed();

    private final Log log;

    public RenamedSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(RenamedSettings.class);
    }

    private static Map<String, String> renamed() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("workready.rescore.job.enabled", "workready.rescoring.stale-scores.enabled");
        keys.put("workready.rescore.job.delay-ms", "workready.rescoring.stale-scores.every");
        keys.put("workready.rescore.job.batch", "workready.rescoring.stale-scores.batch");
        keys.put("workready.rescore.job.batch-students", "workready.rescoring.batch-students");
        keys.put("workready.rescore.job.batch-rows", "workready.rescoring.batch-rows");
        keys.put("workready.rescore.job.sweep-ms", "workready.rescoring.sweep-every");
        keys.put("workready.rescore.job.abandoned-after", "workready.rescoring.abandoned-after");
        return Map.copyOf(keys);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> carried = new LinkedHashMap<>();
        RENAMED.forEach((old, current) -> {
            String value = environment.getProperty(old);
            if (value != null && !environment.containsProperty(current)) {
                carried.put(current, value);
                log.warn(old + " is renamed " + current + " and will stop working in the next release; set "
                        + current + " instead (docs/configuration.md)");
            }
        });
        if (!carried.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("workready-renamed-settings", carried));
        }
    }
}
