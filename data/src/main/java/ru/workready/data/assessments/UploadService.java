package ru.workready.data.assessments;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.TabularFormat;
import ru.workready.data.csv.TabularReader;
import ru.workready.data.csv.XlsxGuard;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload path shared by assessments and rosters: a spooled body is registered as an upload
 * (or recognised as a repeat), streamed row by row through the loader's checks into a temporary
 * staging table with {@code COPY}, checked as a set in SQL, and moved into the real tables in the
 * same transaction. Any problem rolls everything back, so nothing partial is ever stored; the
 * upload record then says why it was rejected.
 */
@Service
public class UploadService {

    /** A registered upload, or the earlier one this body (or key) repeats. */
    public record Receipt(long uploadId, boolean duplicate, String status) {
    }

    /** A completed upload with the students whose scores it made stale. */
    public record Processed(UploadStatus status, List<String> students) {
    }

    /** How often the in-memory progress of a running upload advances. */
    private static final int PROGRESS_EVERY = 10_000;
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();
    /**
     * Rows read so far by the uploads registered in this process and not finished yet (queued ones too). What other
     * nodes know of them is in the database ({@link UploadHeartbeats}); this is the node's own view of its threads.
     */
    private final Map<Long, AtomicLong> running = new ConcurrentHashMap<>();
    /** Uploads whose rows are being read now (the others are queued). */
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    /** Shutting down: no upload is registered or started any more. */
    private volatile boolean stopping;
    /** The grace period is over: running uploads roll back at their next row. */
    private volatile boolean cancelling;

    /**
     * The application stops before the upload completed: its transaction was rolled back and it is
     * marked failed; the same file can be sent again.
     */
    public static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoppedException() {
            super("The application is stopping; the upload was not stored (nothing partial): send it again later");
        }
    }

    private final UploadHeartbeats heartbeats;

    public UploadService(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, UploadHeartbeats heartbeats,
                         UploadProperties settings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.heartbeats = heartbeats;
        UploadProperties.Xlsx xlsx = settings.xlsx();
        this.xlsxLimits = XlsxGuard.Limits.uploads(xlsx.maxSheetBytes().toBytes(), xlsx.maxPartBytes().toBytes(),
                xlsx.maxSharedStringsBytes().toBytes(), xlsx.maxSharedStrings());
    }

    /** What an uploaded workbook may unpack to (workready.uploads.xlsx.*). */
    private final XlsxGuard.Limits xlsxLimits;

    public long collegeId(String collegeCode) {
        return jdbc.sql("select id from college where code = ?").param(collegeCode).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No college with code " + collegeCode));
    }

    /**
     * Registers the upload, unless a processing or completed upload of the college has the same
     * content or idempotency key: then that one is the answer. An upload left processing by a
     * stopped process is marked failed so that the file can be sent again: at once if it was this node's (it knows
     * it is not running it), after the heartbeat timeout if another node's.
     */
    public Receipt receive(UploadKind kind, String collegeCode, @Nullable String fileName,
                           @Nullable String idempotencyKey, UploadSpool spool, TabularFormat format) {
        long collegeId = collegeId(collegeCode);
        if (stopping) {
            throw new StoppedException();
        }
        String encoding = format == TabularFormat.CSV ? (spool.utf8() ? "UTF-8" : "windows-1251")
                : format == TabularFormat.JSON ? "UTF-8" : null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Earlier> earlier = earlier(kind, collegeId, spool.sha256(), idempotencyKey);
            if (earlier.isPresent()) {
                Receipt e = earlier.get().receipt();
                if (UploadStatus.PROCESSING.equals(e.status())) {
                    if (heartbeats.node().equals(earlier.get().node()) && !running.containsKey(e.uploadId())) {
                        finish(e.uploadId(), UploadStatus.FAILED, "Interrupted before it completed; nothing was "
                                + "stored", null, 0);
                        continue;
                    }
                    if (heartbeats.failIfAbandoned(e.uploadId())) {
                        continue;
                    }
                }
                return e;
            }
            Optional<Long> id = jdbc.sql("""
                            insert into upload (college_id, upload_kind, status, content_hash, idempotency_key, file_name,
                                                format, encoding, byte_count, row_count, node_id, heartbeat_at)
                            values (?, ?, 'PROCESSING', ?, ?, ?, ?, ?, ?, 0, ?, ?)
                            on conflict do nothing returning id""")
                    .params(collegeId, kind.name(), spool.sha256(), idempotencyKey, fileName, format.name(), encoding,
                            spool.bytes(), heartbeats.node(), heartbeats.now())
                    .query(Long.class).optional();
            if (id.isPresent()) {
                running.put(id.get(), new AtomicLong());
                return new Receipt(id.get(), false, UploadStatus.PROCESSING);
            }
            // a concurrent upload of the same file won the race: answer with it
        }
        throw new IllegalStateException("could not register the upload");
    }

    private record Earlier(Receipt receipt, @Nullable String node) {
    }

    private Optional<Earlier> earlier(UploadKind kind, long collegeId, String hash, @Nullable String key) {
        return jdbc.sql("""
                        select id, status, node_id from upload
                        where college_id = ? and status in ('PROCESSING', 'COMPLETED')
                          and ((upload_kind = ? and content_hash = ?) or idempotency_key = ?)
                        order by id limit 1""")
                .params(collegeId, kind.name(), hash, key)
                .query((rs, n) -> new Earlier(new Receipt(rs.getLong(1), true, rs.getString(2)), rs.getString(3)))
                .optional();
    }

    /**
     * Streams the spooled file into staging, checks it and stores it, all in one transaction (it
     * joins the caller's if there is one). On any problem the transaction is rolled back and the
     * upload is marked rejected or failed, and the exception is rethrown.
     */
    public Processed process(long uploadId, UploadLoader loader, UploadSpool spool, TabularFormat format) {
        AtomicLong progress = running.computeIfAbsent(uploadId, id -> new AtomicLong());
        started.add(uploadId);
        try {
            if (stopping) {
                throw new StoppedException();
            }
            return tx.execute(status -> load(uploadId, loader, spool, format, progress));
        } catch (StoppedException e) {
            finish(uploadId, UploadStatus.FAILED, "The application stopped before the upload completed; nothing was "
                    + "stored: send the file again", null, 0);
            throw e;
        } catch (ru.workready.data.ConflictException e) {
            // marked FAILED by another node already: answered 409, the status stays as that node wrote it
            throw e;
        } catch (InvalidInputException e) {
            InvalidInputException typed = e.type().equals(loader.problemType()) ? e
                    : new InvalidInputException(loader.problemType(), e.getMessage(),
                    e.problems().isEmpty() ? List.of(Problem.ofFile(e.getMessage())) : e.problems(),
                    Math.max(1, e.problemCount()));
            finish(uploadId, UploadStatus.REJECTED, typed.getMessage(), typed.problems(), typed.problemCount());
            throw typed;
        } catch (RuntimeException e) {
            finish(uploadId, UploadStatus.FAILED, "The upload failed before it completed; nothing was stored", null, 0);
            throw e;
        } finally {
            started.remove(uploadId);
            running.remove(uploadId);
        }
    }

    /**
     * Graceful shutdown: registers and starts no more uploads, waits up to {@code grace} for the
     * running ones to complete, then makes them roll back at their next row and marks them (and
     * the queued ones) failed. Nothing partial is stored either way. Returns the uploads stopped.
     */
    public int drain(Duration grace) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        if (running.isEmpty()) {
            return 0;
        }
        int stopped = running.size();
        log.warn("Stopping {} upload(s) that did not complete within the shutdown grace period of {}", stopped, grace);
        cancelling = true;
        for (Long id : running.keySet()) {
            if (!started.contains(id) && running.remove(id) != null) {
                // queued behind another upload: it never started
                finish(id, UploadStatus.FAILED, "The application stopped before the upload started; nothing was "
                        + "stored: send the file again", null, 0);
            }
        }
        // a rollback takes moments; a connection stuck in the database is closed with the pool after this
        long rollback = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!started.isEmpty() && System.nanoTime() < rollback) {
            pause();
        }
        return stopped;
    }

    /** Takes uploads again (after a drain: tests, or a context restarted). */
    public void resume() {
        stopping = false;
        cancelling = false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining uploads", e);
        }
    }

    private Processed load(long uploadId, UploadLoader loader, UploadSpool spool, TabularFormat format,
                           AtomicLong progress) {
        UploadStatus registered = status(uploadId).orElseThrow();
        long collegeId = collegeId(registered.college());
        long t0 = System.nanoTime();
        UploadLoader.Stager stager = loader.stager(jdbc, uploadId, collegeId, registered.college(), spool.bytes());
        Findings findings = new Findings();
        Charset charset = spool.utf8() ? StandardCharsets.UTF_8 : CsvReader.WINDOWS_1251;
        int[] rows = {0};
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = new CopyWriter(connection, stager.copySql())) {
            TabularReader.read(format, spool.file(), charset, xlsxLimits, header -> {
                List<Problem> missing = loader.requiredColumns().stream().filter(c -> !header.contains(c))
                        .map(c -> new Problem(1, c, null, "missing column")).toList();
                if (!missing.isEmpty()) {
                    throw new InvalidInputException(loader.problemType(), "The file lacks required columns (expected "
                            + "at least " + String.join(", ", loader.requiredColumns()) + ")", missing, missing.size());
                }
            }, row -> {
                if (cancelling) {
                    throw new StoppedException();
                }
                stager.stage(row, out, findings);
                if (++rows[0] % PROGRESS_EVERY == 0) {
                    progress.set(rows[0]);
                }
            });
            out.finish();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        progress.set(rows[0]);
        if (rows[0] == 0 && !findings.hasProblems()) {
            throw new InvalidInputException(loader.problemType(), "The file has no data rows",
                    List.of(Problem.ofFile("no data rows after the header")), 1);
        }
        long t2 = System.nanoTime();
        long readCpu = THREADS.getCurrentThreadCpuTime() - cpu1;
        if (findings.hasProblems()) {
            reject(loader, stager, findings, jdbc);
        }
        UploadLoader.Moved moved = stager.move(jdbc, rows[0]);
        if (moved.rows() != rows[0]) {
            reject(loader, stager, findings, jdbc);
        }
        Map<String, Integer> counts = new TreeMap<>(moved.counts().isEmpty() ? stager.counts() : moved.counts());
        int completed = jdbc.sql("""
                        update upload set status = 'COMPLETED', row_count = ?, counts_by_kind = ?::jsonb,
                               warnings = ?::jsonb, warning_count = ?, student_count = ?, students = ?::jsonb,
                               finished_at = now()
                        where id = ? and status = 'PROCESSING'""")
                .params(rows[0], json.writeValueAsString(counts), json.writeValueAsString(findings.warnings()),
                        findings.warningCount(), moved.studentCount(), json.writeValueAsString(moved.students()),
                        uploadId)
                .update();
        if (completed == 0) {
            // another node marked it FAILED (this one stalled past the heartbeat timeout): roll back, store nothing
            throw new ru.workready.data.ConflictException(ProblemType.UPLOAD_CONFLICT,
                    "Upload " + uploadId + " took longer than "
                    + "the heartbeat timeout and was marked failed by another node; nothing was stored: send the file "
                    + "again");
        }
        // the phases, for the benchmark (bench/ingest.sh) and for operators
        // (the reading thread's CPU time tells its own work from waiting for the database)
        log.info("Upload {}: {} rows; prepare {} ms, read + check + COPY {} ms (reader CPU {} ms), move + marks {} ms",
                uploadId, rows[0], (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, readCpu / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return new Processed(status(uploadId).orElseThrow(), moved.students());
    }

    /** Adds the set-based problems to those found while streaming and refuses the upload (rolling it back). */
    private static void reject(UploadLoader loader, UploadLoader.Stager stager, Findings findings, JdbcClient jdbc) {
        UploadLoader.SetProblems set = stager.setProblems(jdbc, Findings.LISTED);
        findings.addAll(set.listed(), set.total());
        throw new InvalidInputException(loader.problemType(), "The file has " + findings.problemCount()
                + " problem(s) in its rows; nothing was stored", findings.problems(), findings.problemCount());
    }

    /** Records the outcome of an upload that did not complete, in its own transaction. */
    private void finish(long uploadId, String status, String detail, @Nullable List<Problem> problems, long count) {
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(s -> jdbc.sql("""
                        update upload set status = ?, detail = ?, problems = ?::jsonb, problem_count = ?,
                               finished_at = now()
                        where id = ? and status = 'PROCESSING'""")
                .params(status, detail, problems == null ? null : json.writeValueAsString(problems), count, uploadId)
                .update());
    }

    /** Rows read so far by each upload this node runs (for its heartbeat). */
    public Map<Long, Long> progressHere() {
        Map<Long, Long> progress = new TreeMap<>();
        running.forEach((id, rows) -> progress.put(id, rows.get()));
        return progress;
    }

    public Optional<UploadStatus> status(long uploadId) {
        return jdbc.sql(SELECT + " where u.id = ?").param(uploadId).query(this::map).optional();
    }

    public UploadStatus status(String collegeCode, long uploadId) {
        return jdbc.sql(SELECT + " where u.id = ? and c.code = ?").params(uploadId, collegeCode).query(this::map)
                .optional().orElseThrow(() -> new NotFoundException("No upload " + uploadId + " of college "
                        + collegeCode));
    }

    public List<UploadStatus> recent(String collegeCode, int limit) {
        collegeId(collegeCode);
        return jdbc.sql(SELECT + " where c.code = ? order by u.id desc limit ?").params(collegeCode, limit)
                .query(this::map).list();
    }

    /** The students an upload touched, in id order (the first thousand are kept with the upload). */
    public List<String> students(long uploadId, int limit) {
        List<String> all = json.readValue(jdbc.sql("select students::text from upload where id = ?").param(uploadId)
                .query(String.class).single(), STRINGS);
        return all.subList(0, Math.min(limit, all.size()));
    }

    private static final String SELECT = """
            select u.id, c.code, u.upload_kind, u.status, u.file_name, u.format, u.encoding, u.byte_count, u.row_count,
                   u.counts_by_kind::text, u.student_count,
                   (select count(*) from stale_score s where s.upload_id = u.id),
                   u.warnings::text, u.warning_count, u.problems::text, u.problem_count, u.detail, u.created_at,
                   u.finished_at, u.rows_read
            from upload u join college c on c.id = u.college_id""";

    private UploadStatus map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong(1);
        String status = rs.getString(4);
        AtomicLong progress = running.get(id);
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
