package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A result row given as JSON (a what-if's extra result, a rule-set test case's result): the columns of
 * the assessment file as properties ({@link ResultField#property()}), numbers where JSON has them.
 * It is checked by {@link ResultRowCheck} like a row of a file.
 */
public record ResultRow(@Nullable String outcomeCode, @Nullable String kind, @Nullable String result,
                        @Nullable Double maxPoints, @Nullable String assessedOn, @Nullable Integer attempt,
                        @Nullable String standardCode, @Nullable String generalizedFunction,
                        @Nullable String certificateNumber, @Nullable String conclusion, @Nullable Integer place,
                        @Nullable String assessor, @Nullable String comment) {

    /**
     * The row's fields as a file gives its cells: trimmed text, null when absent or blank. A row without
     * assessedOn is dated {@code undated} when that is given (a what-if's or a test case's asOf).
     */
    public ResultRowCheck.Cells cells(@Nullable LocalDate undated) {
        return field -> switch (field) {
            case OUTCOME_CODE -> text(outcomeCode);
            case KIND -> text(kind);
            case RESULT -> text(result);
            case MAX_POINTS -> maxPoints == null ? null : number(maxPoints);
            case ASSESSED_ON -> text(assessedOn) == null && undated != null ? undated.toString() : text(assessedOn);
            case ATTEMPT -> attempt == null ? null : attempt.toString();
            case STANDARD_CODE -> text(standardCode);
            case GENERALIZED_FUNCTION -> text(generalizedFunction);
            case CERTIFICATE_NUMBER -> text(certificateNumber);
            case CONCLUSION -> text(conclusion);
            case PLACE -> place == null ? null : place.toString();
            case ASSESSOR -> text(assessor);
            case COMMENT -> text(comment);
            case STUDENT_ID, PROGRAMME -> null;
        };
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 100.0 as "100", as a file would write it; NaN and infinities as Java writes them (then refused). */
    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
