package ru.workready.rules.defaultpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.GeneralizedScore;
import ru.workready.engine.scoring.Methodology;
import ru.workready.engine.scoring.ReadinessEvaluator;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * The engine's Readiness evaluator with the shipped rules, on a small hand-built standard whose
 * numbers are worked out by hand below. Programme level 4.
 *
 * <pre>
 * Mastery (kind weights: course 1, practice 2, module exam 2, demo exam 3, НОК 4)
 *   O1: course grade 4 (0.75, w1) + demo exam 80/100 (0.8, w3)        = (0.75 + 2.4) / 4 = 0.7875
 *   O2: course grade 3 (0.5, w1) + module exam 2 then retake 4 (0.75, w2) = (0.5 + 1.5) / 3 = 0.666…
 *   O3: employer practice passed (1.0, w2)                            = 1.0
 *   O4: course grade 2 (0.0, w1)                                      = 0.0
 *   O5: no evidence
 * Functions
 *   A/01.3  O1 exact 1, O2 part-of 0.5   r = (0.7875 + 0.5·0.666…) / 1.5 = 0.747222…  cov 1    PARTIALLY_READY
 *   A/02.3  O3 exact 1, O5 related 0.5   r = 1.0                         cov 1/1.5 = 0.667   READY
 *   A/03.3  O3 exact 1, O4 part-of 0.2 critical   r = 1 / 1.2 = 0.8333…  cov 1    capped PARTIALLY_READY
 *   A/04.3  O5 exact 1, O1 related 0.5   r = 0.7875                      cov 0.5/1.5 = 0.333 INSUFFICIENT_EVIDENCE
 *   A/05.3  nothing mapped                                                          UNMAPPED
 *   A/06.3  O4 exact 1                   r = 0                           cov 1    NOT_READY
 *   B/01.5  O1 exact 1                   level 5 > 4                              ABOVE_PROGRAMME_LEVEL
 *   C/01.4  O4 exact 1                   r = 0, but НОК for C failed then passed  READY (certified)
 * ОТФ A: mean of the five scored r = (0.747222 + 1 + 0.833333 + 0.7875 + 0) / 5 = 0.673611…, weakest NOT_READY
 * </pre>
 */
class ReadinessEvaluatorTest {

    private static final LocalDate D = LocalDate.of(2025, 1, 15);
    private static StudentReadiness result;
    private static Map<String, FunctionScore> byCode;

    @BeforeAll
    static void evaluate() {
        ProfessionalStandard standard = new ProfessionalStandard("06.001", "Программист", "4", "679н",
                LocalDate.of(2022, 2, 20), "Разработка ПО", List.of(
                new GeneralizedFunction("A", "Разработка и отладка программного кода", 3, List.of("Программист"),
                        List.of(tf("A/01.3"), tf("A/02.3"), tf("A/03.3"), tf("A/04.3"), tf("A/05.3"),
                                tf("A/06.3"))),
                new GeneralizedFunction("B", "Проектирование", 5, List.of("Архитектор"), List.of(tf("B/01.5"))),
                new GeneralizedFunction("C", "Интеграция", 4, List.of("Программист"), List.of(tf("C/01.4")))));

        List<Mapping> mappings = List.of(
                new Mapping("O1", "A/01.3", MappingType.EXACT, 1.0, false),
                new Mapping("O2", "A/01.3", MappingType.PART_OF, 0.5, false),
                new Mapping("O3", "A/02.3", MappingType.EXACT, 1.0, false),
                new Mapping("O5", "A/02.3", MappingType.RELATED, 0.5, false),
                new Mapping("O3", "A/03.3", MappingType.EXACT, 1.0, false),
                new Mapping("O4", "A/03.3", MappingType.PART_OF, 0.2, true),
                new Mapping("O5", "A/04.3", MappingType.EXACT, 1.0, false),
                new Mapping("O1", "A/04.3", MappingType.RELATED, 0.5, false),
                new Mapping("O4", "A/06.3", MappingType.EXACT, 1.0, false),
                new Mapping("O1", "B/01.5", MappingType.EXACT, 1.0, false),
                new Mapping("O4", "C/01.4", MappingType.EXACT, 1.0, false));

        List<Evidence> evidence = List.of(
                Evidence.forOutcome(1, "s1", "O1", EvidenceKind.COURSE_GRADE, new AssessmentResult.Grade(4), D),
                Evidence.forOutcome(2, "s1", "O1", EvidenceKind.DEMO_EXAM, new AssessmentResult.Points(80, 100), D),
                Evidence.forOutcome(3, "s1", "O2", EvidenceKind.COURSE_GRADE, new AssessmentResult.Grade(3), D),
                Evidence.forOutcome(4, "s1", "O2", EvidenceKind.MODULE_EXAM, new AssessmentResult.Grade(2), D),
                Evidence.forOutcome(5, "s1", "O2", EvidenceKind.MODULE_EXAM, new AssessmentResult.Grade(4),
                        D.plusMonths(1)),
                Evidence.forOutcome(6, "s1", "O3", EvidenceKind.EMPLOYER_PRACTICE, new AssessmentResult.PassFail(true),
                        D),
                Evidence.forOutcome(7, "s1", "O4", EvidenceKind.COURSE_GRADE, new AssessmentResult.Grade(2), D),
                new Evidence(8, "s1", null, EvidenceKind.INDEPENDENT_ASSESSMENT, new AssessmentResult.PassFail(false),
                        D, 1, "ЦОК", "06.001", "C"),
                new Evidence(9, "s1", null, EvidenceKind.INDEPENDENT_ASSESSMENT, new AssessmentResult.PassFail(true),
                        D.plusMonths(2), 2, "ЦОК", "06.001", "C"));

        ReadinessEvaluator readiness = new ReadinessEvaluator(RuleHarness.kieBase(), "default@1", Methodology.defaults());
        result = readiness.evaluate(new ScoringInput("s1", standard, 4, mappings, evidence, D.plusMonths(6)));
        byCode = result.functions().stream().collect(Collectors.toMap(FunctionScore::code, Function.identity()));
    }

    private static LabourFunction tf(String code) {
        return new LabourFunction(code, "ТФ " + code, Integer.parseInt(code.substring(code.indexOf('.') + 1)),
                List.of());
    }

    private static void assertFunction(String code, Double readiness, double coverage, ReadinessLevel level,
                                       String rule) {
        FunctionScore s = byCode.get(code);
        assertThat(s).as(code).isNotNull();
        if (readiness == null) {
            assertThat(s.readiness()).as(code + " readiness").isNull();
        } else {
            assertThat(s.readiness()).as(code + " readiness").isCloseTo(readiness, within(1e-9));
        }
        assertThat(s.coverage()).as(code + " coverage").isCloseTo(coverage, within(1e-9));
        assertThat(s.level()).as(code + " level").isEqualTo(level);
        assertThat(s.rules()).as(code + " rules").containsExactly(rule);
        assertThat(s.reason()).as(code + " reason").isNotBlank();
    }

    @Test
    void everyFunctionIsScoredOnce() {
        assertThat(result.studentId()).isEqualTo("s1");
        assertThat(result.ruleSetVersion()).isEqualTo("default@1");
        assertThat(result.functions()).extracting(FunctionScore::code).containsExactly(
                "A/01.3", "A/02.3", "A/03.3", "A/04.3", "A/05.3", "A/06.3", "B/01.5", "C/01.4");
    }

    @Test
    void justBelowReadyIsPartiallyReady() {
        assertFunction("A/01.3", (0.7875 + 0.5 * 2.0 / 3.0) / 1.5, 1.0, ReadinessLevel.PARTIALLY_READY,
                "Partially ready");
        assertThat(byCode.get("A/01.3").readiness()).isCloseTo(0.747222222, within(1e-9));
    }

    @Test
    void unevidencedRelatedOutcomeLowersCoverageOnly() {
        assertFunction("A/02.3", 1.0, 1.0 / 1.5, ReadinessLevel.READY, "Ready");
    }

    @Test
    void failedCriticalOutcomeCapsAtPartiallyReady() {
        assertFunction("A/03.3", 1.0 / 1.2, 1.0, ReadinessLevel.PARTIALLY_READY,
                "Critical outcome caps at partially ready");
        assertThat(byCode.get("A/03.3").reason()).isEqualTo("Readiness 0.83 would be READY, but a critical outcome"
                + " has mastery below 0.5 or no evidence. Critical outcomes: O4: mastery 0.00 < 0.5.");
    }

    @Test
    void lowCoverageIsInsufficientEvidence() {
        assertFunction("A/04.3", 0.7875, 0.5 / 1.5, ReadinessLevel.INSUFFICIENT_EVIDENCE, "Insufficient evidence");
        assertThat(byCode.get("A/04.3").reason()).isEqualTo("Only 33% of the mapped outcomes (by weight) have evidence;"
                + " 60% is needed. Missing 67% of the weight: no evidence for O5.");
    }

    @Test
    void unmapped() {
        assertFunction("A/05.3", null, 0.0, ReadinessLevel.UNMAPPED, "Unmapped function");
    }

    @Test
    void notReady() {
        assertFunction("A/06.3", 0.0, 1.0, ReadinessLevel.NOT_READY, "Not ready");
    }

    @Test
    void aboveProgrammeLevelIsNotScored() {
        assertFunction("B/01.5", null, 1.0, ReadinessLevel.ABOVE_PROGRAMME_LEVEL, "Above programme level");
    }

    @Test
    void latestPassedIndependentAssessmentCertifies() {
        // the certification, not the college marks (0.0 here), is what is reported: readiness 1.0;
        // the marks stay visible in the explanation
        assertFunction("C/01.4", 1.0, 1.0, ReadinessLevel.READY, "Certified by independent assessment");
        assertThat(byCode.get("C/01.4").outcomes().get(0).mastery()).isEqualTo(0.0);
        // the reason names the certificate: the passed retake, not the failed first attempt
        assertThat(byCode.get("C/01.4").reason()).isEqualTo("Passed an independent qualification assessment covering"
                + " 06.001/C. Certificate: result 9 of 2025-03-15, assessor ЦОК.");
    }

    @Test
    void reasonsWithoutSpecificsStayTheRulesSentence() {
        assertThat(byCode.get("A/01.3").reason()).isEqualTo("Readiness 0.75 is between 0.5 and 0.75.");
        assertThat(byCode.get("A/05.3").reason()).isEqualTo("No programme outcome is mapped to this function.");
    }

    @Test
    void generalizedFunctionRollup() {
        Map<String, GeneralizedScore> g = result.generalizedFunctions().stream()
                .collect(Collectors.toMap(GeneralizedScore::code, Function.identity()));
        double expectedA = ((0.7875 + 0.5 * 2.0 / 3.0) / 1.5 + 1.0 + 1.0 / 1.2 + 0.7875 + 0.0) / 5;
        assertThat(expectedA).isCloseTo(0.673611111, within(1e-9));
        assertThat(g.get("A").readiness()).isCloseTo(expectedA, within(1e-9));
        assertThat(g.get("A").level()).isEqualTo(ReadinessLevel.NOT_READY);
        assertThat(g.get("A").scoredFunctions()).isEqualTo(5);
        assertThat(g.get("B").readiness()).isNull();
        assertThat(g.get("B").level()).isNull();
        assertThat(g.get("B").scoredFunctions()).isZero();
        assertThat(g.get("C").level()).isEqualTo(ReadinessLevel.READY);
        assertThat(g.get("C").readiness()).isEqualTo(1.0);
        assertThat(g.get("C").scoredFunctions()).isEqualTo(1);
    }
}
