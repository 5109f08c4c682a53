package ru.workready.api.students;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * One result in a student's evidence history, with the upload and row it came from; {@code current} is false
 * when a later result of the same outcome (or ОТФ) and kind supersedes it.
 */
record EvidenceView(long id, long uploadId, int rowNumber, @Nullable String outcomeCode,
                    @Nullable String standardCode, @Nullable String generalizedFunctionCode, EvidenceKind kind,
                    @Nullable Integer grade, @Nullable BigDecimal points, @Nullable BigDecimal maxPoints,
                    @Nullable Boolean passed, LocalDate assessedOn, int attempt, @Nullable String assessor,
                    @Nullable String certificateNumber, @Nullable String conclusion, @Nullable Integer place,
                    @Nullable String comment, OffsetDateTime recordedAt, boolean current) {

    static EvidenceView from(EvidenceRepository.EvidenceRecord e) {
        return new EvidenceView(e.id(), e.uploadId(), e.rowNumber(), e.outcomeCode(), e.standardCode(),
                e.generalizedFunctionCode(), e.kind(), e.grade(), e.points(), e.maxPoints(), e.passed(),
                e.assessedOn(), e.attempt(), e.assessor(), e.certificateNumber(), e.conclusion(), e.place(),
                e.comment(), e.recordedAt(), e.current());
    }
}
