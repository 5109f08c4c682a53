package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.workready.data.Inputs;
import ru.workready.data.assessments.AssessmentLookups.ProgrammeRef;
import ru.workready.data.assessments.AssessmentLookups.StudentRef;
import ru.workready.data.csv.CsvReader;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.scoring.Methodology;
import ru.workready.engine.standards.FunctionCodes;

/**
 * The checks of one assessment row, the look-ups of the college's students, programmes, outcomes and the imported
 * ОТФ included: every problem of the row is reported (column, value, reason), and a row without problems comes out
 * with its values parsed for the COPY. One instance per upload: it remembers parsed codes and dates.
 */
final class AssessmentRowChecks {
    private static final Set<String> PASS = Set.of("pass", "passed", "зачтено", "сдал", "сдано", "да", "yes",
            "true");
    private static final Set<String> FAIL = Set.of("fail", "failed", "не зачтено", "не сдал", "не сдано", "нет", "no",
            "false");

    /** A row that passed every check, its values as they are stored. */
    record CheckedRow(StudentRef student, @Nullable Long outcomeId, @Nullable String outcome,
                      @Nullable String standardCode, @Nullable String gfCode, EvidenceKind kind, Result result,
                      @Nullable LocalDate date, @Nullable Integer attempt, @Nullable String certificate,
                      @Nullable String conclusion, @Nullable Integer place) {
    }

    /** The result as a grade, points out of a maximum, or pass/fail. */
    record Result(@Nullable Integer grade, @Nullable BigDecimal points, @Nullable BigDecimal max,
                  @Nullable Boolean passed) {
        static final Result NONE = new Result(null, null, null, null);
    }

    /** What was assessed: an outcome of the programme, or for a НОК the qualification (standard and ОТФ). */
    private record Assessed(@Nullable String outcome, @Nullable String standardCode, @Nullable String gfCode) {
    }

    private final AssessmentLookups lookups;
    private final String collegeCode;
    /** Results dated after it get a warning. */
    private final LocalDate today;
    /** Files repeat a few codes and dates a million times: parse each distinct text once. */
    private final ParseMemo<EvidenceKind> kinds = new ParseMemo<>();
    private final ParseMemo<String> outcomes = new ParseMemo<>();
    private final ParseMemo<LocalDate> dates = new ParseMemo<>();

    AssessmentRowChecks(AssessmentLookups lookups, String collegeCode, LocalDate today) {
        this.lookups = lookups;
        this.collegeCode = collegeCode;
        this.today = today;
    }

    /** The row's values, or null when the row or an earlier one of the file has a problem. */
    @Nullable CheckedRow check(CsvReader.Row row, Findings findings) {
        RowProblems check = new RowProblems(row, findings);
        String studentId = check.required("student_id");
        EvidenceKind kind = kind(check);
        boolean nok = kind == EvidenceKind.INDEPENDENT_ASSESSMENT;
        Assessed assessed = assessed(check, kind);
        Result result = parseResult(check, kind);
        String certificate = row.get("certificate_number");
        String conclusion = row.get("conclusion");
        checkDocuments(check, kind, result, certificate, conclusion);
        Integer place = place(check, kind);
        LocalDate date = parseDate(check, dates);
        if (date != null && date.isAfter(today)) {
            findings.warn("row " + row.number() + ": assessed_on " + date + " is in the future");
        }
        String attemptText = row.get("attempt");
        Integer attempt = attemptText == null ? Integer.valueOf(1) : positive(check, "attempt", attemptText);
        // what the database knows, from the look-ups: student of the college, programme, outcome, ОТФ
        StudentRef student = studentId == null ? null : student(check, studentId);
        Long outcomeId = student == null || assessed.outcome() == null ? null
                : outcomeId(check, student, assessed.outcome());
        checkQualification(check, assessed);
        if (check.bad || findings.hasProblems()) {
            return null;
        }
        return new CheckedRow(student, outcomeId, assessed.outcome(), assessed.standardCode(), assessed.gfCode(),
                kind, result, date, attempt, nok ? certificate : null, nok ? conclusion : null, place);
    }

    private @Nullable EvidenceKind kind(RowProblems check) {
        String kindText = check.required("kind");
        if (kindText == null) {
            return null;
        }
        EvidenceKind kind = kinds.get(kindText, t -> EvidenceKind.parse(t).orElse(null));
        if (kind == null) {
            check.problem("kind", kindText, "unknown evidence kind; expected one of "
                    + Arrays.toString(EvidenceKind.values()));
        }
        return kind;
    }

    /** An outcome code for every kind but НОК, which names standard_code and generalized_function instead. */
    private Assessed assessed(RowProblems check, @Nullable EvidenceKind kind) {
        String outcome = check.row.get("outcome_code");
        if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
            if (outcome != null) {
                check.problem("outcome_code", outcome, "an independent assessment (НОК) names standard_code and "
                        + "generalized_function of the qualification instead of an outcome");
            }
            String standardCode = check.required("standard_code");
            String gf = check.required("generalized_function");
            return new Assessed(null, standardCode, gf == null ? null : FunctionCodes.normalize(gf));
        }
        if (outcome == null) {
            if (kind != null) {
                check.problem("outcome_code", null, "required (only an independent assessment names "
                        + "standard_code and generalized_function instead)");
            }
            return new Assessed(null, null, null);
        }
        return new Assessed(outcomes.get(outcome, OutcomeCodes::normalize), null, null);
    }

    /** A НОК's certificate (passed) or the commission's conclusion (failed); neither for other kinds. */
    private static void checkDocuments(RowProblems check, @Nullable EvidenceKind kind, Result result,
                                       @Nullable String certificate, @Nullable String conclusion) {
        boolean nok = kind == EvidenceKind.INDEPENDENT_ASSESSMENT;
        if (nok && result.passed() != null) {
            if (result.passed() && certificate == null) {
                check.problem("certificate_number", null, "a passed independent assessment needs its certificate "
                        + "number");
            } else if (!result.passed() && conclusion == null) {
                check.problem("conclusion", null, "a failed independent assessment needs the commission's "
                        + "conclusion");
            }
        } else if (!nok && kind != null) {
            if (certificate != null) {
                check.problem("certificate_number", certificate, "only for an independent assessment (НОК)");
            }
            if (conclusion != null) {
                check.problem("conclusion", conclusion, "only for an independent assessment (НОК)");
            }
        }
    }

    private static @Nullable Integer place(RowProblems check, @Nullable EvidenceKind kind) {
        String placeText = check.row.get("place");
        if (placeText == null) {
            return null;
        }
        if (kind != null && kind != EvidenceKind.CHAMPIONSHIP) {
            check.problem("place", placeText, "only for a championship");
            return null;
        }
        return positive(check, "place", placeText);
    }

    /** The student of the college, and the programme the row names, if any, is the student's. */
    private @Nullable StudentRef student(RowProblems check, String studentId) {
        StudentRef student = lookups.students().get(studentId);
        if (student == null) {
            check.problem("student_id", studentId, "unknown student of college " + collegeCode);
            return null;
        }
        ProgrammeRef programme = lookups.programmes().get(student.programmeId());
        String programmeCode = check.row.get("programme");
        if (programmeCode != null && !programmeCode.equals(programme.fgosCode())) {
            check.problem("programme", programmeCode, "the student studies programme " + programme.fgosCode());
        }
        return student;
    }

    private @Nullable Long outcomeId(RowProblems check, StudentRef student, String outcome) {
        ProgrammeRef programme = lookups.programmes().get(student.programmeId());
        Long outcomeId = programme.outcomes().get(outcome);
        if (outcomeId == null) {
            check.problem("outcome_code", outcome, "unknown outcome code in the student's programme "
                    + programme.fgosCode());
        }
        return outcomeId;
    }

    private void checkQualification(RowProblems check, Assessed assessed) {
        String qualification = assessed.standardCode() + ' ' + assessed.gfCode();
        if (assessed.standardCode() != null && assessed.gfCode() != null
                && !lookups.qualifications().contains(qualification)) {
            check.problem("generalized_function", qualification,
                    "no imported professional standard has this generalized function (ОТФ)");
        }
    }

    private static @Nullable Integer positive(RowProblems check, String column, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
            check.problem(column, text, "must be 1 or more");
        } catch (NumberFormatException e) {
            check.problem(column, text, "not a whole number");
        }
        return null;
    }

    private static Result parseResult(RowProblems check, @Nullable EvidenceKind kind) {
        String text = check.required("result");
        String maxText = check.row.get("max_points");
        if (text == null) {
            return Result.NONE;
        }
        if (maxText != null) {
            return parsePoints(check, kind, text, maxText);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (PASS.contains(lower)) {
            return new Result(null, null, null, true);
        }
        if (FAIL.contains(lower)) {
            return new Result(null, null, null, false);
        }
        if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
            check.problem("result", text, "an independent assessment is pass or fail");
            return Result.NONE;
        }
        if (text.length() == 1 && text.charAt(0) >= '2' && text.charAt(0) <= '5') {
            return new Result(text.charAt(0) - '0', null, null, null);
        }
        check.problem("result", text, "expected a grade 2–5, points with max_points, or pass/fail");
        return Result.NONE;
    }

    private static Result parsePoints(RowProblems check, @Nullable EvidenceKind kind, String text, String maxText) {
        try {
            BigDecimal points = new BigDecimal(text.replace(',', '.'));
            BigDecimal max = new BigDecimal(maxText.replace(',', '.'));
            if (max.signum() <= 0) {
                check.problem("max_points", maxText, "must be greater than 0");
            } else if (points.signum() < 0 || points.compareTo(max) > 0) {
                check.problem("result", text, "points must be between 0 and max_points " + maxText);
            } else if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
                check.problem("result", text, "an independent assessment is pass or fail");
            } else {
                // DESIGN §3: a demonstration exam also records the grade from the percentage of points
                Integer grade = kind == EvidenceKind.DEMO_EXAM
                        ? Methodology.demoExamGrade(points.doubleValue(), max.doubleValue()) : null;
                return new Result(grade, points, max, null);
            }
        } catch (NumberFormatException e) {
            check.problem("result", text, "points and max_points must be numbers");
        }
        return Result.NONE;
    }

    private static @Nullable LocalDate parseDate(RowProblems check, ParseMemo<LocalDate> dates) {
        String text = check.required("assessed_on");
        if (text == null) {
            return null;
        }
        LocalDate date = dates.get(text, Inputs::parseDate);
        if (date == null) {
            check.problem("assessed_on", text, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
        } else if (!Inputs.inRange(date)) {
            check.problem("assessed_on", text, Inputs.DATE_REASON);
            return null;
        }
        return date;
    }
}
