package ru.workready.engine.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * What the rules see about one current evidence (the latest attempt per outcome and kind, or
 * the latest НОК per qualification) before it enters the sums: the rules may exclude it
 * ({@link EvidenceExcluded}) or change its weight ({@link EvidenceReweighted}).
 *
 * @param ageYears years between the assessment and the evaluation date
 * @param score    normalized s ∈ [0, 1]
 * @param weight   the kind weight w of the rule set's methodology
 * @param grade    the grade 2–5 when the result is one, or the demonstration-exam grade from points; 0 otherwise
 */
public record EvidenceFacts(long sequence, @Nullable String outcomeCode, EvidenceKind kind, double ageYears,
                            double score, double weight, int grade, @Nullable String standardCode,
                            @Nullable String generalizedCode) {

    /** What the rules see of an evidence evaluated on {@code asOf}, with its kind's weight. */
    public static EvidenceFacts of(Evidence e, LocalDate asOf, double weight) {
        int grade = 0;
        if (e.result() instanceof AssessmentResult.Grade g) {
            grade = g.value();
        } else if (e.result() instanceof AssessmentResult.Points p && e.kind() == EvidenceKind.DEMO_EXAM) {
            grade = Methodology.demoExamGrade(p.points(), p.max());
        }
        double ageYears = ChronoUnit.DAYS.between(e.assessedOn(), asOf) / 365.25;
        return new EvidenceFacts(e.sequence(), e.outcomeCode(), e.kind(), ageYears, Methodology.normalize(e.result()),
                weight, grade, e.standardCode(), e.generalizedFunctionCode());
    }
}
