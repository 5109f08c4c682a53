package ru.workready.data.assessments;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.Hashes;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.scoring.Methodology;
import ru.workready.engine.standards.FunctionCodes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a college's CSV of assessment results. All-or-nothing: rows are validated one by one
 * and written in batches inside one transaction, which is rolled back if any row is bad, with
 * every bad row reported. The same content (or idempotency key) is accepted once.
 */
@Service
public class AssessmentUploadService {

    /** Columns of the assessment CSV; the first four are required. */
    public static final List<String> COLUMNS = List.of("student_id", "kind", "result", "assessed_on", "outcome_code",
            "max_points", "attempt", "assessor", "standard_code", "generalized_function", "comment");
    static final List<String> REQUIRED = COLUMNS.subList(0, 4);
    private static final int MAX_LISTED = 100;
    private static final int BATCH = 1000;
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Set<String> PASS = Set.of("pass", "passed", "зачтено", "сдал", "сдано", "да", "yes");
    private static final Set<String> FAIL = Set.of("fail", "failed", "не зачтено", "не сдал", "не сдано", "нет", "no");
    private static final String INSERT = """
            insert into evidence (upload_id, row_number, student_id, outcome_id, standard_code, generalized_function_code,
                                  kind, grade, points, max_points, passed, assessed_on, attempt, assessor, comment)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** What an upload stored (or, for a repeated upload, what the first one stored). */
    public record UploadResult(long uploadId, boolean duplicate, int rows, Map<String, Integer> countsByKind,
                               List<String> affectedStudents, List<String> warnings) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ProgrammeRepository programmes;
    private final JsonMapper json = JsonMapper.builder().build();

    public AssessmentUploadService(JdbcClient jdbc, JdbcTemplate template, ProgrammeRepository programmes) {
        this.jdbc = jdbc;
        this.template = template;
        this.programmes = programmes;
    }

    @Transactional
    public UploadResult upload(String collegeCode, @Nullable String fileName, @Nullable String idempotencyKey,
                               byte[] content) {
        long collegeId = programmes.collegeId(collegeCode)
                .orElseThrow(() -> new NotFoundException("No college with code " + collegeCode));
        String hash = Hashes.sha256(content);
        Optional<UploadResult> earlier = findEarlier(collegeId, hash, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Map<String, Long> studentProgramme = new HashMap<>();
        jdbc.sql("select id, programme_id from student where college_id = ?").param(collegeId)
                .query(rs -> {
                    studentProgramme.put(rs.getString(1), rs.getLong(2));
                });
        Map<Long, Map<String, Long>> outcomesByProgramme = new HashMap<>();

        long uploadId = jdbc.sql("""
                        insert into upload (college_id, content_hash, idempotency_key, file_name, row_count)
                        values (?, ?, ?, ?, 0) returning id""")
                .params(collegeId, hash, idempotencyKey, fileName).query(Long.class).single();

        List<Problem> problems = new ArrayList<>();
        long[] problemCount = {0};
        List<Object[]> batch = new ArrayList<>(BATCH);
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> affected = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        int[] rows = {0};
        LocalDate today = LocalDate.now();

        CsvReader.read(new StringReader(CsvReader.decode(content)), header -> {
            List<Problem> missing = REQUIRED.stream().filter(c -> !header.contains(c))
                    .map(c -> new Problem(1, c, null, "missing column")).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("invalid-assessment-file", "The file lacks required columns "
                        + "(expected at least " + String.join(", ", REQUIRED) + ")", missing, missing.size());
            }
        }, row -> {
            rows[0]++;
            RowCheck check = new RowCheck(row);
            String studentId = check.required("student_id");
            Long programmeId = studentId == null ? null : studentProgramme.get(studentId);
            if (studentId != null && programmeId == null) {
                check.problem("student_id", studentId, "unknown student of college " + collegeCode);
            }
            EvidenceKind kind = null;
            String kindText = check.required("kind");
            if (kindText != null) {
                kind = EvidenceKind.parse(kindText).orElse(null);
                if (kind == null) {
                    check.problem("kind", kindText, "unknown evidence kind; expected one of "
                            + java.util.Arrays.toString(EvidenceKind.values()));
                }
            }
            Long outcomeId = null;
            String standardCode = null;
            String gfCode = null;
            String outcomeText = row.get("outcome_code");
            if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT && outcomeText == null) {
                standardCode = check.required("standard_code");
                String gf = check.required("generalized_function");
                gfCode = gf == null ? null : FunctionCodes.normalize(gf);
            } else if (outcomeText == null) {
                check.problem("outcome_code", null, "required (only an independent assessment may name "
                        + "standard_code and generalized_function instead)");
            } else if (programmeId != null) {
                Map<String, Long> outcomes = outcomesByProgramme.computeIfAbsent(programmeId, programmes::outcomeIds);
                outcomeId = outcomes.get(OutcomeCodes.normalize(outcomeText));
                if (outcomeId == null) {
                    check.problem("outcome_code", outcomeText, "unknown outcome code in the student's programme");
                }
            }
            ParsedResult result = parseResult(check, kind);
            LocalDate date = parseDate(check);
            if (date != null && date.isAfter(today)) {
                warnings.add("row " + row.number() + ": assessed_on " + date + " is in the future");
            }
            int attempt = 1;
            String attemptText = row.get("attempt");
            if (attemptText != null) {
                try {
                    attempt = Integer.parseInt(attemptText);
                    if (attempt < 1) {
                        check.problem("attempt", attemptText, "must be 1 or more");
                    }
                } catch (NumberFormatException e) {
                    check.problem("attempt", attemptText, "not a whole number");
                }
            }
            if (!check.problems.isEmpty()) {
                problemCount[0] += check.problems.size();
                for (Problem p : check.problems) {
                    if (problems.size() < MAX_LISTED) {
                        problems.add(p);
                    }
                }
                return;
            }
            if (problemCount[0] > 0) {
                return;
            }
            counts.merge(kind.name(), 1, Integer::sum);
            affected.add(studentId);
            batch.add(new Object[] {uploadId, row.number(), studentId, outcomeId, standardCode, gfCode, kind.name(),
                    result.grade, result.points, result.max, result.passed, date, attempt, row.get("assessor"),
                    row.get("comment")});
            if (batch.size() == BATCH) {
                template.batchUpdate(INSERT, batch);
                batch.clear();
            }
        });
        if (problemCount[0] > 0) {
            throw new InvalidInputException("invalid-assessment-file", "The file has " + problemCount[0]
                    + " problem(s) in its rows; nothing was stored", problems, problemCount[0]);
        }
        if (rows[0] == 0) {
            throw new InvalidInputException("invalid-assessment-file", "The file has no data rows",
                    List.of(Problem.ofFile("no data rows after the header")), 1);
        }
        if (!batch.isEmpty()) {
            template.batchUpdate(INSERT, batch);
        }
        jdbc.sql("update upload set row_count = ?, counts_by_kind = ?::jsonb where id = ?")
                .params(rows[0], json.writeValueAsString(counts), uploadId).update();
        return new UploadResult(uploadId, false, rows[0], counts, List.copyOf(affected), warnings);
    }

    private Optional<UploadResult> findEarlier(long collegeId, String hash, @Nullable String idempotencyKey) {
        return jdbc.sql("""
                        select id, row_count, counts_by_kind::text from upload
                        where college_id = ? and (content_hash = ? or idempotency_key = ?)
                        order by id limit 1""")
                .params(collegeId, hash, idempotencyKey)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    @SuppressWarnings("unchecked")
                    Map<String, Integer> counts = json.readValue(rs.getString(3), TreeMap.class);
                    List<String> students = jdbc.sql("select distinct student_id from evidence where upload_id = ? order by 1")
                            .param(id).query(String.class).list();
                    return new UploadResult(id, true, rs.getInt(2), counts, students, List.of());
                })
                .optional();
    }

    private record ParsedResult(@Nullable Integer grade, @Nullable BigDecimal points, @Nullable BigDecimal max,
                                @Nullable Boolean passed) {
    }

    private static ParsedResult parseResult(RowCheck check, @Nullable EvidenceKind kind) {
        String text = check.required("result");
        String maxText = check.row.get("max_points");
        if (text == null) {
            return new ParsedResult(null, null, null, null);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (maxText != null) {
            try {
                BigDecimal points = new BigDecimal(text.replace(',', '.'));
                BigDecimal max = new BigDecimal(maxText.replace(',', '.'));
                if (max.signum() <= 0) {
                    check.problem("max_points", maxText, "must be greater than 0");
                } else if (points.signum() < 0 || points.compareTo(max) > 0) {
                    check.problem("result", text, "points must be between 0 and max_points " + maxText);
                } else {
                    Integer grade = kind == EvidenceKind.DEMO_EXAM
                            ? Methodology.demoExamGrade(points.doubleValue(), max.doubleValue()) : null;
                    return new ParsedResult(grade, points, max, null);
                }
            } catch (NumberFormatException e) {
                check.problem("result", text, "points and max_points must be numbers");
            }
            return new ParsedResult(null, null, null, null);
        }
        if (PASS.contains(lower)) {
            return new ParsedResult(null, null, null, true);
        }
        if (FAIL.contains(lower)) {
            return new ParsedResult(null, null, null, false);
        }
        if (kind == EvidenceKind.INDEPENDENT_ASSESSMENT) {
            check.problem("result", text, "an independent assessment is pass or fail");
            return new ParsedResult(null, null, null, null);
        }
        try {
            int grade = Integer.parseInt(text);
            if (grade >= 2 && grade <= 5) {
                return new ParsedResult(grade, null, null, null);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        check.problem("result", text, "expected a grade 2–5, points with max_points, or pass/fail");
        return new ParsedResult(null, null, null, null);
    }

    private static @Nullable LocalDate parseDate(RowCheck check) {
        String text = check.required("assessed_on");
        if (text == null) {
            return null;
        }
        try {
            return text.contains(".") ? LocalDate.parse(text, RUSSIAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            check.problem("assessed_on", text, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
            return null;
        }
    }

    /** Collects the problems of one row. */
    private static final class RowCheck {
        final CsvReader.Row row;
        final List<Problem> problems = new ArrayList<>(2);

        RowCheck(CsvReader.Row row) {
            this.row = row;
        }

        @Nullable String required(String column) {
            String v = row.get(column);
            if (v == null) {
                problem(column, null, "required");
            }
            return v;
        }

        void problem(String column, @Nullable String value, String reason) {
            problems.add(new Problem(row.number(), column, value, reason));
        }
    }
}
