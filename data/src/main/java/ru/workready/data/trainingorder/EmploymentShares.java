package ru.workready.data.trainingorder;

import java.util.Optional;

/**
 * The historical share of a college's graduates of a specialty employed in that specialty (трудоустройство по
 * специальности), one factor of the projected supply. Graduate outcomes are not recorded yet (issue 22 brings them):
 * until a bean backed by them replaces {@link NoEmploymentOutcomes}, every share is the documented default
 * ({@code workready.training-order.default-employed-share}, 1.0: every ready graduate counted as available).
 */
public interface EmploymentShares {
    /** A measured share and the number of graduates it rests on. */
    record Measured(double share, int graduates, String source) {
    }

    /** The measured share for the college and ФГОС code, or empty when no outcomes are known. */
    Optional<Measured> share(String college, String fgosCode);
}
