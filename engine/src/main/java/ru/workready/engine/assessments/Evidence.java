package ru.workready.engine.assessments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One assessment result of a student (свидетельство). Append-only: a retake is a new evidence.
 * It targets a programme outcome, or — for an independent qualification assessment (НОК) — the
 * generalized function of a professional standard that the qualification covers.
 *
 * @param sequence order of arrival, breaks ties between results of the same date and attempt
 */
public record Evidence(long sequence, String studentId, @Nullable String outcomeCode, EvidenceKind kind,
                       AssessmentResult result, LocalDate assessedOn, int attempt,
                       @Nullable String assessor, @Nullable String standardCode,
                       @Nullable String generalizedFunctionCode) {

    public static Evidence forOutcome(long sequence, String studentId, String outcomeCode, EvidenceKind kind,
                                      AssessmentResult result, LocalDate assessedOn) {
        return new Evidence(sequence, studentId, outcomeCode, kind, result, assessedOn, 1, null, null, null);
    }

    public boolean isCertification() {
        return kind == EvidenceKind.INDEPENDENT_ASSESSMENT && generalizedFunctionCode != null;
    }
}
