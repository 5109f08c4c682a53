package ru.workready.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The work-readiness engine's REST application. Users are API keys (security.WebSecurity), so Boot's generated
 * in-memory user (and the password it would print) is left out. Settings are records per area
 * ({@code @ConfigurationProperties}, docs/configuration.md), the data module's registered by its own scan.
 */
@SpringBootApplication(scanBasePackages = "ru.workready", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class WorkreadyApplication {
    public static void main(String[] args) {
        SpringApplication.run(WorkreadyApplication.class, args);
    }
}
