package ru.workready.data.trainingorder;

import java.util.List;
import java.util.Optional;

/**
 * The historical share of a college's graduates of a specialty employed in that specialty (трудоустройство по
 * специальности), one factor of the projected supply, read from the graduates' employment records (issue 22,
 * {@link OutcomeEmploymentShares}). Where no share rests on enough graduates the order uses the documented default
 * ({@code workready.training-order.default-employed-share}, 1.0: every ready graduate counted as available).
 */
public interface EmploymentShares {
    /**
     * A measured share: its value, whose graduates it comes from ({@code COLLEGE} or {@code REGION}), how many
     * graduates with a known answer it rests on, their graduation years, and the sentence that explains it.
     */
    record Measured(double share, String source, int graduates, List<Integer> graduationYears, String explanation) {
    }

    /** The shares of one region's colleges for one order. */
    @FunctionalInterface
    interface RegionShares {
        /** The share for the college and ФГОС code, or empty when no group of the region rests on enough graduates. */
        Optional<Measured> share(String college, String fgosCode);
    }

    /** The shares of the region's (official name) graduates of the graduation years {@code from … to}. */
    RegionShares of(String region, int fromYear, int toYear);
}
