package ru.workready.data.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.csv.TabularFormat;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code upload} table for {@link UploadService}: an upload registered, found again as a repeat, closed as
 * completed, rejected or failed, and read back as an {@link UploadStatus}.
 */
final class UploadRecords {
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };
    private static final String SELECT = """
            select u.id, c.code, u.upload_kind, u.status, u.file_name, u.format, u.encoding, u.byte_count, u.row_count,
                   u.counts_by_kind::text, u.student_count,
                   (select count(*) from stale_score s where s.upload_id = u.id),
                   u.warnings::text, u.warning_count, u.problems::text, u.problem_count, u.detail, u.created_at,
                   u.finished_at, u.rows_read
            from upload u join college c on c.id = u.college_id""";

    /** An earlier upload a new one repeats, and the node that registered it. */
    record Earlier(UploadService.Receipt receipt, @Nullable String node) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The rows read so far by an upload this node runs, or null (another node's, or finished). */
    private final LongFunction<@Nullable AtomicLong> runningHere;

    UploadRecords(JdbcClient jdbc, TransactionTemplate tx, LongFunction<@Nullable AtomicLong> runningHere) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.runningHere = runningHere;
    }

    Optional<Earlier> earlier(UploadKind kind, long collegeId, String hash, @Nullable String key) {
        return jdbc.sql("""
                        select id, status, node_id from upload
                        where college_id = ? and status in ('PROCESSING', 'COMPLETED')
                          and ((upload_kind = ? and content_hash = ?) or idempotency_key = ?)
                        order by id limit 1""")
                .params(collegeId, kind.name(), hash, key)
                .query((rs, n) -> new Earlier(new UploadService.Receipt(rs.getLong(1), true, rs.getString(2)),
                        rs.getString(3)))
                .optional();
    }

    /** A new upload, processing on this node; empty when a concurrent upload of the same file won the race. */
    Optional<Long> register(UploadKind kind, long collegeId, @Nullable String fileName, @Nullable String idempotencyKey,
                            UploadSpool spool, TabularFormat format, @Nullable String encoding, String node,
                            OffsetDateTime now) {
        return register(kind, collegeId, fileName, idempotencyKey, spool.sha256(), spool.bytes(), format, encoding,
                node, now);
    }

    /**
     * As above, for a body still arriving: its hash is a placeholder of its own until {@link #claim} (so it meets no
     * other upload's), its size the one announced.
     */
    Optional<Long> register(UploadKind kind, long collegeId, @Nullable String fileName, @Nullable String idempotencyKey,
                            String hash, long bytes, TabularFormat format, @Nullable String encoding, String node,
                            OffsetDateTime now) {
        return jdbc.sql("""
                        insert into upload (college_id, upload_kind, status, content_hash, idempotency_key, file_name,
                                            format, encoding, byte_count, row_count, node_id, heartbeat_at)
                        values (?, ?, 'PROCESSING', ?, ?, ?, ?, ?, ?, 0, ?, ?)
                        on conflict do nothing returning id""")
                .params(collegeId, kind.name(), hash, idempotencyKey, fileName, format.name(), encoding, bytes,
                        node, now)
                .query(Long.class).optional();
    }

    /**
     * Gives an upload registered while its body arrived the body's hash and encoding once it has arrived; a
     * processing or completed upload of the college with the same content makes this a
     * {@link org.springframework.dao.DuplicateKeyException} (the unique index decides, concurrent uploads included).
     */
    void claim(long uploadId, String hash, String encoding, @Nullable String idempotencyKey) {
        jdbc.sql("update upload set content_hash = ?, encoding = ?, idempotency_key = ? where id = ?")
                .params(hash, encoding, idempotencyKey, uploadId).update();
    }

    /** Removes an upload whose body turned out a repeat of another or broke off: none of its rows were stored. */
    void forget(long uploadId) {
        jdbc.sql("delete from upload where id = ?").param(uploadId).update();
    }

    /** Marks a processing upload completed; false when another node marked it failed meanwhile. */
    boolean complete(long uploadId, int rows, Map<String, Integer> counts, UploadFindings findings,
                     UploadLoader.Moved moved) {
        return jdbc.sql("""
                        update upload set status = 'COMPLETED', row_count = ?, counts_by_kind = ?::jsonb,
                               warnings = ?::jsonb, warning_count = ?, student_count = ?, students = ?::jsonb,
                               finished_at = now()
                        where id = ? and status = 'PROCESSING'""")
                .params(rows, json.writeValueAsString(counts), json.writeValueAsString(findings.warnings()),
                        findings.warningCount(), moved.studentCount(), json.writeValueAsString(moved.students()),
                        uploadId)
                .update() > 0;
    }

    /** Records the outcome of an upload that did not complete, in its own transaction. */
    void finish(long uploadId, String status, String detail, @Nullable List<Problem> problems, long count) {
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(s -> jdbc.sql("""
                        update upload set status = ?, detail = ?, problems = ?::jsonb, problem_count = ?,
                               finished_at = now()
                        where id = ? and status = 'PROCESSING'""")
                .params(status, detail, problems == null ? null : json.writeValueAsString(problems), count, uploadId)
                .update());
    }

    Optional<UploadStatus> status(long uploadId) {
        return jdbc.sql(SELECT + " where u.id = ?").param(uploadId).query(this::map).optional();
    }

    UploadStatus status(String collegeCode, long uploadId) {
        return jdbc.sql(SELECT + " where u.id = ? and c.code = ?").params(uploadId, collegeCode).query(this::map)
                .optional().orElseThrow(() -> new NotFoundException("No upload " + uploadId + " of college "
                        + collegeCode));
    }

    List<UploadStatus> recent(String collegeCode, int limit) {
        return jdbc.sql(SELECT + " where c.code = ? order by u.id desc limit ?").params(collegeCode, limit)
                .query(this::map).list();
    }

    /** The students an upload touched, in id order (the first thousand are kept with the upload). */
    List<String> students(long uploadId, int limit) {
        List<String> all = json.readValue(jdbc.sql("select students::text from upload where id = ?").param(uploadId)
                .query(String.class).single(), STRINGS);
        return all.subList(0, Math.min(limit, all.size()));
    }

    private UploadStatus map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong(1);
        String status = rs.getString(4);
        AtomicLong progress = runningHere.apply(id);
        // a processing upload of another node: the rows its last heartbeat counted
        long rowsRead = !UploadStatus.PROCESSING.equals(status) ? rs.getInt(9)
                : progress != null ? progress.get() : rs.getLong(20);
        String problems = rs.getString(15);
        return new UploadStatus(id, rs.getString(2), UploadKind.valueOf(rs.getString(3)), status, rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getInt(9), rowsRead,
                new TreeMap<>(json.readValue(rs.getString(10), COUNTS)), rs.getInt(11), rs.getLong(12),
                json.readValue(rs.getString(13), STRINGS), rs.getInt(14),
                problems == null ? List.of() : json.readValue(problems, PROBLEMS), rs.getInt(16), rs.getString(17),
                rs.getObject(18, OffsetDateTime.class), rs.getObject(19, OffsetDateTime.class));
    }
}
