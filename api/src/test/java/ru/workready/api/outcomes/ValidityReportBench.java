package ru.workready.api.outcomes;

import ru.workready.data.outcomes.ValidityReport;
import ru.workready.data.outcomes.ValidityService;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.workready.api.ApiTest;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.outcomes.GraduateCohort;
import ru.workready.data.outcomes.OutcomeRepository;

/**
 * Benchmark, not a test: the validity report over a synthetic cohort of graduates against a baseline measured in the
 * same run — scoring each graduate as of graduation, which the report must do anyway. Run with
 * {@code ./mvnw -q -B -pl api -am verify -Dtest=ValidityReportBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench=true} (optionally {@code -Dbench.graduates=N}).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ValidityReportBench extends ApiTest {
    @Autowired
    ApplicationContext app;
    @Autowired
    ValidityService validity;
    @Autowired
    ReadinessService readiness;
    @Autowired
    OutcomeRepository outcomes;

    @Test
    void validityReport() {
        int n = Integer.getInteger("bench.graduates", 500);
        Random random = new Random(20261205L);
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, n);
        StringBuilder results = new StringBuilder();
        StringBuilder employment = new StringBuilder();
        for (String id : fx.students()) {
            int grade = 2 + random.nextInt(4);
            results.append(id).append(";ПК 1.1;COURSE_GRADE;").append(grade).append(";2024-05-20\n");
            results.append(id).append(";ПК 1.2;COURSE_GRADE;").append(2 + random.nextInt(4)).append(";2024-05-20\n");
            employment.append(id).append(";2025-06-30;EMPLOYED;COLLEGE_SURVEY;")
                    .append(random.nextDouble() < (grade >= 4 ? 0.7 : 0.3) ? "2512" : "9329").append(";\n");
        }
        fx.results(results.toString());
        long t0 = System.nanoTime();
        fx.employment(employment.toString());
        long upload = System.nanoTime() - t0;
        GraduateCohort cohort = new GraduateCohort(fx.college(), null, null, null, null);
        for (int warm = 0; warm < 2; warm++) {
            validity.report(cohort, "06.001", 10, 1, null, true);
        }
        long b0 = System.nanoTime();
        for (String id : fx.students()) {
            readiness.asOf(id, "06.001", fx.graduation());
        }
        long baseline = System.nanoTime() - b0;
        long r0 = System.nanoTime();
        ValidityReport r = validity.report(cohort, "06.001", 10, 1, null, true);
        long report = System.nanoTime() - r0;
        System.out.printf("ValidityReportBench: %d graduates (%d with outcome, %d readings); employment upload %d ms; "
                        + "scoring as of graduation %d ms; validity report %d ms (%.2f× the scoring)%n", n,
                r.graduates(), r.functions().size() + r.generalizedFunctions().size() + 1, upload / 1_000_000,
                baseline / 1_000_000, report / 1_000_000, (double) report / baseline);
    }
}
