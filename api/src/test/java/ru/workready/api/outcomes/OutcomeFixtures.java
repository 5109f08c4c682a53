package ru.workready.api.outcomes;

import java.util.Random;
import org.springframework.context.ApplicationContext;

/** Fixtures of graduate outcomes for tests outside this package. */
public final class OutcomeFixtures {
    private OutcomeFixtures() {
    }

    /**
     * A college of its own whose programme took its students in {@code intake} (graduating 30 June of intake + 4), with
     * random course grades for ПК 1.1 (→ A/01.3) and ПК 1.2 (→ A/02.3) a month before graduation; its code.
     */
    public static String graduatedCollege(ApplicationContext app, int intake, int students, Random random) {
        return graduated(OutcomeFixture.create(app, intake, students), random);
    }

    /** The same, with the college code OUT-{suffix}: students' ids, and all derived from them, fixed run to run. */
    public static String graduatedCollege(ApplicationContext app, int intake, int students, Random random,
                                          String suffix) {
        return graduated(OutcomeFixture.create(app, intake, students, suffix), random);
    }

    private static String graduated(OutcomeFixture fx, Random random) {
        StringBuilder results = new StringBuilder();
        String day = fx.graduation().minusMonths(1).toString();
        for (String id : fx.students()) {
            results.append(id).append(";ПК 1.1;COURSE_GRADE;").append(2 + random.nextInt(4)).append(';').append(day)
                    .append('\n');
            results.append(id).append(";ПК 1.2;COURSE_GRADE;").append(2 + random.nextInt(4)).append(';').append(day)
                    .append('\n');
        }
        fx.results(results.toString());
        return fx.college();
    }
}
