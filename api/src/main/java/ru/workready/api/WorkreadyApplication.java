package ru.workready.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The work-readiness engine's REST application. Users are API keys (security.WebSecurity), so Boot's generated
 * in-memory user (and the password it would print) is left out.
 */
@SpringBootApplication(scanBasePackages = "ru.workready", exclude = UserDetailsServiceAutoConfiguration.class)
public class WorkreadyApplication {
    public static void main(String[] args) {
        SpringApplication.run(WorkreadyApplication.class, args);
    }
}
