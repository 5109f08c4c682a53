package ru.workready.api.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.scoring.EvidenceContribution;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.OutcomeContribution;
import ru.workready.engine.scoring.ReadinessEvaluator;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Every reason the shipped rule sets write — the level's reason with the engine's specifics, the reasons of
 * excluded and reweighted results — has a Russian text with no English left, whatever the student: the kbases
 * `default` and `region-example` are driven over seeded random students.
 */
class ShippedReasonsInRussianTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    private static final Map<String, ReadinessEvaluator> RULE_SETS = Map.of(
            "default", readiness("default", Map.of("staleAfterYears", 5.0)),
            "region-example", readiness("region-example",
                    Map.of("staleAfterYears", 5.0, "championshipWeight", 4.0, "demoExamValidYears", 2.0)));
    private static final Set<String> RULES_SEEN = new TreeSet<>();
    private static final Set<ReadinessLevel> LEVELS_SEEN = EnumSet.noneOf(ReadinessLevel.class);

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 20261205L + i);
    }

    private static ReadinessEvaluator readiness(String kbase, Map<String, Double> parameters) {
        KieBase base = KieServices.Factory.get().getKieClasspathContainer().getKieBase(kbase);
        return new ReadinessEvaluator(base, kbase + "@1", parameters);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyReasonOfARandomStudentReadsInRussian(long seed) {
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        ProfessionalStandard standard = standard(random);
        List<Mapping> mappings = mappings(random, standard);
        List<Evidence> evidence = evidence(random);
        for (ReadinessEvaluator readiness : RULE_SETS.values()) {
            for (FunctionScore f : readiness.evaluate(new ScoringInput("s" + seed, standard, 4, mappings, evidence,
                    AS_OF)).functions()) {
                RULES_SEEN.add(f.decidedBy());
                LEVELS_SEEN.add(f.level());
                assertRussian(f.reason());
                assertThat(Russian.reason(f)).doesNotContainPattern("[A-Za-z]{2,}");
                for (OutcomeContribution o : f.outcomes()) {
                    for (EvidenceContribution e : o.evidence()) {
                        if (e.reason() != null) {
                            RULES_SEEN.add(e.rule());
                            assertRussian(e.reason());
                            if (e.reasonRu() != null) { // the rule's own Russian, as the API answers it
                                assertRussian(e.reasonRu());
                            }
                        }
                    }
                }
            }
        }
    }

    @AfterAll
    static void theInputsReachedEveryRule() {
        assertThat(LEVELS_SEEN).containsAll(EnumSet.allOf(ReadinessLevel.class));
        assertThat(RULES_SEEN).contains("Critical outcome caps at partially ready", "Certified by independent assessment",
                "Insufficient evidence", "Stale evidence excluded", "Championship weighs more", "Demo exam expires");
    }

    static void assertRussian(String english) {
        String russian = Russian.text(english);
        // outcome codes (ПК 2.5), a standard's code (06.001) and its ОТФ letter keep their form; words and decimals may not
        String words = russian.replaceAll("\\d{2}\\.\\d{2}\\.\\d{4}", "").replaceAll("ПК \\d+\\.\\d+", "")
                .replaceAll("\\d{2}\\.\\d{3}", "");
        assertThat(words).as(english + " → " + russian).doesNotContainPattern("[A-Za-z]{2,}")
                .doesNotContainPattern("\\d\\.\\d");
    }

    private static ProfessionalStandard standard(Random random) {
        List<GeneralizedFunction> generalized = new ArrayList<>();
        for (String g : List.of("A", "B", "C")) {
            int level = 3 + random.nextInt(3);
            List<LabourFunction> functions = new ArrayList<>();
            for (int i = 1; i <= 2 + random.nextInt(4); i++) {
                String code = g + "/0" + i + "." + level;
                functions.add(new LabourFunction(code, "ТФ " + code, level, List.of()));
            }
            generalized.add(new GeneralizedFunction(g, "ОТФ " + g, level, List.of("Специалист"), functions));
        }
        return new ProfessionalStandard("06.001", "Программист", "4", "679н", LocalDate.of(2022, 2, 20),
                "Разработка ПО", generalized);
    }

    private static List<Mapping> mappings(Random random, ProfessionalStandard standard) {
        List<Mapping> mappings = new ArrayList<>();
        for (GeneralizedFunction g : standard.generalizedFunctions()) {
            for (LabourFunction f : g.functions()) {
                int n = random.nextInt(5);
                Set<String> outcomes = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    outcomes.add(outcome(random));
                }
                for (String o : outcomes) {
                    MappingType type = MappingType.values()[random.nextInt(MappingType.values().length)];
                    double weight = type == MappingType.RELATED ? 0.5 : 0.2 + random.nextInt(5) * 0.2;
                    mappings.add(new Mapping(o, f.code(), type, Math.min(1.0, weight), random.nextInt(4) == 0));
                }
            }
        }
        return mappings;
    }

    private static List<Evidence> evidence(Random random) {
        List<Evidence> evidence = new ArrayList<>();
        long sequence = 1;
        for (int i = 0; i < 4 + random.nextInt(12); i++) {
            EvidenceKind kind = EvidenceKind.values()[random.nextInt(EvidenceKind.values().length - 1)];
            LocalDate on = AS_OF.minusDays(random.nextInt(365 * 8));
            evidence.add(Evidence.forOutcome(sequence++, "s", outcome(random), kind, result(random, kind), on));
        }
        if (random.nextInt(3) == 0) {
            String assessor = random.nextBoolean() ? "ЦОК «Информационные технологии»" : null;
            evidence.add(new Evidence(sequence, "s", null, EvidenceKind.INDEPENDENT_ASSESSMENT,
                    new AssessmentResult.PassFail(random.nextInt(4) > 0), AS_OF.minusDays(random.nextInt(900)), 1,
                    assessor, "06.001", List.of("A", "B", "C").get(random.nextInt(3))));
        }
        return evidence;
    }

    private static AssessmentResult result(Random random, EvidenceKind kind) {
        return switch (kind) {
            case EMPLOYER_PRACTICE -> new AssessmentResult.PassFail(random.nextBoolean());
            case DEMO_EXAM, CHAMPIONSHIP -> new AssessmentResult.Points(random.nextInt(101), 100);
            default -> new AssessmentResult.Grade(2 + random.nextInt(4));
        };
    }

    private static String outcome(Random random) {
        return "ПК " + (1 + random.nextInt(3)) + "." + (1 + random.nextInt(4));
    }
}
