package ru.workready.api.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the demo (college DEMO, its synthetic students, employer DEMO-SOFT, the demo region's demand) is loaded:
 * {@code workready.demo.enabled} when set; otherwise only on the embedded database. A real server given by
 * {@code spring.datasource.url} never gets synthetic students mixed into its region's aggregates unless asked.
 */
@Component
public class DemoSwitch {
    private static final Logger log = LoggerFactory.getLogger(DemoSwitch.class);
    private final boolean enabled;

    DemoSwitch(DemoProperties settings, Environment environment) {
        Boolean configured = settings.enabled();
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        enabled = configured == null ? embedded : configured;
        if (configured == null) {
            log.info("Demo data: {} ({}; set workready.demo.enabled to choose)", enabled ? "on" : "off",
                    embedded ? "embedded database" : "external database");
        } else {
            log.info("Demo data: {} (workready.demo.enabled={})", enabled ? "on" : "off", configured);
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
