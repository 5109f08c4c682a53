package ru.workready.data.employers;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import ru.workready.data.employers.EmployerQueries.Cell;
import ru.workready.engine.Decimals;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * One group's cell as employers may see it: the privacy policy is {@link SmallCells#publish(long, long, List, Map)}'s,
 * this only lays its verdict out as a {@link Cell}. Shared by today's aggregate (counted in PostgreSQL) and the as-of
 * one (counted in the heap), so that both publish alike.
 */
final class EmployerCells {
    /** A group: college × programme × graduation year. */
    record Group(String college, String collegeName, String region, String programme, String programmeName,
                 int graduationYear) {
    }

    /** The cell, and whether its students and its job fits count towards the published totals. */
    record Published(Cell cell, boolean suppressed, boolean partsHidden) {
    }

    private EmployerCells() {
    }

    /**
     * Nothing when the group is smaller than K or a small count has no safe complement; all parts null when 1 … K−1
     * of its students have not consented; else small parts and their complements hidden. The median job fit is read
     * only when the parts are published.
     */
    static Published publish(Group g, long students, long withoutConsent, Map<ReadinessLevel, Long> levelCounts,
                             DoubleSupplier medianJobFit) {
        List<ReadinessLevel> levels = EmployerQueries.EMPLOYER_LEVELS;
        SmallCells.Publication publication = SmallCells.publish(students, withoutConsent, levels, levelCounts);
        Long[] shown = publication.parts();
        if (shown == null) {
            return new Published(new Cell(g.college(), g.collegeName(), g.region(), g.programme(), g.programmeName(),
                    g.graduationYear(), true, null, null, null, publication.reason(), null), true, true);
        }
        Map<ReadinessLevel, Long> counts = new EnumMap<>(ReadinessLevel.class);
        for (int i = 0; i < shown.length; i++) {
            counts.put(levels.get(i), shown[i]);
        }
        boolean partsHidden = Arrays.stream(shown).allMatch(Objects::isNull);
        return new Published(new Cell(g.college(), g.collegeName(), g.region(), g.programme(), g.programmeName(),
                g.graduationYear(), false, students, counts,
                partsHidden ? null : Decimals.four(medianJobFit.getAsDouble()), publication.reason(), null),
                false, partsHidden);
    }
}
