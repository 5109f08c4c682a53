package ru.workready.data.scoring;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.scoring.*}.
 *
 * @param resultsPerKey   one student's scoring reads this many latest results per outcome and kind (the latest
 *                        counts; the others show retakes in the explanation)
 * @param warmUpStudents  made-up students scored in the background once the application is ready, so that the JIT
 *                        has compiled the scoring path before the first job (0: off)
 */
@ConfigurationProperties("workready.scoring")
@Validated
public record ScoringProperties(@DefaultValue("10") @Positive int resultsPerKey,
                                @DefaultValue("20000") @jakarta.validation.constraints.PositiveOrZero int warmUpStudents) {
}
