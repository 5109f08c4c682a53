package ru.workready.data.trainingorder;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The assumptions of the training order, each a setting {@code workready.training-order.*} (docs/training-order.md):
 * <ul>
 *   <li>{@code specialty-ready-share} θ — a graduate is ready for a specialty-level need when READY for at least θ of
 *       the ТФ their programme's mapping covers within its qualification level (default 0.5);</li>
 *   <li>{@code history-years} — how many past graduation years the READY share pools (default 3);</li>
 *   <li>{@code default-ready-share} — the READY share when no college or regional history rests on enough graduates
 *       (default 0.5);</li>
 *   <li>{@code default-employed-share} — the employed-in-specialty share when no group of 5+ graduates with a known
 *       employment answer (college, else region) exists (default
 *       1.0).</li>
 * </ul>
 */
@ConfigurationProperties("workready.training-order")
@Validated
public record OrderSettings(
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double specialtyReadyShare,
        @DefaultValue("3") @Positive int historyYears,
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double defaultReadyShare,
        @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double defaultEmployedShare) {
}
