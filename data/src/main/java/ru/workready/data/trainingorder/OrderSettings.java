package ru.workready.data.trainingorder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The assumptions of the training order, each a setting (docs/training-order.md):
 * <ul>
 *   <li>{@code specialty-ready-share} θ — a graduate is ready for a specialty-level need when READY for at least θ of
 *       the ТФ their programme's mapping covers within its qualification level (default 0.5);</li>
 *   <li>{@code history-years} — how many past graduation years the READY share pools (default 3);</li>
 *   <li>{@code default-ready-share} — the READY share when no college or regional history rests on enough graduates
 *       (default 0.5);</li>
 *   <li>{@code default-employed-share} — the employed-in-specialty share while no outcomes are recorded (default
 *       1.0).</li>
 * </ul>
 */
@Component
public record OrderSettings(
        @Value("${workready.training-order.specialty-ready-share:0.5}") double specialtyReadyShare,
        @Value("${workready.training-order.history-years:3}") int historyYears,
        @Value("${workready.training-order.default-ready-share:0.5}") double defaultReadyShare,
        @Value("${workready.training-order.default-employed-share:1.0}") double defaultEmployedShare) {
}
