package ru.workready.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN §3 step 8 by hand. */
class JobFitTest {

    private static FunctionScore score(String code, Double readiness, ReadinessLevel level) {
        return new FunctionScore("06.001", "A", code, code, 3, readiness, 1.0, level, List.of("x"), "x", List.of(), "x");
    }

    private final List<FunctionScore> scores = List.of(
            score("A/01.3", 0.9, ReadinessLevel.READY),
            score("A/02.3", 0.6, ReadinessLevel.PARTIALLY_READY),
            score("A/03.3", null, ReadinessLevel.UNMAPPED));

    @Test
    void fitIsTheImportanceWeightedMeanOfReadiness() {
        JobFit.Result r = JobFit.of(scores, List.of(new JobFit.Requirement("A/01.3", 5, true),
                new JobFit.Requirement("A/02.3", 2, false), new JobFit.Requirement("A/03.3", 1, false)));
        // (5·0.9 + 2·0.6 + 1·0) / 8
        assertThat(r.fit()).isCloseTo(5.7 / 8, within(1e-9));
        assertThat(r.verdict()).isEqualTo(JobFit.Verdict.FITS);
    }

    @Test
    void aMustHaveThatIsNotReadyMeansNotYetWhateverTheFit() {
        JobFit.Result r = JobFit.of(scores, List.of(new JobFit.Requirement("A/01.3", 5, false),
                new JobFit.Requirement("A/02.3", 1, true), new JobFit.Requirement("Z/99.9", 1, true)));
        assertThat(r.fit()).isGreaterThan(0.7);
        assertThat(r.verdict()).isEqualTo(JobFit.Verdict.NOT_YET);
        assertThat(r.missingMustHaves()).containsExactly("A/02.3", "Z/99.9");
    }
}
