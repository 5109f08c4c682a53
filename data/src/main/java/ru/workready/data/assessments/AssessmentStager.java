package ru.workready.data.assessments;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.assessments.AssessmentRowChecks.CheckedRow;
import ru.workready.data.assessments.UploadLoader.Moved;
import ru.workready.data.assessments.UploadLoader.SetProblems;
import ru.workready.data.csv.CsvReader;

/** Checks each row in full (the look-ups included) and COPYs it into evidence while the file has no problem. */
final class AssessmentStager implements UploadLoader.Stager {
    /** Columns of the COPY. */
    private static final int FIELDS = 20;

    private final AssessmentRowChecks checks;
    private final AssessmentLookups lookups;
    private final EvidencePartitions.Target target;
    private final long uploadId;
    private final long collegeId;
    /** Students with rows in the file, by ordinal (bounded by the college). */
    private final BitSet students = new BitSet();
    private final Map<String, Integer> counts = new HashMap<>();
    /** When the upload's rows are recorded (evidence.recorded_at), by the application's clock. */
    private final Instant recordedAt;
    private final ResultVolumes volumes;

    AssessmentStager(AssessmentRowChecks checks, AssessmentLookups lookups, long uploadId, long collegeId,
                     EvidencePartitions.Target target, Instant recordedAt, ResultVolumes volumes) {
        this.checks = checks;
        this.lookups = lookups;
        this.uploadId = uploadId;
        this.collegeId = collegeId;
        this.target = target;
        this.recordedAt = recordedAt;
        this.volumes = volumes;
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
                .map(AssessmentLookups.StudentRef::id).sorted().toArray(String[]::new);
        jdbc.sql("""
                        insert into stale_score (student_id, upload_id)
                        select s, ? from unnest(?::text[]) s
                        on conflict (student_id) do update set upload_id = excluded.upload_id, since = now()""")
                .params(uploadId, ids).update();
        int listed = Math.min(ids.length, AssessmentUploadService.STUDENTS_LISTED);
        return new Moved(copiedRows, List.of(Arrays.copyOf(ids, listed)), ids.length, Map.of());
    }

    @Override
    public void stage(CsvReader.Row row, CopyWriter out, Findings findings) {
        CheckedRow r = checks.check(row, findings);
        if (r == null) {
            // the file will be refused: keep checking for the problem list, stop feeding the COPY
            return;
        }
        students.set(r.student().ordinal());
        // binary COPY: each field in the column's own type (bigint, integer, smallint, numeric, boolean, date, text)
        out.row(FIELDS).int8(uploadId).int8(collegeId).int4(row.number()).text(r.student().id()).int8(r.outcomeId())
                .text(r.standardCode()).text(r.gfCode()).text(r.kind().name()).int2(r.result().grade())
                .numeric(r.result().points()).numeric(r.result().max()).bool(r.result().passed()).date(r.date())
                .int4(r.attempt()).text(row.get("assessor")).text(row.get("comment")).text(r.certificate())
                .text(r.conclusion()).int4(r.place()).timestamptz(recordedAt);
        out.endRow();
        counts.merge(r.kind().name(), 1, Integer::sum);
        if (r.outcomeId() != null && volumes.passesMaximum(r.student().ordinal(), r.outcomeId(), r.kind())) {
            findings.warn("row " + row.number() + ": more than " + volumes.max() + " results for student "
                    + r.student().id() + ", outcome " + r.outcome() + ", kind " + r.kind() + " in this file (a repeated "
                    + "export?); all are stored, only the latest counts for scoring");
        }
    }
}
