package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * A result row as {@link ResultRowCheck} read it. When {@link #valid()} every required value is
 * present and consistent; otherwise the values that could be read are kept (the references of a
 * bad row are still checked, so a file's problem list is complete) and the rest are null.
 *
 * @param outcomeCode         normalized; null for an independent assessment (НОК)
 * @param generalizedFunction the normalized ОТФ code of a НОК
 * @param grade               a grade 2–5, or a demonstration exam's grade from its points (DESIGN §3)
 */
public record CheckedRow(boolean valid, @Nullable EvidenceKind kind, @Nullable String outcomeCode,
                         @Nullable String standardCode, @Nullable String generalizedFunction,
                         @Nullable Integer grade, @Nullable BigDecimal points, @Nullable BigDecimal maxPoints,
                         @Nullable Boolean passed, @Nullable LocalDate assessedOn, @Nullable Integer attempt,
                         @Nullable Integer place, @Nullable String certificateNumber, @Nullable String conclusion) {

    public boolean independentAssessment() {
        return kind == EvidenceKind.INDEPENDENT_ASSESSMENT;
    }

    /** The result of a valid row. */
    public AssessmentResult result() {
        if (passed != null) {
            return new AssessmentResult.PassFail(passed);
        }
        if (points != null && maxPoints != null) {
            return new AssessmentResult.Points(points.doubleValue(), maxPoints.doubleValue());
        }
        if (grade == null) {
            throw new IllegalStateException("not a valid row: " + this);
        }
        return new AssessmentResult.Grade(grade);
    }

    /** The evidence of a valid row, for a student, arriving as {@code sequence}. */
    public Evidence evidence(long sequence, String studentId, @Nullable String assessor) {
        if (!valid || kind == null || assessedOn == null || attempt == null) {
            throw new IllegalStateException("not a valid row: " + this);
        }
        return new Evidence(sequence, studentId, outcomeCode, kind, result(), assessedOn, attempt, assessor,
                standardCode, generalizedFunction);
    }
}
