package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.Evidence;

/**
 * What decided a level for this student, appended to the deciding rule's general sentence: the certificate (НОК)
 * that certified the generalized function, the mapped outcomes without evidence behind too little coverage, the
 * critical outcomes below the mastery the rule asked for. The rules decide; the facts and the text are Java's,
 * so every rule set — DRL, decision table, uploaded — gets them. The sentences are fixed English patterns that
 * the API's Russian catalogue translates.
 */
public final class ReasonSpecifics {
    /** Outcomes listed by name before "and N more": a reason is one line on a page. */
    static final int LISTED = 5;

    private ReasonSpecifics() {
    }

    /**
     * The rule's reason followed by the specifics that apply to its decision.
     *
     * @param certificate the latest counted certification of the function's generalized function, if any
     */
    public static String reason(LevelDecision decision, FunctionFacts facts, List<OutcomeContribution> outcomes,
                                @Nullable Evidence certificate) {
        return reason(decision.reason(), decision, facts, outcomes, certificate);
    }

    /** The given sentence of the rule (its English or its Russian) followed by the specifics of the decision. */
    public static String reason(String general, LevelDecision decision, FunctionFacts facts,
                                List<OutcomeContribution> outcomes, @Nullable Evidence certificate) {
        StringBuilder reason = new StringBuilder(general);
        if (certificate != null && facts.certified() && decision.level() == ReadinessLevel.READY) {
            append(reason, certificate(certificate));
        }
        if (decision.level() == ReadinessLevel.INSUFFICIENT_EVIDENCE) {
            append(reason, missing(facts.coverage(), outcomes));
        }
        if (decision.criticalBelow() != null) {
            append(reason, critical(decision.criticalBelow(), outcomes));
        }
        return reason.toString();
    }

    /** "Certificate: result 12 of 2026-06-01, assessor ЦОК-1." */
    static String certificate(Evidence e) {
        return "Certificate: result " + e.sequence() + " of " + e.assessedOn()
                + (e.assessor() == null || e.assessor().isBlank() ? "" : ", assessor " + e.assessor().strip()) + ".";
    }

    /** "Missing 45% of the weight: no evidence for ПК 1.1, ПК 1.3." */
    static @Nullable String missing(double coverage, List<OutcomeContribution> outcomes) {
        List<String> unevidenced = new ArrayList<>();
        for (OutcomeContribution o : outcomes) {
            if (o.mastery() == null) {
                unevidenced.add(o.outcomeCode());
            }
        }
        if (unevidenced.isEmpty()) {
            return null;
        }
        // the complement of the percentage the general sentence shows, so the two add up to 100
        long missing = 100 - Math.round(coverage * 100);
        return "Missing " + missing + "% of the weight: no evidence for " + listed(unevidenced) + ".";
    }

    /** "Critical outcomes: ПК 2.5: mastery 0.48 < 0.5; ПК 2.6: no evidence." */
    static @Nullable String critical(double below, List<OutcomeContribution> outcomes) {
        List<String> weak = new ArrayList<>();
        for (OutcomeContribution o : outcomes) {
            if (!o.critical()) {
                continue;
            }
            if (o.mastery() == null) {
                weak.add(o.outcomeCode() + ": no evidence");
            } else if (o.mastery() < below) {
                weak.add(o.outcomeCode() + ": mastery " + down2(o.mastery()) + " < " + Texts.number(below));
            }
        }
        return weak.isEmpty() ? null : "Critical outcomes: " + String.join("; ", weak) + ".";
    }

    /** Two decimals rounded down: a mastery of 0.498 below 0.5 must not read "0.50 < 0.5". */
    private static String down2(double v) {
        return Texts.decimal2(Math.floor(v * 100 + 1e-9) / 100);
    }

    private static String listed(List<String> codes) {
        if (codes.size() <= LISTED) {
            return String.join(", ", codes);
        }
        return String.join(", ", codes.subList(0, LISTED)) + " and " + (codes.size() - LISTED) + " more";
    }

    private static void append(StringBuilder reason, @Nullable String specifics) {
        if (specifics != null) {
            reason.append(' ').append(specifics);
        }
    }
}
