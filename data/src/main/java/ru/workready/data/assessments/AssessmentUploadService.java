package ru.workready.data.assessments;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.TabularFormat;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * Assessment results (свидетельства, Evidence) of a college's students, in any of the upload
 * formats. Each row is checked in full while it streams, students, programmes, outcomes and the
 * ОТФ of НОК rows against look-ups loaded once per upload, and goes straight into the college's
 * evidence partition with one {@code COPY} in the upload's transaction; after the first bad row
 * nothing more is sent, the checks go on for the problem list, and the transaction is rolled back.
 * A stored file marks its students' scores stale in the same transaction.
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

    /** What an upload stored (or, for a repeated upload, what the first one stored). */
    public record UploadResult(long uploadId, boolean duplicate, int rows, Map<String, Integer> countsByKind,
                               List<String> affectedStudents, List<String> warnings) {
    }

    private final UploadService uploads;
    /** Uploads of at least this size get an evidence partition of their own ({@link EvidencePartitions}). */
    private final DataSize ownPartition;

    private final java.time.Clock clock;

    /** More results than this for one student, outcome and kind in one file get a warning (0: no check). */
    private final int maxResultsPerKey;

    @org.springframework.beans.factory.annotation.Autowired
    public AssessmentUploadService(UploadService uploads, UploadProperties settings, java.time.Clock clock) {
        this(uploads, settings.ownPartition(), clock, settings.maxResultsPerKey());
    }

    public AssessmentUploadService(UploadService uploads, DataSize ownPartition, java.time.Clock clock,
                                   int maxResultsPerKey) {
        this.maxResultsPerKey = maxResultsPerKey;
        this.clock = clock;
        this.uploads = uploads;
        this.ownPartition = ownPartition;
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
    public ProblemType problemType() {
        return ProblemType.INVALID_ASSESSMENT_FILE;
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes) {
        EvidencePartitions.Target target = bytes >= ownPartition.toBytes()
                ? EvidencePartitions.ownPartition(jdbc, collegeId, uploadId)
                : EvidencePartitions.shared(jdbc, collegeId);
        return new AssessmentStager(Lookups.load(jdbc, collegeId), uploadId, collegeId, collegeCode, target,
                LocalDate.now(clock), clock.instant(), new ResultVolumes(maxResultsPerKey));
    }

    /**
     * What the row checks look up, loaded once per upload: the college's students with their
     * programmes, those programmes' outcomes, and the ОТФ of imported standards. Memory is bounded
     * by the college (tens of thousands of students), not by the file.
     */
    record Lookups(Map<String, StudentRef> students, Map<Long, ProgrammeRef> programmes, Set<String> qualifications) {

        /** A student of the college, numbered so that the students of a file are a bit set, not a hash set. */
        record StudentRef(String id, long programmeId, int ordinal) {
        }

        /** A programme: its ФГОС code and its outcomes' ids by normalized code. */
        record ProgrammeRef(String fgosCode, Map<String, Long> outcomes) {
        }

        static Lookups load(JdbcClient jdbc, long collegeId) {
            Map<String, StudentRef> students = new HashMap<>();
            // FOR KEY SHARE: until the upload commits, no student or outcome it checked can be deleted
            // (the rows stand in for per-row foreign keys; roster updates of other columns go on)
            jdbc.sql("select id, programme_id from student where college_id = ? for key share").param(collegeId)
                    .query(rs -> {
                        String id = rs.getString(1);
                        students.put(id, new StudentRef(id, rs.getLong(2), students.size()));
                    });
            Map<Long, ProgrammeRef> programmes = new HashMap<>();
            jdbc.sql("""
                            select p.id, p.fgos_code from programme p
                            where p.id in (select programme_id from student where college_id = ?)""")
                    .param(collegeId)
                    .query(rs -> {
                        programmes.put(rs.getLong(1), new ProgrammeRef(rs.getString(2), new HashMap<>()));
                    });
            jdbc.sql("""
                            select o.programme_id, o.code, o.id from outcome o
                            where o.programme_id in (select programme_id from student where college_id = ?)
                            for key share of o""")
                    .param(collegeId)
                    .query(rs -> {
                        programmes.get(rs.getLong(1)).outcomes().put(rs.getString(2), rs.getLong(3));
                    });
            Set<String> qualifications = new HashSet<>(jdbc.sql("""
                            select distinct ps.code || ' ' || gf.code
                            from professional_standard ps join generalized_function gf on gf.standard_id = ps.id""")
                    .query(String.class).list());
            return new Lookups(students, programmes, qualifications);
        }
    }

    /** Checks each row in full (the look-ups included) and COPYs it into evidence while the file has no problem. */
    private static final class AssessmentStager implements Stager {
        private final Lookups lookups;
        private final String collegeCode;
        private final EvidencePartitions.Target target;
        private final long uploadId;
        /** Columns of the COPY. */
        private static final int FIELDS = 20;
        private final long collegeId;
        /** Students with rows in the file, by ordinal (bounded by the college). */
        private final BitSet students = new BitSet();
        private final Map<String, Integer> counts = new HashMap<>();
        /** Results dated after it get a warning. */
        private final LocalDate today;
        /** When the upload's rows are recorded (evidence.recorded_at), by the application's clock. */
        private final java.time.Instant recordedAt;
        /** The row check of every input; it parses each distinct code and date of the file once. */
        private final ResultRowCheck rows = new ResultRowCheck();
        private final ResultVolumes volumes;

        AssessmentStager(Lookups lookups, long uploadId, long collegeId, String collegeCode,
                         EvidencePartitions.Target target, LocalDate today, java.time.Instant recordedAt,
                         ResultVolumes volumes) {
            this.volumes = volumes;
            this.today = today;
            this.recordedAt = recordedAt;
            this.lookups = lookups;
            this.collegeCode = collegeCode;
            this.target = target;
            this.uploadId = uploadId;
            this.collegeId = collegeId;
        }

        @Override
        public String copySql() {
            return "copy " + target.table() + " (" + EvidencePartitions.COPY_COLUMNS + ") from stdin (format binary)";
        }

        @Override
        public Map<String, Integer> counts() {
            return counts;
        }

        /** Every check ran on the rows as they streamed. */
        @Override
        public SetProblems setProblems(JdbcClient jdbc, int limit) {
            return SetProblems.NONE;
        }

        /**
         * The rows are stored already (a large upload's own partition is now indexed and attached);
         * the students' stored scores are marked stale in one statement.
         */
        @Override
        public Moved move(JdbcClient jdbc, long copiedRows) {
            target.complete(jdbc);
            String[] ids = lookups.students().values().stream().filter(st -> students.get(st.ordinal()))
                    .map(Lookups.StudentRef::id).sorted().toArray(String[]::new);
            jdbc.sql("""
                            insert into stale_score (student_id, upload_id)
                            select s, ? from unnest(?::text[]) s
                            on conflict (student_id) do update set upload_id = excluded.upload_id, since = now()""")
                    .params(uploadId, ids).update();
            return new Moved(copiedRows, List.of(Arrays.copyOf(ids, Math.min(ids.length, STUDENTS_LISTED))),
                    ids.length, Map.of());
        }

        @Override
        public void stage(CsvReader.Row row, CopyWriter out, Findings findings) {
            RowCheck check = new RowCheck(row, findings);
            String studentId = check.required("student_id");
            CheckedRow checked = rows.check(field -> row.get(field.column()), check);
            if (checked.assessedOn() != null && checked.assessedOn().isAfter(today)) {
                findings.warn("row " + row.number() + ": assessed_on " + checked.assessedOn() + " is in the future");
            }
            // what the database knows, from the look-ups: student of the college, programme, outcome, ОТФ
            Lookups.StudentRef student = null;
            Long outcomeId = null;
            if (studentId != null) {
                student = lookups.students().get(studentId);
                if (student == null) {
                    check.problem("student_id", studentId, "unknown student of college " + collegeCode);
                } else {
                    Lookups.ProgrammeRef programme = lookups.programmes().get(student.programmeId());
                    String programmeCode = row.get("programme");
                    if (programmeCode != null && !programmeCode.equals(programme.fgosCode())) {
                        check.problem("programme", programmeCode, "the student studies programme "
                                + programme.fgosCode());
                    }
                    outcomeId = rows.outcome(checked, programme.fgosCode(), programme.outcomes(), check);
                }
            }
            rows.qualification(checked, lookups.qualifications(), check);
            if (check.bad || findings.hasProblems()) {
                // the file will be refused: keep checking for the problem list, stop feeding the COPY
                return;
            }
            store(row, out, findings, checked, student, outcomeId);
        }

        private void store(CsvReader.Row row, CopyWriter out, Findings findings, CheckedRow c,
                           Lookups.StudentRef student, @Nullable Long outcomeId) {
            students.set(student.ordinal());
            EvidenceKind kind = c.kind();
            // binary COPY: each field in the column's own type (bigint, integer, smallint, numeric, boolean, date, text)
            out.row(FIELDS).int8(uploadId).int8(collegeId).int4(row.number()).text(student.id()).int8(outcomeId)
                    .text(c.standardCode()).text(c.generalizedFunction()).text(kind.name()).int2(c.grade())
                    .numeric(c.points()).numeric(c.maxPoints()).bool(c.passed()).date(c.assessedOn())
                    .int4(c.attempt()).text(row.get("assessor")).text(row.get("comment")).text(c.certificateNumber())
                    .text(c.conclusion()).int4(c.place()).timestamptz(recordedAt);
            out.endRow();
            counts.merge(kind.name(), 1, Integer::sum);
            if (outcomeId != null && volumes.passesMaximum(student.ordinal(), outcomeId, kind)) {
                findings.warn("row " + row.number() + ": more than " + volumes.max() + " results for student "
                        + student.id() + ", outcome " + c.outcomeCode() + ", kind " + kind + " in this file (a "
                        + "repeated export?); all are stored, only the latest counts for scoring");
            }
        }
    }

    /** Reports the problems of one row. */
    private static final class RowCheck implements ResultRowCheck.Problems {
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

        @Override
        public void problem(ResultField field, @Nullable String value, String reason) {
            problem(field.column(), value, reason);
        }

        void problem(String column, @Nullable String value, String reason) {
            bad = true;
            findings.problem(row.number(), column, value, reason);
        }
    }
}
