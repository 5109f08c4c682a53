package ru.workready.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.standards.FunctionCodes;

/** Hand-computed cases for the arithmetic of DESIGN §3, steps 1–5. */
class MethodologyTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 1);
    private final Methodology methodology = Methodology.defaults();

    private static Evidence ev(long seq, String outcome, EvidenceKind kind, AssessmentResult result, LocalDate on,
                               int attempt) {
        return new Evidence(seq, "s1", outcome, kind, result, on, attempt, null, null, null);
    }

    private static AssessmentResult grade(int g) {
        return new AssessmentResult.Grade(g);
    }

    // --- step 1: normalization ---------------------------------------------------------------

    @ParameterizedTest(name = "grade {0} -> {1}")
    @CsvSource({"5, 1.0", "4, 0.75", "3, 0.5", "2, 0.0"})
    void gradesNormalize(int grade, double expected) {
        assertThat(Methodology.normalize(grade(grade))).isEqualTo(expected);
    }

    @Test
    void gradesOutsideTwoToFiveAreRejected() {
        assertThatThrownBy(() -> grade(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grade(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} of {1} points -> {2}")
    @CsvSource({"0, 100, 0.0", "45, 60, 0.75", "80, 100, 0.8", "100, 100, 1.0", "120, 100, 1.0"})
    void pointsAreAShareOfTheMaximumClampedToOne(double points, double max, double expected) {
        assertThat(Methodology.normalize(new AssessmentResult.Points(points, max))).isCloseTo(expected, within(1e-9));
    }

    @Test
    void invalidPointsAreRejected() {
        assertThatThrownBy(() -> new AssessmentResult.Points(-1, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssessmentResult.Points(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssessmentResult.Points(Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passFail() {
        assertThat(Methodology.normalize(new AssessmentResult.PassFail(true))).isEqualTo(1.0);
        assertThat(Methodology.normalize(new AssessmentResult.PassFail(false))).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0} of {1} -> grade {2}")
    @CsvSource({
            "0, 100, 2", "19.99, 100, 2", "20, 100, 3", "39.9, 100, 3", "40, 100, 4", "69.9, 100, 4",
            "70, 100, 5", "100, 100, 5",
            // the same boundaries on a 50-point scale: 10 = 20 %, 20 = 40 %, 35 = 70 %
            "9.99, 50, 2", "10, 50, 3", "20, 50, 4", "34.9, 50, 4", "35, 50, 5"})
    void demoExamGradeBoundaries(double points, double max, int expected) {
        assertThat(Methodology.demoExamGrade(points, max)).isEqualTo(expected);
    }

    // --- step 2: kind weights ----------------------------------------------------------------

    @Test
    void defaultKindWeights() {
        assertThat(methodology.weight(EvidenceKind.COURSE_GRADE)).isEqualTo(1.0);
        assertThat(methodology.weight(EvidenceKind.EMPLOYER_PRACTICE)).isEqualTo(2.0);
        assertThat(methodology.weight(EvidenceKind.MODULE_EXAM)).isEqualTo(2.0);
        assertThat(methodology.weight(EvidenceKind.DEMO_EXAM)).isEqualTo(3.0);
        assertThat(methodology.weight(EvidenceKind.CHAMPIONSHIP)).isEqualTo(3.0);
        assertThat(methodology.weight(EvidenceKind.INDEPENDENT_ASSESSMENT)).isEqualTo(4.0);
    }

    @Test
    void everyKindNeedsAPositiveWeight() {
        Map<EvidenceKind, Double> weights = new EnumMap<>(EvidenceKind.class);
        for (EvidenceKind k : EvidenceKind.values()) {
            weights.put(k, 1.0);
        }
        weights.put(EvidenceKind.CHAMPIONSHIP, 0.0);
        assertThatThrownBy(() -> new Methodology(weights)).isInstanceOf(IllegalArgumentException.class);
        weights.remove(EvidenceKind.CHAMPIONSHIP);
        assertThatThrownBy(() -> new Methodology(weights)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- steps 3–4: mastery ------------------------------------------------------------------

    @Test
    void masteryIsTheKindWeightedMean() {
        // course grade 4 (0.75, w1) + demo exam 80/100 (0.8, w3) = (0.75 + 2.4) / 4
        var m = methodology.mastery(List.of(
                ev(1, "O1", EvidenceKind.COURSE_GRADE, grade(4), D, 1),
                ev(2, "O1", EvidenceKind.DEMO_EXAM, new AssessmentResult.Points(80, 100), D, 1)));
        assertThat(m.get("O1").mastery()).isCloseTo(0.7875, within(1e-9));
        assertThat(m.get("O1").evidence()).extracting(EvidenceContribution::weight).containsExactly(1.0, 3.0);
        assertThat(m.get("O1").evidence()).extracting(EvidenceContribution::score).containsExactly(0.75, 0.8);
    }

    @Test
    void allSixKindsTogether() {
        // (1·1 + 2·0.5 + 2·0.75 + 3·0 + 3·1 + 4·1) / 15 = 10.5 / 15 = 0.7
        var m = methodology.mastery(List.of(
                ev(1, "O1", EvidenceKind.COURSE_GRADE, grade(5), D, 1),
                ev(2, "O1", EvidenceKind.EMPLOYER_PRACTICE, grade(3), D, 1),
                ev(3, "O1", EvidenceKind.MODULE_EXAM, grade(4), D, 1),
                ev(4, "O1", EvidenceKind.DEMO_EXAM, new AssessmentResult.Points(0, 100), D, 1),
                ev(5, "O1", EvidenceKind.CHAMPIONSHIP, new AssessmentResult.PassFail(true), D, 1),
                ev(6, "O1", EvidenceKind.INDEPENDENT_ASSESSMENT, new AssessmentResult.PassFail(true), D, 1)));
        assertThat(m.get("O1").mastery()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void outcomesAreSeparateAndEvidenceWithoutOutcomeIsIgnored() {
        var m = methodology.mastery(List.of(
                ev(1, "O1", EvidenceKind.COURSE_GRADE, grade(5), D, 1),
                ev(2, "O2", EvidenceKind.COURSE_GRADE, grade(2), D, 1),
                new Evidence(3, "s1", null, EvidenceKind.INDEPENDENT_ASSESSMENT, new AssessmentResult.PassFail(true),
                        D, 1, "ЦОК", "06.001", "A")));
        assertThat(m).containsOnlyKeys("O1", "O2");
        assertThat(m.get("O1").mastery()).isEqualTo(1.0);
        assertThat(m.get("O2").mastery()).isEqualTo(0.0);
    }

    @Test
    void noEvidenceNoMastery() {
        assertThat(methodology.mastery(List.of())).isEmpty();
    }

    @Test
    void retakeWithALaterDateReplacesTheEarlierResult() {
        // module exam 2 on 1 March, retaken with 5 on 1 April; course grade 3 stays (other kind)
        // m = (1·0.5 + 2·1.0) / 3 = 0.8333…
        var m = methodology.mastery(List.of(
                ev(1, "O1", EvidenceKind.MODULE_EXAM, grade(2), D, 1),
                ev(2, "O1", EvidenceKind.COURSE_GRADE, grade(3), D, 1),
                ev(3, "O1", EvidenceKind.MODULE_EXAM, grade(5), D.plusMonths(1), 2))).get("O1");
        assertThat(m.mastery()).isCloseTo(2.5 / 3, within(1e-9));
        assertThat(m.evidence()).hasSize(3);
        assertThat(m.evidence()).filteredOn(EvidenceContribution::superseded)
                .singleElement().extracting(EvidenceContribution::sequence).isEqualTo(1L);
    }

    @Test
    void latestDateWinsEvenIfItArrivedFirstOrHasALowerAttemptNumber() {
        var m = methodology.mastery(List.of(
                ev(7, "O1", EvidenceKind.DEMO_EXAM, grade(3), D.plusDays(10), 1),
                ev(8, "O1", EvidenceKind.DEMO_EXAM, grade(5), D, 2))).get("O1");
        assertThat(m.mastery()).isEqualTo(0.5);
        assertThat(m.evidence()).filteredOn(EvidenceContribution::superseded)
                .singleElement().extracting(EvidenceContribution::sequence).isEqualTo(8L);
    }

    @Test
    void sameDateHigherAttemptWins() {
        var m = methodology.mastery(List.of(
                ev(2, "O1", EvidenceKind.COURSE_GRADE, grade(4), D, 2),
                ev(1, "O1", EvidenceKind.COURSE_GRADE, grade(2), D, 3))).get("O1");
        assertThat(m.mastery()).isEqualTo(0.0);
        assertThat(m.evidence()).filteredOn(EvidenceContribution::superseded)
                .singleElement().extracting(EvidenceContribution::attempt).isEqualTo(2);
        assertThat(m.evidence()).filteredOn(e -> !e.superseded())
                .singleElement().extracting(EvidenceContribution::attempt).isEqualTo(3);
    }

    @Test
    void sameDateSameAttemptLaterArrivalWins() {
        var m = methodology.mastery(List.of(
                ev(5, "O1", EvidenceKind.COURSE_GRADE, grade(4), D, 1),
                ev(4, "O1", EvidenceKind.COURSE_GRADE, grade(3), D, 1))).get("O1");
        assertThat(m.mastery()).isEqualTo(0.75);
    }

    @Test
    void threeAttemptsOnlyTheLastCountsAndHistoryIsInDateOrder() {
        var m = methodology.mastery(List.of(
                ev(3, "O1", EvidenceKind.COURSE_GRADE, grade(4), D.plusDays(20), 3),
                ev(1, "O1", EvidenceKind.COURSE_GRADE, grade(2), D, 1),
                ev(2, "O1", EvidenceKind.COURSE_GRADE, grade(3), D.plusDays(10), 2))).get("O1");
        assertThat(m.mastery()).isEqualTo(0.75);
        assertThat(m.evidence()).extracting(EvidenceContribution::sequence).containsExactly(1L, 2L, 3L);
        assertThat(m.evidence()).extracting(EvidenceContribution::superseded).containsExactly(true, true, false);
    }

    @Test
    void eachRuleDecisionCarriesItsRulesReason() {
        var adjustments = new Methodology.Adjustments(Map.of(2L, "Old demo exams"), Map.of(1L, 4.0, 2L, 5.0),
                Map.of(1L, "Championship weighs more", 2L, "Heavier"), Map.of(2L, "valid for 3 years"),
                Map.of(1L, "weighs 4 here", 2L, "never shown: the evidence is excluded"));
        var m = methodology.mastery(List.of(
                ev(1, "O1", EvidenceKind.CHAMPIONSHIP, new AssessmentResult.Points(50, 100), D, 1),
                ev(2, "O1", EvidenceKind.DEMO_EXAM, new AssessmentResult.Points(80, 100), D, 1),
                ev(3, "O1", EvidenceKind.COURSE_GRADE, grade(5), D, 1)), adjustments).get("O1");
        assertThat(m.evidence()).extracting(EvidenceContribution::rule)
                .containsExactly("Championship weighs more", "Old demo exams", null);
        assertThat(m.evidence()).extracting(EvidenceContribution::reason)
                .containsExactly("weighs 4 here", "valid for 3 years", null);
    }

    // --- step 5: function readiness and coverage ---------------------------------------------

    private static List<Double> masteries(Double... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Test
    void functionReadinessIsTheMappingWeightedMeanOfEvidencedOutcomes() {
        // r = (1·0.8 + 0.5·0.5) / 1.5 = 0.7; all evidenced → coverage 1
        var f = Methodology.function(List.of(1.0, 0.5), masteries(0.8, 0.5));
        assertThat(f.readiness()).isCloseTo(0.7, within(1e-9));
        assertThat(f.coverage()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void unevidencedMappingsLowerCoverageButNotReadiness() {
        // evidenced: 1.0 (m 0.8), 0.25 (m 0.4); not: 0.5, 0.25
        // r = (0.8 + 0.1) / 1.25 = 0.72; cov = 1.25 / 2.0 = 0.625
        var f = Methodology.function(List.of(1.0, 0.5, 0.25, 0.25), masteries(0.8, null, 0.4, null));
        assertThat(f.readiness()).isCloseTo(0.72, within(1e-9));
        assertThat(f.coverage()).isCloseTo(0.625, within(1e-9));
    }

    @Test
    void nothingEvidenced() {
        var f = Methodology.function(List.of(1.0, 0.5), masteries(null, null));
        assertThat(f.readiness()).isNull();
        assertThat(f.coverage()).isEqualTo(0.0);
    }

    @Test
    void noMappings() {
        var f = Methodology.function(List.of(), List.of());
        assertThat(f.readiness()).isNull();
        assertThat(f.coverage()).isEqualTo(0.0);
    }

    // --- codes -------------------------------------------------------------------------------

    @Test
    void cyrillicLettersInFunctionCodesBecomeLatin() {
        assertThat(FunctionCodes.normalize("А/01.3")).isEqualTo("A/01.3"); // Cyrillic А
        assertThat("А/01.3".charAt(0)).isEqualTo('\u0410');
        assertThat(FunctionCodes.normalize(" в / 02.4 ")).isEqualTo("B/02.4"); // lower-case Cyrillic в, spaces
        assertThat(FunctionCodes.normalize("С")).isEqualTo("C");
        assertThat(FunctionCodes.normalize("A/01.3")).isEqualTo("A/01.3");
    }
}
