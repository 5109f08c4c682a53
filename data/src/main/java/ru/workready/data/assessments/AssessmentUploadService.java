package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.TabularFormat;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.scoring.Methodology;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Assessment results (свидетельства) of a college's students, in any of the upload formats.
 * Each row is checked while it streams into the staging table; students, outcomes, programmes
 * and the qualifications of НОК rows are checked by joins over the whole file; then the rows
 * become evidence and the students' scores are marked stale.
 */
@Service
public class AssessmentUploadService implements UploadLoader {

    /** Columns of an assessment file; the first four are required. */
    public static final List<String> COLUMNS = List.of("student_id", "kind", "result", "assessed_on", "programme",
            "outcome_code", "max_points", "attempt", "assessor", "standard_code", "generalized_function",
            "certificate_number", "conclusion", "place", "comment");
    static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    /** Students listed in an upload's answer; more are counted. */
    static final int STUDENTS_LISTED = 1000;
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> PASS = Set.of("pass", "passed", "зачтено", "сдал", "сдано", "да", "yes",
            "true");
    private static final Set<String> FAIL = Set.of("fail", "failed", "не зачтено", "не сдал", "не сдано", "нет", "no",
            "false");

    /** What an upload stored (or, for a repeated upload, what the first one stored). */
    public record UploadResult(long uploadId, boolean duplicate, int rows, Map<String, Integer> countsByKind,
                               List<String> affectedStudents, List<String> warnings) {
    }

    private final UploadService uploads;

    public AssessmentUploadService(UploadService uploads) {
        this.uploads = uploads;
    }

    /** Uploads content held in memory (demo data, small files) synchronously. */
    public UploadResult upload(String collegeCode, @Nullable String fileName, @Nullable String idempotencyKey,
                               byte[] content) {
        try (UploadSpool spool = UploadSpool.of(content)) {
            TabularFormat format = TabularFormat.detect(null, spool.head());
            UploadService.Receipt receipt = uploads.receive(UploadKind.ASSESSMENTS, collegeCode, fileName,
                    idempotencyKey, spool, format);
            if (receipt.duplicate()) {
                UploadStatus s = uploads.status(receipt.uploadId()).orElseThrow();
                return new UploadResult(s.id(), true, s.rows(), s.countsByKind(),
                        uploads.students(s.id(), STUDENTS_LISTED), s.warnings());
            }
            UploadService.Processed p = uploads.process(receipt.uploadId(), this, spool, format);
            return new UploadResult(p.status().id(), false, p.status().rows(), p.status().countsByKind(), p.students(),
                    p.status().warnings());
        }
    }

    @Override
    public UploadKind kind() {
        return UploadKind.ASSESSMENTS;
    }

    @Override
    public String problemType() {
        return "invalid-assessment-file";
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public String stagingDdl() {
        return """
                create temporary table assessment_staging (
                    row_number integer, student_id text, programme text, outcome_code text, kind text,
                    grade smallint, points numeric, max_points numeric, passed boolean, assessed_on date,
                    attempt integer, assessor text, comment text, standard_code text, gf_code text,
                    certificate_number text, conclusion text, place integer
                ) on commit drop""";
    }

    @Override
    public String copySql() {
        return "copy assessment_staging from stdin";
    }

    @Override
    public Stager stager(long collegeId, String collegeCode) {
        return new AssessmentStager();
    }

    @Override
    public SetProblems setProblems(JdbcClient jdbc, long collegeId, String collegeCode, int limit) {
        jdbc.sql("analyze assessment_staging").update();
        long[] total = {0};
        List<Problem> listed = jdbc.sql("""
                        select s.row_number, p.col, p.val, p.reason, count(*) over ()
                        from assessment_staging s
                        left join student st on st.id = s.student_id and st.college_id = :college
                        left join programme pr on pr.id = st.programme_id
                        left join outcome o on o.programme_id = st.programme_id and o.code = s.outcome_code
                        left join (select distinct ps.code as standard_code, gf.code as gf_code
                                   from professional_standard ps join generalized_function gf on gf.standard_id = ps.id) q
                               on q.standard_code = s.standard_code and q.gf_code = s.gf_code
                        cross join lateral (values
                            (case when st.id is null then 'student_id' end, s.student_id,
                             'unknown student of college ' || :code),
                            (case when st.id is not null and s.programme is not null and s.programme <> pr.fgos_code
                                  then 'programme' end, s.programme,
                             'the student studies programme ' || pr.fgos_code),
                            (case when st.id is not null and s.outcome_code is not null and o.id is null
                                  then 'outcome_code' end, s.outcome_code,
                             'unknown outcome code in the student''s programme ' || pr.fgos_code),
                            (case when s.standard_code is not null and s.gf_code is not null and q.gf_code is null
                                  then 'generalized_function' end, s.standard_code || ' ' || s.gf_code,
                             'no imported professional standard has this generalized function (ОТФ)')
                        ) as p(col, val, reason)
                        where p.col is not null and s.student_id is not null
                          and (st.id is null or (s.programme is not null and s.programme <> pr.fgos_code)
                               or (s.outcome_code is not null and o.id is null)
                               or (s.standard_code is not null and s.gf_code is not null and q.gf_code is null))
                        order by s.row_number, p.col
                        limit :limit""")
                .param("college", collegeId).param("code", collegeCode).param("limit", limit)
                .query((rs, n) -> {
                    total[0] = rs.getLong(5);
                    return new Problem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
                })
                .list();
        return new SetProblems(listed, total[0]);
    }

    @Override
    public Moved move(JdbcClient jdbc, long uploadId, long collegeId, long stagedRows) {
        // the joins repeat the set-based checks: a row that fails one is not moved, and the count tells
        long rows = jdbc.sql("""
                        insert into evidence (upload_id, row_number, student_id, outcome_id, standard_code,
                                              generalized_function_code, kind, grade, points, max_points, passed,
                                              assessed_on, attempt, assessor, comment, certificate_number, conclusion,
                                              place)
                        select :upload, s.row_number, s.student_id, o.id, s.standard_code, s.gf_code, s.kind, s.grade,
                               s.points, s.max_points, s.passed, s.assessed_on, s.attempt, s.assessor, s.comment,
                               s.certificate_number, s.conclusion, s.place
                        from assessment_staging s
                        join student st on st.id = s.student_id and st.college_id = :college
                        join programme pr on pr.id = st.programme_id
                        left join outcome o on o.programme_id = st.programme_id and o.code = s.outcome_code
                        where (s.outcome_code is null or o.id is not null)
                          and (s.programme is null or s.programme = pr.fgos_code)
                          and (s.gf_code is null or exists (
                                select 1 from professional_standard ps
                                join generalized_function gf on gf.standard_id = ps.id
                                where ps.code = s.standard_code and gf.code = s.gf_code))
                        -- a student's rows together (index locality), in file order (later rows win ties)
                        order by s.student_id, s.row_number""")
                .param("upload", uploadId).param("college", collegeId).update();
        if (rows != stagedRows) {
            return new Moved(rows, List.of(), 0, Map.of());
        }
        long[] students = {0};
        List<String> listed = jdbc.sql("""
                        with marked as (
                            insert into stale_score (student_id, upload_id)
                            select distinct student_id, ? from assessment_staging
                            on conflict (student_id) do update set upload_id = excluded.upload_id, since = now()
                            returning student_id)
                        select student_id, count(*) over () from marked order by student_id limit ?""")
                .params(uploadId, STUDENTS_LISTED)
                .query((rs, n) -> {
                    students[0] = rs.getLong(2);
                    return rs.getString(1);
                })
                .list();
        return new Moved(rows, listed, (int) students[0], Map.of());
    }

    /** The row checks that need no database. */
    private static final class AssessmentStager implements Stager {
        private final Map<String, Integer> counts = new HashMap<>();
        private final LocalDate today = LocalDate.now();
        /** Files repeat a few codes and dates a million times: parse each distinct text once. */
        private final Memo<EvidenceKind> kinds = new Memo<>();
        private final Memo<String> outcomes = new Memo<>();
        private final Memo<LocalDate> dates = new Memo<>();

        @Override
        public Map<String, Integer> counts() {
            return counts;
        }

        @Override
        public void stage(CsvReader.Row row, CopyWriter out, Findings findings) {
            RowCheck check = new RowCheck(row, findings);
            String studentId = check.required("student_id");
            EvidenceKind kind = null;
            String kindText = check.required("kind");
            if (kindText != null) {
                kind = kinds.get(kindText, t -> EvidenceKind.parse(t).orElse(null));
                if (kind == null) {
                    check.problem("kind", kindText, "unknown evidence kind; expected one of "
                            + Arrays.toString(EvidenceKind.values()));
                }
            }
            boolean nok = kind == EvidenceKind.INDEPENDENT_ASSESSMENT;
            String outcome = row.get("outcome_code");
            String standardCode = null;
            String gfCode = null;
            if (nok) {
                if (outcome != null) {
                    check.problem("outcome_code", outcome, "an independent assessment (НОК) names standard_code and "
                            + "generalized_function of the qualification instead of an outcome");
                    outcome = null;
                }
                standardCode = check.required("standard_code");
                String gf = check.required("generalized_function");
                gfCode = gf == null ? null : FunctionCodes.normalize(gf);
            } else if (outcome == null) {
                if (kind != null) {
                    check.problem("outcome_code", null, "required (only an independent assessment names "
                            + "standard_code and generalized_function instead)");
                }
            } else {
                outcome = outcomes.get(outcome, OutcomeCodes::normalize);
            }
            Result result = parseResult(check, kind);
            String certificate = row.get("certificate_number");
            String conclusion = row.get("conclusion");
            if (nok && result.passed != null) {
                if (result.passed && certificate == null) {
                    check.problem("certificate_number", null, "a passed independent assessment needs its certificate "
                            + "number");
                } else if (!result.passed && conclusion == null) {
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
            Integer place = null;
            String placeText = row.get("place");
            if (placeText != null) {
                if (kind != null && kind != EvidenceKind.CHAMPIONSHIP) {
                    check.problem("place", placeText, "only for a championship");
                } else {
                    place = positive(check, "place", placeText);
                }
            }
            LocalDate date = parseDate(check, dates);
            if (date != null && date.isAfter(today)) {
                findings.warn("row " + row.number() + ": assessed_on " + date + " is in the future");
            }
            Integer attempt = 1;
            String attemptText = row.get("attempt");
            if (attemptText != null) {
                attempt = positive(check, "attempt", attemptText);
            }
            String programme = row.get("programme");
            out.value(row.number()).text(studentId).text(programme).text(outcome).text(kind == null ? null : kind.name())
                    .value(result.grade).value(result.points).value(result.max).value(result.passed).value(date)
                    .value(attempt).text(row.get("assessor")).text(row.get("comment")).text(standardCode).text(gfCode)
                    .text(nok ? certificate : null).text(nok ? conclusion : null).value(place);
            out.endRow();
            if (kind != null && !check.bad) {
                counts.merge(kind.name(), 1, Integer::sum);
            }
        }

        private static @Nullable Integer positive(RowCheck check, String column, String text) {
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
    }

    private record Result(@Nullable Integer grade, @Nullable BigDecimal points, @Nullable BigDecimal max,
                          @Nullable Boolean passed) {
        static final Result NONE = new Result(null, null, null, null);
    }

    private static Result parseResult(RowCheck check, @Nullable EvidenceKind kind) {
        String text = check.required("result");
        String maxText = check.row.get("max_points");
        if (text == null) {
            return Result.NONE;
        }
        if (maxText != null) {
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

    private static @Nullable LocalDate parseDate(RowCheck check, Memo<LocalDate> dates) {
        String text = check.required("assessed_on");
        if (text == null) {
            return null;
        }
        LocalDate date = dates.get(text, t -> {
            try {
                return t.contains(".") ? LocalDate.parse(t, RUSSIAN_DATE) : LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        });
        if (date == null) {
            check.problem("assessed_on", text, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
        }
        return date;
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

    /** Reports the problems of one row. */
    private static final class RowCheck {
        final CsvReader.Row row;
        final Findings findings;
        boolean bad;

        RowCheck(CsvReader.Row row, Findings findings) {
            this.row = row;
            this.findings = findings;
        }

        @Nullable String required(String column) {
            String v = row.get(column);
            if (v == null) {
                problem(column, null, "required");
            }
            return v;
        }

        void problem(String column, @Nullable String value, String reason) {
            bad = true;
            findings.problem(row.number(), column, value, reason);
        }
    }
}
