package ru.workready.data.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.workready.data.Inputs;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.CopyWriter;
import ru.workready.data.assessments.UploadFindings;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.assessments.UploadService;
import ru.workready.data.assessments.UploadSpool;
import ru.workready.data.assessments.UploadStatus;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.TabularFormat;
import ru.workready.engine.outcomes.EmploymentStatus;

/**
 * Graduates' employment records (трудоустройство выпускников), uploaded by colleges through the one upload path
 * ({@link UploadService}: CSV / JSON / XLSX, all or nothing, idempotent by content or key, every bad row listed).
 * Rows are checked in Java while they stream into a staging table, then as a set in SQL (the student is the
 * college's, graduated before the day observed, one row per student and day, a known region), and moved into
 * {@code employment_record}. Whether the job is in the graduate's specialty is taken as given or derived from the
 * ОКЗ / ОКПДТР codes of the standards the student's programme is mapped to ({@link SpecialtySql}).
 */
@Service
public class EmploymentUploadService implements UploadLoader {

    /** Columns of an employment file; the first four are required. */
    public static final List<String> COLUMNS = List.of("student_id", "observed_on", "status", "source", "employer",
            "region", "okz_code", "okpdtr_code", "in_specialty");
    private static final Set<String> YES = Set.of("true", "yes", "да", "1", "y", "д", "+");
    private static final Set<String> NO = Set.of("false", "no", "нет", "0", "n", "н", "-");
    private static final Map<String, String> SOURCES = Map.of("college_survey", "COLLEGE_SURVEY",
            "опрос колледжа", "COLLEGE_SURVEY", "employer", "EMPLOYER", "работодатель", "EMPLOYER",
            "official", "OFFICIAL", "официальные данные", "OFFICIAL");

    private final UploadService uploads;
    private final Clock clock;

    public EmploymentUploadService(UploadService uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    /** What an in-memory upload stored (demo data, tests). */
    public record Result(long uploadId, boolean duplicate, int rows, Map<String, Integer> countsByKind) {
    }

    /** Uploads content held in memory synchronously, through the same path as a POST. */
    public Result upload(String collegeCode, @Nullable String fileName, byte[] content) {
        try (UploadSpool spool = UploadSpool.of(content)) {
            TabularFormat format = TabularFormat.detect(null, spool.head());
            UploadService.Receipt receipt = uploads.receive(kind(), collegeCode, fileName, null, spool, format);
            UploadStatus s = receipt.duplicate() ? uploads.status(receipt.uploadId()).orElseThrow()
                    : uploads.process(receipt.uploadId(), this, spool, format).status();
            return new Result(s.id(), receipt.duplicate(), s.rows(), s.countsByKind());
        }
    }

    @Override
    public UploadKind kind() {
        return UploadKind.EMPLOYMENT;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.INVALID_EMPLOYMENT_FILE;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS.subList(0, 4);
    }

    private static final String STAGING = """
            create temporary table employment_staging (
                row_number integer, student_id text, observed_on date, status text, source text, employer text,
                region text, okz_code text, okpdtr_code text, in_specialty boolean
            ) on commit drop""";

    @Override
    public Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes) {
        jdbc.sql(STAGING).update();
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> counts = new TreeMap<>();
        return new Stager() {
            @Override
            public String copySql() {
                return "copy employment_staging from stdin";
            }

            @Override
            public void stage(CsvReader.Row row, CopyWriter out, UploadFindings findings) {
                stageRow(row, out, findings, today, counts);
            }

            @Override
            public Map<String, Integer> counts() {
                return counts;
            }

            @Override
            public SetProblems setProblems(JdbcClient jdbc, int limit) {
                return EmploymentChecks.problems(jdbc, collegeId, collegeCode, limit);
            }

            @Override
            public Moved move(JdbcClient jdbc, long stagedRows) {
                if (EmploymentChecks.problems(jdbc, collegeId, collegeCode, 1).total() > 0) {
                    return new Moved(0, List.of(), 0, Map.of()); // fewer rows moved: the caller lists the problems
                }
                long moved = jdbc.sql(SpecialtySql.MOVE).param("upload", uploadId).param("college", collegeId)
                        .param("recorded", OffsetDateTime.now(clock)).update();
                int students = jdbc.sql("select count(distinct student_id) from employment_staging")
                        .query(Integer.class).single();
                return new Moved(moved, List.of(), students, Map.of());
            }
        };
    }

    private static void stageRow(CsvReader.Row row, CopyWriter out, UploadFindings findings, LocalDate today,
                                 Map<String, Integer> counts) {
        int n = row.number();
        String id = row.get("student_id");
        if (id == null) {
            findings.problem(n, "student_id", null, "required");
        }
        LocalDate observed = date(row, "observed_on", findings, today);
        String statusText = row.get("status");
        EmploymentStatus status = statusText == null ? null : EmploymentStatus.parse(statusText).orElse(null);
        if (status == null) {
            findings.problem(n, "status", statusText, statusText == null ? "required"
                    : "unknown status; expected one of " + List.of(EmploymentStatus.values()));
        }
        String source = code(row, "source", SOURCES, findings, true);
        String okz = classifier(row, "okz_code", 1, 4, findings);
        String okpdtr = classifier(row, "okpdtr_code", 5, 5, findings);
        Boolean inSpecialty = flag(row, "in_specialty", findings);
        if (inSpecialty != null && status != null && !status.working()) {
            findings.problem(n, "in_specialty", row.get("in_specialty"),
                    "only for EMPLOYED or SELF_EMPLOYED (the status is " + status + ")");
        }
        if (status != null) {
            counts.merge(status.name(), 1, Integer::sum);
        }
        out.value(n).text(id).value(observed).text(status == null ? null : status.name()).text(source)
                .text(row.get("employer")).text(row.get("region")).text(okz).text(okpdtr).value(inSpecialty);
        out.endRow();
    }

    private static @Nullable LocalDate date(CsvReader.Row row, String column, UploadFindings findings, LocalDate today) {
        String text = row.get(column);
        if (text == null) {
            findings.problem(row.number(), column, null, "required");
            return null;
        }
        LocalDate d = Inputs.parseDate(text);
        if (d == null) {
            findings.problem(row.number(), column, text, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
        } else if (!Inputs.inRange(d)) {
            findings.problem(row.number(), column, text, Inputs.DATE_REASON);
            return null;
        } else if (d.isAfter(today)) {
            findings.problem(row.number(), column, text, "after today " + today + ": not yet observed");
            return null;
        }
        return d;
    }

    private static @Nullable String code(CsvReader.Row row, String column, Map<String, String> codes,
                                         UploadFindings findings, boolean required) {
        String text = row.get(column);
        if (text == null) {
            if (required) {
                findings.problem(row.number(), column, null, "required");
            }
            return null;
        }
        String c = codes.get(text.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        if (c == null) {
            c = codes.get(text.strip().toLowerCase(Locale.ROOT));
        }
        if (c == null) {
            findings.problem(row.number(), column, text, "expected one of " + new java.util.TreeSet<>(codes.values()));
        }
        return c;
    }

    /** A classifier code: digits only (a trailing dot, as the Ministry writes ОКЗ codes, is dropped). */
    static @Nullable String classifier(CsvReader.Row row, String column, int min, int max, UploadFindings findings) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        String digits = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (!digits.matches("[0-9]{" + min + "," + max + "}")) {
            findings.problem(row.number(), column, text, min == max ? "expected " + min + " digits"
                    : "expected " + min + "–" + max + " digits");
            return null;
        }
        return digits;
    }

    private static @Nullable Boolean flag(CsvReader.Row row, String column, UploadFindings findings) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        String v = text.toLowerCase(Locale.ROOT);
        Optional<Boolean> b = YES.contains(v) ? Optional.of(true) : NO.contains(v) ? Optional.of(false)
                : Optional.empty();
        if (b.isEmpty()) {
            findings.problem(row.number(), column, text, "expected yes/no (да/нет, true/false), or empty to derive it");
            return null;
        }
        return b.get();
    }
}
