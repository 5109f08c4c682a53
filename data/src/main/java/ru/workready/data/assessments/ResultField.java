package ru.workready.data.assessments;

/**
 * The fields of a result row, named as each input spells them: the column of an assessment file
 * (CSV, XLSX, JSON upload) and the property of a JSON row (a what-if, a rule-set test case's results).
 * A problem names the field the way its input does; {@link ResultRowCheck} gives the same reason
 * whatever the input.
 */
public enum ResultField {
    STUDENT_ID("student_id", "studentId"),
    KIND("kind", "kind"),
    RESULT("result", "result"),
    ASSESSED_ON("assessed_on", "assessedOn"),
    PROGRAMME("programme", "programme"),
    OUTCOME_CODE("outcome_code", "outcomeCode"),
    MAX_POINTS("max_points", "maxPoints"),
    ATTEMPT("attempt", "attempt"),
    ASSESSOR("assessor", "assessor"),
    STANDARD_CODE("standard_code", "standardCode"),
    GENERALIZED_FUNCTION("generalized_function", "generalizedFunction"),
    CERTIFICATE_NUMBER("certificate_number", "certificateNumber"),
    CONCLUSION("conclusion", "conclusion"),
    PLACE("place", "place"),
    COMMENT("comment", "comment");

    private final String column;
    private final String property;

    ResultField(String column, String property) {
        this.column = column;
        this.property = property;
    }

    /** The column of an assessment file. */
    public String column() {
        return column;
    }

    /** The property of a JSON result row. */
    public String property() {
        return property;
    }
}
