package ru.workready.data.assessments;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.evidence.fold.*}: folding the evidence partitions of older large uploads back into the shared
 * ones (docs/operations.md, "Partitions of large uploads").
 *
 * @param cron  when, as a Spring cron ({@code 0 0 3 * * *}); {@code -}: never (operators call the procedure)
 * @param after only uploads finished longer ago than this are folded
 */
@ConfigurationProperties("workready.evidence.fold")
@Validated
public record EvidenceFoldProperties(
        @DefaultValue("-") String cron,
        @DefaultValue("30d") @DurationMin(millis = 0) Duration after) {

    public boolean scheduled() {
        return !cron.isBlank() && !"-".equals(cron.strip());
    }
}
