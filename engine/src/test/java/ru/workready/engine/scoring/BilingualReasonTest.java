package ru.workready.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/** A rule that carries its reason in Russian too: both sentences get the same specifics, the English stays. */
class BilingualReasonTest {
    private static final LocalDate D = LocalDate.of(2026, 6, 1);

    /** One rule: every function has too little evidence, said in both languages. */
    private static final Policy BILINGUAL = parameters -> new Policy.Run() {
        @Override
        public Policy.Verdicts judge(List<EvidenceFacts> evidence) {
            return new Policy.Verdicts(List.of(), List.of());
        }

        @Override
        public List<LevelDecision> decide(List<FunctionFacts> functions, List<CriticalOutcome> critical) {
            return functions.stream().map(f -> new LevelDecision(f.code(), ReadinessLevel.INSUFFICIENT_EVIDENCE,
                    "Too little", "Too little evidence.").inRussian("Слишком мало оценок.")).toList();
        }

        @Override
        public void close() {
        }
    };

    @Test
    void bothLanguagesGetTheSpecifics() {
        ProfessionalStandard standard = new ProfessionalStandard("06.001", "Программист", "4", "679н",
                LocalDate.of(2022, 2, 20), "Разработка ПО", List.of(new GeneralizedFunction("A", "ОТФ", 3,
                List.of("Программист"), List.of(new LabourFunction("A/01.3", "ТФ", 3, List.of())))));
        List<Mapping> mappings = List.of(new Mapping("ПК 1.1", "A/01.3", MappingType.EXACT, 1.0, false),
                new Mapping("ПК 1.2", "A/01.3", MappingType.EXACT, 1.0, false));
        List<Evidence> evidence = List.of(Evidence.forOutcome(1, "s", "ПК 1.1", EvidenceKind.COURSE_GRADE,
                new AssessmentResult.Grade(5), D));
        FunctionScore f = new ReadinessEvaluator(BILINGUAL, "bilingual@1", Map.of())
                .evaluate(new ScoringInput("s", standard, 4, mappings, evidence, D.plusDays(1))).functions().get(0);
        assertThat(f.reason()).isEqualTo("Too little evidence. Missing 50% of the weight: no evidence for ПК 1.2.");
        assertThat(f.reasonRu()).isEqualTo("Слишком мало оценок. Missing 50% of the weight: no evidence for ПК 1.2.");
    }

    @Test
    void aRuleWithoutRussianLeavesItToTheApi() {
        LevelDecision d = new LevelDecision("A/01.3", ReadinessLevel.READY, "r", "Fine.", 1.0);
        assertThat(d.reasonRu()).isNull();
        assertThat(d.inRussian("Хорошо.")).isEqualTo(new LevelDecision("A/01.3", ReadinessLevel.READY, "r", "Fine.",
                1.0, null, "Хорошо."));
        assertThat(Texts.comma(Texts.decimal2(0.5))).isEqualTo("0,50");
    }
}
