package ru.workready.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The work-readiness engine's REST application. */
@SpringBootApplication(scanBasePackages = "ru.workready")
public class WorkreadyApplication {
    public static void main(String[] args) {
        SpringApplication.run(WorkreadyApplication.class, args);
    }
}
