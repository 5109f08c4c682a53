package ru.workready.data.scoring;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.scoring.*}.
 *
 * @param resultsPerKey one student's scoring reads this many latest results per outcome and kind (the latest
 *                      counts; the others show retakes in the explanation)
 */
@ConfigurationProperties("workready.scoring")
@Validated
public record ScoringProperties(@DefaultValue("10") @Positive int resultsPerKey) {
}
