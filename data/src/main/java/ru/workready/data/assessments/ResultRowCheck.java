package ru.workready.data.assessments;

import static ru.workready.data.assessments.ResultField.ASSESSED_ON;
import static ru.workready.data.assessments.ResultField.ATTEMPT;
import static ru.workready.data.assessments.ResultField.CERTIFICATE_NUMBER;
import static ru.workready.data.assessments.ResultField.CONCLUSION;
import static ru.workready.data.assessments.ResultField.GENERALIZED_FUNCTION;
import static ru.workready.data.assessments.ResultField.KIND;
import static ru.workready.data.assessments.ResultField.MAX_POINTS;
import static ru.workready.data.assessments.ResultField.OUTCOME_CODE;
import static ru.workready.data.assessments.ResultField.PLACE;
import static ru.workready.data.assessments.ResultField.RESULT;
import static ru.workready.data.assessments.ResultField.STANDARD_CODE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import ru.workready.data.Inputs;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.scoring.Methodology;
import ru.workready.engine.standards.FunctionCodes;

/**
 * The one check of a result row, whichever way it arrives: an assessment upload (CSV, XLSX, JSON),
 * a what-if's extra results, or a rule-set test case's results. It reads the row leniently (a grade,
 * points with a maximum, pass/fail in English or Russian — «зачтено», «да»; dates as YYYY-MM-DD or
 * DD.MM.YYYY) and refuses what the methodology cannot score: points above the maximum, an
 * independent assessment (НОК) naming an outcome or scored in points, a passed НОК without its
 * certificate, a failed one without the commission's conclusion. Each problem names the field and
 * a reason that is the same for every input; the input names the field its own way ({@link ResultField}).
 *
 * <p>What the database knows (the student's outcomes, the imported ОТФ) is checked by
 * {@link #outcome} and {@link #qualification} against look-ups the caller loaded. One instance per
 * upload or request: it remembers the texts it parsed, since files repeat a few codes and dates a
 * million times. Not thread-safe.
 */
public final class ResultRowCheck {
    private static final Set<String> PASS = Set.of("pass", "passed", "зачтено", "сдал", "сдано", "да", "yes",
            "true");
    private static final Set<String> FAIL = Set.of("fail", "failed", "не зачтено", "не сдал", "не сдано", "нет", "no",
            "false");

    /** A raw row: each field's trimmed text, null when absent or blank. */
    @FunctionalInterface
    public interface Cells {
        @Nullable String get(ResultField field);
    }

    /** Where a row's problems go: a file's findings, a request's problem list. */
    @FunctionalInterface
    public interface Problems {
        void problem(ResultField field, @Nullable String value, String reason);
    }

    private final Memo<EvidenceKind> kinds = new Memo<>();
    private final Memo<String> outcomes = new Memo<>();
    private final Memo<LocalDate> dates = new Memo<>();

    /** Reads and checks the row's own fields; the row is {@link CheckedRow#valid()} when none had a problem. */
    public CheckedRow check(Cells row, Problems problems) {
        Reading r = new Reading(row, problems);
        r.kind();
        r.target();
        r.result();
        r.independentAssessmentPapers();
        r.place();
        r.date();
        r.attempt();
        boolean nok = r.kind == EvidenceKind.INDEPENDENT_ASSESSMENT;
        return new CheckedRow(!r.bad, r.kind, r.outcome, r.standardCode, r.gfCode, r.grade, r.points, r.max, r.passed,
                r.date, r.attempt, r.place, nok ? row.get(CERTIFICATE_NUMBER) : null,
                nok ? row.get(CONCLUSION) : null);
    }

    /** The id of the row's outcome among the student's programme's outcomes; a problem (and null) when unknown. */
    public @Nullable Long outcome(CheckedRow row, String programme, Map<String, Long> outcomeIds, Problems problems) {
        if (row.outcomeCode() == null) {
            return null;
        }
        Long id = outcomeIds.get(row.outcomeCode());
        if (id == null) {
            problems.problem(OUTCOME_CODE, row.outcomeCode(), "unknown outcome code in the student's programme "
                    + programme);
        }
        return id;
    }

    /** A НОК's qualification must be an imported one ({@link #qualificationKey} of each). */
    public void qualification(CheckedRow row, Set<String> qualifications, Problems problems) {
        if (row.standardCode() != null && row.generalizedFunction() != null
                && !qualifications.contains(qualificationKey(row.standardCode(), row.generalizedFunction()))) {
            problems.problem(GENERALIZED_FUNCTION, qualificationKey(row.standardCode(), row.generalizedFunction()),
                    "no imported professional standard has this generalized function (ОТФ)");
        }
    }

    /** A qualification as the look-ups hold it: the standard's code, a space, the ОТФ code. */
    public static String qualificationKey(String standardCode, String generalizedFunction) {
        return standardCode + ' ' + generalizedFunction;
    }

    /** The SQL giving {@link #qualificationKey} of every imported ОТФ. */
    public static final String QUALIFICATIONS_SQL = """
            select distinct ps.code || ' ' || gf.code
            from professional_standard ps join generalized_function gf on gf.standard_id = ps.id""";

    /** One row being read: the values found so far, and whether any field had a problem. */
    private final class Reading {
        final Cells row;
        final Problems problems;
        boolean bad;
        @Nullable EvidenceKind kind;
        @Nullable String outcome;
        @Nullable String standardCode;
        @Nullable String gfCode;
        @Nullable Integer grade;
        @Nullable BigDecimal points;
        @Nullable BigDecimal max;
        @Nullable Boolean passed;
        @Nullable LocalDate date;
        @Nullable Integer attempt;
        @Nullable Integer place;

        Reading(Cells row, Problems problems) {
            this.row = row;
            this.problems = problems;
        }

        void kind() {
            String text = required(KIND);
            if (text != null) {
                kind = kinds.get(text, t -> EvidenceKind.parse(t).orElse(null));
                if (kind == null) {
                    problem(KIND, text, "unknown evidence kind; expected one of "
                            + Arrays.toString(EvidenceKind.values()));
                }
            }
        }

        /** An outcome, or for a НОК the qualification (standard and ОТФ) instead. */
        void target() {
            String code = row.get(OUTCOME_CODE);
            if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
                if (code != null) {
                    problem(OUTCOME_CODE, code, "an independent assessment (НОК) names standard_code and "
                            + "generalized_function of the qualification instead of an outcome");
                }
                standardCode = required(STANDARD_CODE);
                String gf = required(GENERALIZED_FUNCTION);
                gfCode = gf == null ? null : FunctionCodes.normalize(gf);
            } else if (code == null) {
                if (kind != null) {
                    problem(OUTCOME_CODE, null, "required (only an independent assessment names "
                            + "standard_code and generalized_function instead)");
                }
            } else {
                outcome = outcomes.get(code, OutcomeCodes::normalize);
            }
        }

        void result() {
            String text = required(RESULT);
            if (text == null) {
                return;
            }
            String maxText = row.get(MAX_POINTS);
            if (maxText != null) {
                points(text, maxText);
                return;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (PASS.contains(lower) || FAIL.contains(lower)) {
                passed = PASS.contains(lower);
            } else if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
                problem(RESULT, text, "an independent assessment is pass or fail");
            } else if (text.length() == 1 && text.charAt(0) >= '2' && text.charAt(0) <= '5') {
                grade = text.charAt(0) - '0';
            } else {
                problem(RESULT, text, "expected a grade 2–5, points with max_points, or pass/fail");
            }
        }

        private void points(String text, String maxText) {
            try {
                BigDecimal p = new BigDecimal(text.replace(',', '.'));
                BigDecimal m = new BigDecimal(maxText.replace(',', '.'));
                if (m.signum() <= 0) {
                    problem(MAX_POINTS, maxText, "must be greater than 0");
                } else if (p.signum() < 0 || p.compareTo(m) > 0) {
                    problem(RESULT, text, "points must be between 0 and max_points " + maxText);
                } else if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
                    problem(RESULT, text, "an independent assessment is pass or fail");
                } else {
                    points = p;
                    max = m;
                    // DESIGN §3: a demonstration exam also records the grade from the percentage of points
                    grade = kind == EvidenceKind.DEMO_EXAM
                            ? Methodology.demoExamGrade(p.doubleValue(), m.doubleValue()) : null;
                }
            } catch (NumberFormatException e) {
                problem(RESULT, text, "points and max_points must be numbers");
            }
        }

        /** A НОК's certificate (passed) or the commission's conclusion (failed); nothing else has them. */
        void independentAssessmentPapers() {
            String certificate = row.get(CERTIFICATE_NUMBER);
            String conclusion = row.get(CONCLUSION);
            if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT && passed != null) {
                if (passed && certificate == null) {
                    problem(CERTIFICATE_NUMBER, null, "a passed independent assessment needs its certificate number");
                } else if (!passed && conclusion == null) {
                    problem(CONCLUSION, null, "a failed independent assessment needs the commission's conclusion");
                }
            } else if (kind != EvidenceKind.INDEPENDENT_ASSESSMENT && kind != null) {
                if (certificate != null) {
                    problem(CERTIFICATE_NUMBER, certificate, "only for an independent assessment (НОК)");
                }
                if (conclusion != null) {
                    problem(CONCLUSION, conclusion, "only for an independent assessment (НОК)");
                }
            }
        }

        void place() {
            String text = row.get(PLACE);
            if (text != null) {
                if (kind != null && kind != EvidenceKind.CHAMPIONSHIP) {
                    problem(PLACE, text, "only for a championship");
                } else {
                    place = positive(PLACE, text);
                }
            }
        }

        void date() {
            String text = required(ASSESSED_ON);
            if (text == null) {
                return;
            }
            LocalDate d = dates.get(text, Inputs::parseDate);
            if (d == null) {
                problem(ASSESSED_ON, text, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
            } else if (!Inputs.inRange(d)) {
                problem(ASSESSED_ON, text, Inputs.DATE_REASON);
            } else {
                date = d;
            }
        }

        void attempt() {
            String text = row.get(ATTEMPT);
            attempt = text == null ? Integer.valueOf(1) : positive(ATTEMPT, text);
        }

        private @Nullable Integer positive(ResultField field, String text) {
            try {
                int v = Integer.parseInt(text);
                if (v >= 1) {
                    return v;
                }
                problem(field, text, "must be 1 or more");
            } catch (NumberFormatException e) {
                problem(field, text, "not a whole number");
            }
            return null;
        }

        private @Nullable String required(ResultField field) {
            String v = row.get(field);
            if (v == null) {
                problem(field, null, "required");
            }
            return v;
        }

        private void problem(ResultField field, @Nullable String value, String reason) {
            bad = true;
            problems.problem(field, value, reason);
        }
    }

    /** A bounded cache of parse results (null results included), so memory stays flat on any file. */
    private static final class Memo<T> {
        private static final int MAX = 10_000;
        private final Map<String, Optional<T>> values = new HashMap<>();

        @Nullable T get(String text, Function<String, @Nullable T> parse) {
            Optional<T> v = values.get(text);
            if (v == null) {
                v = Optional.ofNullable(parse.apply(text));
                if (values.size() < MAX) {
                    values.put(text, v);
                }
            }
            return v.orElse(null);
        }
    }
}
