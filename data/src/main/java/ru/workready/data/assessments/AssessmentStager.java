package ru.workready.data.assessments;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.csv.CsvReader;
import ru.workready.engine.assessments.EvidenceKind;

/** Checks each row in full (the look-ups included) and COPYs it into evidence while the file has no problem. */
final class AssessmentStager implements UploadLoader.Stager {
    private final AssessmentLookups lookups;
    private final String collegeCode;
    private final EvidencePartitions.Target target;
    private final long uploadId;
    /** Columns of the COPY. */
    private static final int FIELDS = 20;
    /** Columns of the COPY into an upload's own partition ({@link EvidencePartitions#OWN_COPY_COLUMNS}). */
    private static final int OWN_FIELDS = 18;
    private final long collegeId;
    /** Students with rows in the file, by ordinal (bounded by the college). */
    private final BitSet students = new BitSet();
    /** Stored rows by evidence kind (by ordinal). */
    private final int[] kindCounts = new int[EvidenceKind.values().length];
    /** Results dated after it get a warning. */
    private final LocalDate today;
    /** When the upload's rows are recorded (evidence.recorded_at), by the application's clock. */
    private final java.time.Instant recordedAt;
    /** The row check of every input; it parses each distinct code and date of the file once. */
    private final ResultRowCheck rows = new ResultRowCheck();
    private final ResultVolumes volumes;
    /** Ids for the rows, reserved in blocks (a large upload's own partition); null: the column's default. */
    private final EvidenceIds.@Nullable Source ids;

    AssessmentStager(AssessmentLookups lookups, long uploadId, long collegeId, String collegeCode,
                     EvidencePartitions.Target target, LocalDate today, java.time.Instant recordedAt,
                     ResultVolumes volumes, EvidenceIds.@Nullable Source ids) {
        this.volumes = volumes;
        this.ids = ids;
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
        return "copy " + target.table() + " (" + (ids != null ? EvidencePartitions.OWN_COPY_COLUMNS
                : EvidencePartitions.COPY_COLUMNS) + ") from stdin (format binary)";
    }

    @Override
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (EvidenceKind kind : EvidenceKind.values()) {
            if (kindCounts[kind.ordinal()] > 0) {
                counts.put(kind.name(), kindCounts[kind.ordinal()]);
            }
        }
        return counts;
    }

    /** Every check ran on the rows as they streamed. */
    @Override
    public UploadLoader.SetProblems setProblems(JdbcClient jdbc, int limit) {
        return UploadLoader.SetProblems.NONE;
    }

    /**
     * The rows are stored already (a large upload's own partition is now indexed and attached);
     * the students' stored scores are marked stale in one statement.
     */
    @Override
    public UploadLoader.Moved move(JdbcClient jdbc, long copiedRows) {
        target.complete(jdbc);
        String[] ids = students.stream().mapToObj(lookups.students()::id).sorted().toArray(String[]::new);
        jdbc.sql("""
                        insert into stale_score (student_id, upload_id)
                        select s, ? from unnest(?::text[]) s
                        on conflict (student_id) do update set upload_id = excluded.upload_id, since = now()""")
                .params(uploadId, ids).update();
        return new UploadLoader.Moved(copiedRows, List.of(Arrays.copyOf(ids, Math.min(ids.length, AssessmentUploadService.STUDENTS_LISTED))),
                ids.length, Map.of());
    }

    @Override
    public void stage(CsvReader.Row row, CopyWriter out, UploadFindings findings) {
        RowProblems check = new RowProblems(row, findings);
        String studentId = check.required("student_id");
        CheckedRow checked = rows.check(field -> row.get(field.column()), check);
        if (checked.assessedOn() != null && checked.assessedOn().isAfter(today)) {
            findings.warn("row " + row.number() + ": assessed_on " + checked.assessedOn() + " is in the future");
        }
        // what the database knows, from the look-ups: student of the college, programme, outcome, ОТФ
        int student = -1;
        Long outcomeId = null;
        if (studentId != null) {
            student = lookups.students().find(studentId);
            if (student < 0) {
                check.problem("student_id", studentId, "unknown student of college " + collegeCode);
            } else {
                AssessmentLookups.ProgrammeRef programme = lookups.students().programme(student);
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
        store(row, out, checked, studentId, student, outcomeId);
    }

    /** Stores a checked row of the student with this id and ordinal. */
    private void store(CsvReader.Row row, CopyWriter out, CheckedRow c, String studentId, int student,
                       @Nullable Long outcomeId) {
        students.set(student);
        EvidenceKind kind = c.kind();
        // binary COPY: each field in the column's own type (bigint, integer, smallint, numeric, boolean, date, text)
        if (ids != null) { // a partition of its own: the constants are its defaults
            out.row(OWN_FIELDS).int8(ids.next());
        } else {
            out.row(FIELDS).int8(uploadId).int8(collegeId);
        }
        out.int4(row.number()).text(studentId).int8(outcomeId)
                .text(c.standardCode()).text(c.generalizedFunction()).text(kind.name()).int2(c.grade())
                .numeric(c.points()).numeric(c.maxPoints()).bool(c.passed()).date(c.assessedOn())
                .int4(c.attempt()).text(row.get("assessor")).text(row.get("comment")).text(c.certificateNumber())
                .text(c.conclusion()).int4(c.place());
        if (ids == null) {
            out.timestamptz(recordedAt);
        }
        out.endRow();
        kindCounts[kind.ordinal()]++;
        if (outcomeId != null) {
            volumes.count(student, outcomeId, kind, row.number());
        }
    }

    /** Warns of the keys with implausibly many results, in the order of their rows. */
    @Override
    public void rowsEnded(UploadFindings findings) {
        for (ResultVolumes.Excess e : volumes.excesses()) {
            String outcome = lookups.students().programme(e.studentOrdinal()).outcomes().entrySet().stream()
                    .filter(o -> o.getValue() == e.outcomeId()).map(Map.Entry::getKey).findFirst().orElse("?");
            findings.warn("row " + e.row() + ": more than " + volumes.max() + " results for student "
                    + lookups.students().id(e.studentOrdinal()) + ", outcome " + outcome + ", kind " + e.kind()
                    + " in this file (a repeated export?); all are stored, only the latest counts for scoring");
        }
    }
}
