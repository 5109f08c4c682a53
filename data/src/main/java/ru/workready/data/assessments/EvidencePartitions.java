package ru.workready.data.assessments;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where an upload's evidence rows go. {@code evidence} is partitioned by hash of the college
 * ({@code evidence_p00} … {@code evidence_p15}), and each of those by list of {@code segment}:
 * segment 0 ({@code evidence_pNN_shared}) holds the rows of ordinary uploads; a large upload's
 * rows get a partition of their own ({@code evidence_pNN_upload_<id>}, segment = the upload's id).
 * That partition is created in the upload's transaction, loaded without an index, indexed in bulk
 * once loaded and only then attached: keeping an index up to date row by row was most of what the
 * database spent on an upload (docs/benchmarks.md). If the upload is rolled back, the partition
 * was never there.
 */
public final class EvidencePartitions {
    private static final Logger log = LoggerFactory.getLogger(EvidencePartitions.class);
    /**
     * The columns an upload COPYs, in its binary rows' order (the rest take their defaults). recorded_at is written
     * from the application's clock, not the database's now(), so that "known at" reads agree with the app's time.
     */
    public static final String COPY_COLUMNS = "upload_id, college_id, row_number, student_id, outcome_id, "
            + "standard_code, generalized_function_code, kind, grade, points, max_points, passed, assessed_on, attempt, "
            + "assessor, comment, certificate_number, conclusion, place, recorded_at";

    /**
     * The columns a large upload COPYs into its own partition: its ids (reserved in blocks, {@link EvidenceIds}), and
     * not the three that are the same on every row (upload, college, recorded_at), which the new table takes as
     * defaults while it is loaded — 36 bytes a row less to send, decode and check.
     */
    public static final String OWN_COPY_COLUMNS = "id, row_number, student_id, outcome_id, standard_code, "
            + "generalized_function_code, kind, grade, points, max_points, passed, assessed_on, attempt, assessor, "
            + "comment, certificate_number, conclusion, place";

    /**
     * The table an upload COPYs into, and what makes its rows part of {@code evidence} once every
     * row is in (in the upload's transaction).
     */
    public record Target(String table, Consumer<JdbcClient> completion) {
        public void complete(JdbcClient jdbc) {
            completion.accept(jdbc);
        }
    }

    private EvidencePartitions() {
    }

    /** The college's partition that ordinary uploads COPY into directly (no routing per row). */
    public static Target shared(JdbcClient jdbc, long collegeId) {
        String table = jdbc.sql("""
                        select c.oid::regclass::text
                        from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = ?::regclass
                          and pg_get_expr(c.relpartbound, c.oid) = 'FOR VALUES IN (''0'')'""")
                .param(collegePartition(jdbc, collegeId)).query(String.class).single();
        // the shared partition's index takes each row as it comes: nothing to complete
        return new Target(table, tx -> {
        });
    }

    /**
     * A new, unindexed table shaped like the college's partition (columns, defaults, checks), whose
     * rows default to the upload's segment. It also carries the partition's bounds as a check, tested
     * on each row as it arrives, so that the attach need not scan the rows again to prove them.
     */
    public static Target ownPartition(JdbcClient jdbc, long collegeId, long uploadId, java.time.Instant recordedAt) {
        String parent = collegePartition(jdbc, collegeId);
        String table = parent + "_upload_" + uploadId;
        String parentBounds = jdbc.sql("select pg_get_partition_constraintdef(?::regclass)").param(parent)
                .query(String.class).single();
        jdbc.sql("create table " + table + " (like " + parent + " including defaults including constraints)").update();
        jdbc.sql("alter table " + table + " alter column segment set default " + uploadId
                + ", alter column upload_id set default " + uploadId + ", alter column college_id set default "
                + collegeId + ", alter column recorded_at set default '"
                + recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS) + "'::timestamptz").update();
        jdbc.sql("alter table " + table + " add constraint " + table + "_bounds check (segment = " + uploadId
                + "::bigint and " + parentBounds + ")").update();
        // One index build over the loaded rows, then the attach: the bounds check proves the rows
        // belong (no scan), and the index becomes the partition's part of evidence_student_idx. The
        // attach locks the college partition against other attaches only (SHARE UPDATE EXCLUSIVE):
        // reads and ordinary uploads go on.
        return new Target(table, tx -> {
            long t0 = System.nanoTime();
            // enough sort memory for the build to be parallel and in memory (uploads run one at a time)
            tx.sql("set local maintenance_work_mem = '256MB'").update();
            tx.sql("create index on " + table + " (student_id)").update();
            tx.sql("reset maintenance_work_mem").update();
            long t1 = System.nanoTime();
            tx.sql("alter table " + parent + " attach partition " + table + " for values in (" + uploadId + ")")
                    .update();
            // the bounds are the partition's own now; the constants were for the load only
            tx.sql("alter table " + table + " drop constraint " + table + "_bounds").update();
            tx.sql("alter table " + table + " alter column upload_id drop default, alter column college_id drop "
                    + "default, alter column recorded_at set default now()").update();
            log.info("Upload {}: partition {} indexed in {} ms, attached in {} ms", uploadId, table,
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        });
    }

    /** The partition of {@code evidence} that holds the college's rows (by hash of the college's id). */
    static String collegePartition(JdbcClient jdbc, long collegeId) {
        return jdbc.sql("""
                        select c.oid::regclass::text
                        from pg_inherits i join pg_class c on c.oid = i.inhrelid
                        cross join lateral regexp_match(pg_get_expr(c.relpartbound, c.oid),
                                                        'modulus (\\d+), remainder (\\d+)') m
                        where i.inhparent = 'evidence'::regclass
                          and satisfies_hash_partition('evidence'::regclass, m[1]::int, m[2]::int, ?::bigint)""")
                .param(collegeId).query(String.class).single();
    }
}
