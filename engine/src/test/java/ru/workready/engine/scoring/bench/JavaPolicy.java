package ru.workready.engine.scoring.bench;

import java.util.ArrayList;
import java.util.List;
import ru.workready.engine.scoring.CriticalOutcome;
import ru.workready.engine.scoring.EvidenceExcluded;
import ru.workready.engine.scoring.EvidenceFacts;
import ru.workready.engine.scoring.FunctionFacts;
import ru.workready.engine.scoring.LevelDecision;
import ru.workready.engine.scoring.Policy;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.RuleParameter;
import ru.workready.engine.scoring.Texts;

/**
 * The plain-Java baseline: the `default` rule set's policy written as if/else, plugged into the
 * same evaluator, so that baseline and product compute the same results with the same arithmetic.
 */
public final class JavaPolicy implements Policy {

    @Override
    public Run start(List<RuleParameter> parameters) {
        double stale = Double.POSITIVE_INFINITY;
        for (RuleParameter p : parameters) {
            if (p.name().equals("staleAfterYears")) {
                stale = p.value();
            }
        }
        double staleAfterYears = stale;
        return new Run() {
            @Override
            public Verdicts judge(List<EvidenceFacts> evidence) {
                List<EvidenceExcluded> excluded = new ArrayList<>();
                for (EvidenceFacts e : evidence) {
                    if (e.ageYears() > staleAfterYears) {
                        excluded.add(new EvidenceExcluded(e.sequence(), "Stale evidence excluded", "Assessed "
                                + Texts.decimal1(e.ageYears()) + " years ago; results older than "
                                + Texts.number(staleAfterYears) + " years do not count."));
                    }
                }
                return new Verdicts(excluded, List.of());
            }

            @Override
            public List<LevelDecision> decide(List<FunctionFacts> functions, List<CriticalOutcome> critical) {
                List<LevelDecision> result = new ArrayList<>(functions.size());
                for (FunctionFacts f : functions) {
                    result.add(level(f, critical));
                }
                return result;
            }

            @Override
            public void close() {
            }
        };
    }

    private static LevelDecision level(FunctionFacts f, List<CriticalOutcome> critical) {
        if (f.certified()) {
            return new LevelDecision(f.code(), ReadinessLevel.READY, "Certified by independent assessment",
                    "Passed an independent qualification assessment covering " + f.standardCode() + "/"
                            + f.generalizedCode() + ".", 1.0);
        }
        if (f.qualificationLevel() > f.programmeLevel()) {
            return new LevelDecision(f.code(), ReadinessLevel.ABOVE_PROGRAMME_LEVEL, "Above programme level",
                    "Qualification level " + f.qualificationLevel() + " is above the programme level "
                            + f.programmeLevel() + ".");
        }
        if (!f.mapped()) {
            return new LevelDecision(f.code(), ReadinessLevel.UNMAPPED, "Unmapped function",
                    "No programme outcome is mapped to this function.");
        }
        if (f.coverage() < 0.6) {
            return new LevelDecision(f.code(), ReadinessLevel.INSUFFICIENT_EVIDENCE, "Insufficient evidence",
                    "Only " + Texts.percent(f.coverage())
                            + " of the mapped outcomes (by weight) have evidence; 60% is needed.");
        }
        if (f.readiness() >= 0.75) {
            for (CriticalOutcome c : critical) {
                if (c.functionCode().equals(f.code()) && (!c.evidenced() || c.mastery() < 0.5)) {
                    return new LevelDecision(f.code(), ReadinessLevel.PARTIALLY_READY,
                            "Critical outcome caps at partially ready", "Readiness " + Texts.decimal2(f.readiness())
                            + " would be READY, but a critical outcome has mastery below 0.5 or no evidence.", null, 0.5);
                }
            }
            return new LevelDecision(f.code(), ReadinessLevel.READY, "Ready", "Readiness "
                    + Texts.decimal2(f.readiness()) + " is at least 0.75 with " + Texts.percent(f.coverage())
                    + " coverage.");
        }
        if (f.readiness() >= 0.5) {
            return new LevelDecision(f.code(), ReadinessLevel.PARTIALLY_READY, "Partially ready",
                    "Readiness " + Texts.decimal2(f.readiness()) + " is between 0.5 and 0.75.");
        }
        return new LevelDecision(f.code(), ReadinessLevel.NOT_READY, "Not ready", "Readiness "
                + Texts.decimal2(f.readiness()) + " is below 0.5 with " + Texts.percent(f.coverage()) + " coverage.");
    }
}
