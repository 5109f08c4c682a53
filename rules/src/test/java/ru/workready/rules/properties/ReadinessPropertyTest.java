package ru.workready.rules.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.GeneralizedScore;
import ru.workready.engine.scoring.ReadinessEvaluator;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Properties of the whole evaluator (Java sums + the shipped `default` rules with its parameters),
 * on seeded random students; the seed is in every failure message.
 */
class ReadinessPropertyTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);
    static final ReadinessEvaluator READINESS = new ReadinessEvaluator(
            KieServices.Factory.get().getKieClasspathContainer().getKieBase("default"), "default-1",
            Map.of("staleAfterYears", 5.0));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 150);
    }

    static final ProfessionalStandard STANDARD = new ProfessionalStandard("99.001", "Test", "1", "1н",
            LocalDate.of(2020, 1, 1), "test", List.of(
            new GeneralizedFunction("A", "A", 3, List.of(), List.of(tf("A/01.3"), tf("A/02.3"), tf("A/03.3"))),
            new GeneralizedFunction("B", "B", 4, List.of(), List.of(tf("B/01.4"), tf("B/02.4"))),
            new GeneralizedFunction("C", "C", 5, List.of(), List.of(tf("C/01.5")))));

    private static LabourFunction tf(String code) {
        return new LabourFunction(code, code, Integer.parseInt(code.substring(code.length() - 1)), List.of());
    }

    static ScoringInput randomInput(Random random) {
        List<Mapping> mappings = new ArrayList<>();
        List<String> functions = List.of("A/01.3", "A/02.3", "A/03.3", "B/01.4", "B/02.4", "C/01.5");
        for (String f : functions) {
            int n = random.nextInt(4); // sometimes unmapped
            Set<String> used = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String o = "O" + random.nextInt(8);
                if (used.add(o)) {
                    MappingType type = MappingType.values()[random.nextInt(MappingType.values().length)];
                    double w = type == MappingType.RELATED ? 0.1 + random.nextDouble() * 0.4 : 0.1 + random.nextDouble() * 0.9;
                    mappings.add(new Mapping(o, f, type, w, random.nextInt(5) == 0));
                }
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            evidence.add(randomEvidence(random, i + 1));
        }
        return new ScoringInput("p", STANDARD, 4, mappings, evidence, AS_OF);
    }

    static Evidence randomEvidence(Random random, long seq) {
        LocalDate on = AS_OF.minusDays(random.nextInt(365 * 7));
        int attempt = 1 + random.nextInt(3);
        if (random.nextInt(12) == 0) {
            return new Evidence(seq, "p", null, EvidenceKind.INDEPENDENT_ASSESSMENT,
                    new AssessmentResult.PassFail(random.nextBoolean()), on, attempt, null, "99.001",
                    random.nextBoolean() ? "A" : "B");
        }
        EvidenceKind kind = EvidenceKind.values()[random.nextInt(EvidenceKind.values().length)];
        AssessmentResult result = switch (random.nextInt(3)) {
            case 0 -> new AssessmentResult.Grade(2 + random.nextInt(4));
            case 1 -> new AssessmentResult.Points(random.nextInt(101), 100);
            default -> new AssessmentResult.PassFail(random.nextBoolean());
        };
        return new Evidence(seq, "p", "O" + random.nextInt(8), kind, result, on, attempt, null, null, null);
    }

    static AssessmentResult better(AssessmentResult r, Random random) {
        if (r instanceof AssessmentResult.Grade g) {
            return new AssessmentResult.Grade(Math.min(5, g.value() + 1 + random.nextInt(2)));
        }
        if (r instanceof AssessmentResult.Points p) {
            return new AssessmentResult.Points(Math.min(p.max(), p.points() + 1 + random.nextInt(30)), p.max());
        }
        return new AssessmentResult.PassFail(true);
    }

    private static Map<String, FunctionScore> byCode(StudentReadiness r) {
        Map<String, FunctionScore> m = new HashMap<>();
        r.functions().forEach(f -> m.put(f.code(), f));
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aBetterResultNeverLowersAScore(long seed) {
        Random random = new Random(seed);
        ScoringInput in = randomInput(random);
        if (in.evidence().isEmpty()) {
            return;
        }
        List<Evidence> improved = new ArrayList<>(in.evidence());
        int i = random.nextInt(improved.size());
        Evidence e = improved.get(i);
        improved.set(i, new Evidence(e.sequence(), e.studentId(), e.outcomeCode(), e.kind(), better(e.result(), random),
                e.assessedOn(), e.attempt(), e.assessor(), e.standardCode(), e.generalizedFunctionCode()));
        Map<String, FunctionScore> before = byCode(READINESS.evaluate(in));
        StudentReadiness afterAll = READINESS.evaluate(new ScoringInput("p", STANDARD, 4, in.mappings(), improved, AS_OF));
        Map<String, FunctionScore> after = byCode(afterAll);
        before.forEach((code, b) -> {
            FunctionScore a = after.get(code);
            if (b.readiness() != null) {
                assertThat(a.readiness()).as("seed %d, %s readiness after improving %s", seed, code, e)
                        .isNotNull().isGreaterThanOrEqualTo(b.readiness() - 1e-9);
            }
            if (b.level().scored() && a.level().scored() && b.coverage() >= 0.6) {
                assertThat(a.level().strength()).as("seed %d, %s level %s → %s", seed, code, b.level(), a.level())
                        .isGreaterThanOrEqualTo(b.level().strength());
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingEvidenceNeverLowersCoverage(long seed) {
        Random random = new Random(seed);
        ScoringInput in = randomInput(random);
        ScoringInput more = in.withExtraEvidence(List.of(randomEvidence(random, 1000), randomEvidence(random, 1001)));
        Map<String, FunctionScore> before = byCode(READINESS.evaluate(in));
        Map<String, FunctionScore> after = byCode(READINESS.evaluate(more));
        before.forEach((code, b) -> assertThat(after.get(code).coverage())
                .as("seed %d, %s coverage", seed, code).isGreaterThanOrEqualTo(b.coverage() - 1e-9));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scoresStayInTheUnitInterval(long seed) {
        StudentReadiness r = READINESS.evaluate(randomInput(new Random(seed)));
        for (FunctionScore f : r.functions()) {
            assertThat(f.coverage()).as("seed %d, %s coverage", seed, f.code()).isBetween(0.0, 1.0);
            if (f.readiness() != null) {
                assertThat(f.readiness()).as("seed %d, %s readiness", seed, f.code()).isBetween(0.0, 1.0);
            }
            f.outcomes().forEach(o -> {
                if (o.mastery() != null) {
                    assertThat(o.mastery()).as("seed %d, mastery", seed).isBetween(0.0, 1.0);
                }
            });
        }
        for (GeneralizedScore g : r.generalizedFunctions()) {
            if (g.readiness() != null) {
                assertThat(g.readiness()).as("seed %d, ОТФ %s", seed, g.code()).isBetween(0.0, 1.0);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void permutingInputOrderChangesNothing(long seed) {
        Random random = new Random(seed);
        ScoringInput in = randomInput(random);
        List<Evidence> evidence = new ArrayList<>(in.evidence());
        List<Mapping> mappings = new ArrayList<>(in.mappings());
        Collections.shuffle(evidence, random);
        Collections.shuffle(mappings, random);
        StudentReadiness a = READINESS.evaluate(in);
        StudentReadiness b = READINESS.evaluate(new ScoringInput("p", STANDARD, 4, mappings, evidence, AS_OF));
        assertThat(b.generalizedFunctions()).as("seed %d", seed).isEqualTo(a.generalizedFunctions());
        Map<String, FunctionScore> x = byCode(a);
        byCode(b).forEach((code, f) -> {
            FunctionScore g = x.get(code);
            assertThat(f.readiness()).as("seed %d, %s", seed, code).isEqualTo(g.readiness());
            assertThat(f.coverage()).as("seed %d, %s", seed, code).isEqualTo(g.coverage());
            assertThat(f.level()).as("seed %d, %s", seed, code).isEqualTo(g.level());
            assertThat(f.decidedBy()).as("seed %d, %s", seed, code).isEqualTo(g.decidedBy());
            assertThat(new HashSet<>(f.rules())).as("seed %d, %s", seed, code).isEqualTo(new HashSet<>(g.rules()));
            assertThat(f.outcomes()).as("seed %d, %s", seed, code).containsExactlyInAnyOrderElementsOf(g.outcomes());
        });
    }
}
