package ru.workready.data.assessments;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.ProblemType;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.TabularFormat;
import ru.workready.data.csv.TabularReader;
import ru.workready.data.csv.XlsxGuard;

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

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final UploadRecords records;
    private final UploadsRunningHere here = new UploadsRunningHere();

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

    /**
     * An upload read while its body arrived stops and leaves no trace: the body repeats an upload of the college
     * (answered with that one) or broke off. Its record is removed once its transaction has rolled back.
     */
    public static final class WithdrawnException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WithdrawnException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * An upload read while its body arrived must be read again from the whole body: it is not UTF-8 after all, or the
     * body came slower than it is read while another upload waits. Rolled back, it stays registered and queued.
     */
    public static final class ReadAgainException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ReadAgainException(String reason) {
            super(reason, null, false, false);
        }
    }

    private final UploadHeartbeats heartbeats;

    public UploadService(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, UploadHeartbeats heartbeats,
                         UploadProperties settings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.heartbeats = heartbeats;
        this.records = new UploadRecords(jdbc, tx, here::progress);
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
        if (here.stopping()) {
            throw new StoppedException();
        }
        String encoding = format == TabularFormat.CSV ? (spool.utf8() ? "UTF-8" : "windows-1251")
                : format == TabularFormat.JSON ? "UTF-8" : null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<UploadRecords.Earlier> earlier = records.earlier(kind, collegeId, spool.sha256(), idempotencyKey);
            if (earlier.isPresent()) {
                if (failedIfAbandoned(earlier.get())) {
                    continue;
                }
                return earlier.get().receipt();
            }
            Optional<Long> id = records.register(kind, collegeId, fileName, idempotencyKey, spool, format, encoding,
                    heartbeats.node(), heartbeats.now());
            if (id.isPresent()) {
                here.registered(id.get());
                return new Receipt(id.get(), false, UploadStatus.PROCESSING);
            }
            // a concurrent upload of the same file won the race: answer with it
        }
        throw new IllegalStateException("could not register the upload");
    }

    /**
     * An earlier upload that a stopped process left processing is marked failed (true: look again): at once if it
     * was this node's (it knows it is not running it), after the heartbeat timeout if another node's.
     */
    private boolean failedIfAbandoned(UploadRecords.Earlier earlier) {
        Receipt e = earlier.receipt();
        if (!UploadStatus.PROCESSING.equals(e.status())) {
            return false;
        }
        if (heartbeats.node().equals(earlier.node()) && !here.runs(e.uploadId())) {
            finish(e.uploadId(), UploadStatus.FAILED, "Interrupted before it completed; nothing was stored", null, 0);
            return true;
        }
        return heartbeats.failIfAbandoned(e.uploadId());
    }

    /**
     * Registers an upload whose body is still arriving (read as UTF-8 CSV while it arrives): its content is not known
     * yet, so only its idempotency key can repeat an earlier upload's — then empty, and the caller spools the whole
     * body and {@link #receive}s it as usual. {@link #claim} it once the body has arrived. The key is the upload's
     * only from the claim on: a retry with the key while this body still arrives must not be told of an upload that
     * may yet be withdrawn.
     */
    public Optional<Long> receiveArriving(UploadKind kind, String collegeCode, @Nullable String fileName,
                                          @Nullable String idempotencyKey, long bytes) {
        long collegeId = collegeId(collegeCode);
        if (here.stopping()) {
            throw new StoppedException();
        }
        if (idempotencyKey != null && records.earlier(kind, collegeId, "", idempotencyKey).isPresent()) {
            return Optional.empty();
        }
        Optional<Long> id = records.register(kind, collegeId, fileName, null,
                "arriving:" + java.util.UUID.randomUUID(), bytes, TabularFormat.CSV, "UTF-8", heartbeats.node(),
                heartbeats.now());
        id.ifPresent(here::registered);
        return id;
    }

    /**
     * The body of an upload registered while it arrived is in: the upload takes its content's hash and its
     * idempotency key, unless a processing or completed upload of the college has the same content or key — then that
     * one is the answer (and this one is to be withdrawn). One whose reading ended already (rejected, or failed)
     * takes them all the same.
     */
    public Optional<Receipt> claim(long uploadId, UploadKind kind, String collegeCode, @Nullable String idempotencyKey,
                                   UploadSpool spool) {
        long collegeId = collegeId(collegeCode);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                records.claim(uploadId, spool.sha256(), spool.utf8() ? "UTF-8" : "windows-1251", idempotencyKey);
                return Optional.empty();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                Optional<UploadRecords.Earlier> earlier = records.earlier(kind, collegeId, spool.sha256(),
                        idempotencyKey);
                if (earlier.isPresent() && !failedIfAbandoned(earlier.get())) {
                    return Optional.of(earlier.get().receipt());
                }
            }
        }
        throw new IllegalStateException("could not claim the upload's content");
    }

    /** Removes an upload registered while its body arrived that did not arrive whole after it was read again. */
    public void withdraw(long uploadId) {
        try {
            records.forget(uploadId);
        } finally {
            here.done(uploadId);
        }
    }

    /** Marks an upload the node could not run any more (it is stopping) failed: nothing of it was stored. */
    public void stopped(long uploadId) {
        try {
            finishStopped(uploadId);
        } finally {
            here.done(uploadId);
        }
    }

    private void finishStopped(long uploadId) {
        finish(uploadId, UploadStatus.FAILED, "The application stopped before the upload completed; nothing was "
                + "stored: send the file again", null, 0);
    }

    /** Shutting down: no upload is registered or started any more. */
    public boolean stopping() {
        return here.stopping();
    }

    /** Whether running uploads are to stop at their next row (the shutdown's grace is over). */
    public boolean cancelling() {
        return here.cancelling();
    }

    /**
     * Streams the spooled file into staging, checks it and stores it, all in one transaction (it
     * joins the caller's if there is one). On any problem the transaction is rolled back and the
     * upload is marked rejected or failed, and the exception is rethrown.
     */
    public Processed process(long uploadId, UploadLoader loader, UploadContent spool, TabularFormat format) {
        AtomicLong progress = here.start(uploadId);
        boolean queuedAgain = false;
        try {
            if (here.stopping()) {
                throw new StoppedException();
            }
            return tx.execute(status -> load(uploadId, loader, spool, format, progress));
        } catch (WithdrawnException e) {
            records.forget(uploadId);
            throw e;
        } catch (ReadAgainException e) {
            queuedAgain = true;
            throw e;
        } catch (StoppedException e) {
            finishStopped(uploadId);
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
            if (queuedAgain) {
                here.queuedAgain(uploadId);
            } else {
                here.done(uploadId);
            }
        }
    }

    /**
     * Graceful shutdown: registers and starts no more uploads, waits up to {@code grace} for the
     * running ones to complete, then makes them roll back at their next row and marks them (and
     * the queued ones) failed. Nothing partial is stored either way. Returns the uploads stopped.
     */
    public int drain(Duration grace) {
        return here.drain(grace, id -> finish(id, UploadStatus.FAILED, "The application stopped before the upload "
                + "started; nothing was stored: send the file again", null, 0));
    }

    /** Takes uploads again (after a drain: tests, or a context restarted). */
    public void resume() {
        here.resume();
    }

    private Processed load(long uploadId, UploadLoader loader, UploadContent spool, TabularFormat format,
                           AtomicLong progress) {
        UploadStatus registered = status(uploadId).orElseThrow();
        long collegeId = collegeId(registered.college());
        long t0 = System.nanoTime();
        UploadLoader.Stager stager = loader.stager(jdbc, uploadId, collegeId, registered.college(), spool.bytes());
        UploadFindings findings = new UploadFindings();
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        int rows = copyRows(loader, stager, findings, spool, format, progress);
        stager.rowsEnded(findings);
        progress.set(rows);
        if (rows == 0 && !findings.hasProblems()) {
            throw new InvalidInputException(loader.problemType(), "The file has no data rows",
                    List.of(Problem.ofFile("no data rows after the header")), 1);
        }
        long t2 = System.nanoTime();
        long readCpu = THREADS.getCurrentThreadCpuTime() - cpu1;
        if (findings.hasProblems()) {
            reject(loader, stager, findings, jdbc);
        }
        UploadLoader.Moved moved = stager.move(jdbc, rows);
        if (moved.rows() != rows) {
            reject(loader, stager, findings, jdbc);
        }
        Map<String, Integer> counts = new TreeMap<>(moved.counts().isEmpty() ? stager.counts() : moved.counts());
        if (!records.complete(uploadId, rows, counts, findings, moved)) {
            // another node marked it FAILED (this one stalled past the heartbeat timeout): roll back, store nothing
            throw new ru.workready.data.ConflictException(ProblemType.UPLOAD_CONFLICT, "Upload " + uploadId
                    + " took longer than "
                    + "the heartbeat timeout and was marked failed by another node; nothing was stored: send the file "
                    + "again");
        }
        // the phases, for the benchmark (bench/ingest.sh) and for operators
        // (the reading thread's CPU time tells its own work from waiting for the database)
        log.info("Upload {}: {} rows; prepare {} ms, read + check + COPY {} ms (reader CPU {} ms), move + marks {} ms",
                uploadId, rows, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, readCpu / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return new Processed(status(uploadId).orElseThrow(), moved.students());
    }

    /**
     * Streams a file through a loader's stager into its COPY in a transaction that is rolled back, nothing recorded:
     * the start-up warm-up ({@link UploadWarmUp}) runs the very loop an upload runs, so that the JIT compiles it as
     * uploads use it. Returns the rows read.
     */
    int rehearse(UploadLoader loader, java.util.function.Function<JdbcClient, UploadLoader.Stager> stager,
                 UploadSpool spool) {
        // a shutdown waits for it as for an upload, or stops it at its next row, before the pool closes
        if (!here.startRehearsal()) {
            return 0;
        }
        try {
            Integer rows = tx.execute(status -> {
                status.setRollbackOnly();
                UploadLoader.Stager s = stager.apply(jdbc);
                UploadFindings findings = new UploadFindings();
                int read = copyRows(loader, s, findings, spool, TabularFormat.CSV, new AtomicLong());
                s.rowsEnded(findings);
                if (findings.hasProblems()) {
                    throw new IllegalStateException("the rehearsal's file has problems: " + findings.problems());
                }
                return read;
            });
            return rows == null ? 0 : rows;
        } finally {
            here.rehearsalDone();
        }
    }

    /** Streams the file's rows through the stager's checks into its COPY; returns the rows read. */
    private int copyRows(UploadLoader loader, UploadLoader.Stager stager, UploadFindings findings,
                         UploadContent spool, TabularFormat format, AtomicLong progress) {
        Charset charset = spool.utf8() ? StandardCharsets.UTF_8 : CsvReader.WINDOWS_1251;
        int[] rows = {0};
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = new CopyWriter(connection, stager.copySql())) {
            java.util.function.Consumer<List<String>> header = names -> requireColumns(loader, names);
            java.util.function.Consumer<CsvReader.Row> sink = row -> {
                if (here.cancelling()) {
                    throw new StoppedException();
                }
                stager.stage(row, out, findings);
                if (++rows[0] % PROGRESS_EVERY == 0) {
                    progress.set(rows[0]);
                }
            };
            if (format == TabularFormat.CSV) {
                // from its stream: a body still arriving is read as its bytes come
                try (java.io.InputStream in = spool.open()) {
                    CsvReader.read(in, charset, header, sink);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else {
                TabularReader.read(format, spool.file(), charset, xlsxLimits, header, sink);
            }
            out.finish();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return rows[0];
    }

    private static void requireColumns(UploadLoader loader, List<String> header) {
        List<Problem> missing = loader.requiredColumns().stream().filter(c -> !header.contains(c))
                .map(c -> new Problem(1, c, null, "missing column")).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(loader.problemType(), "The file lacks required columns (expected "
                    + "at least " + String.join(", ", loader.requiredColumns()) + ")", missing, missing.size());
        }
    }

    /** Adds the set-based problems to those found while streaming and refuses the upload (rolling it back). */
    private static void reject(UploadLoader loader, UploadLoader.Stager stager, UploadFindings findings, JdbcClient jdbc) {
        UploadLoader.SetProblems set = stager.setProblems(jdbc, UploadFindings.LISTED);
        findings.addAll(set.listed(), set.total());
        throw new InvalidInputException(loader.problemType(), "The file has " + findings.problemCount()
                + " problem(s) in its rows; nothing was stored", findings.problems(), findings.problemCount());
    }

    /** Records the outcome of an upload that did not complete, in its own transaction. */
    private void finish(long uploadId, String status, String detail, @Nullable List<Problem> problems, long count) {
        records.finish(uploadId, status, detail, problems, count);
    }

    /** Rows read so far by each upload this node runs (for its heartbeat). */
    public Map<Long, Long> progressHere() {
        return here.progress();
    }

    public Optional<UploadStatus> status(long uploadId) {
        return records.status(uploadId);
    }

    public UploadStatus status(String collegeCode, long uploadId) {
        return records.status(collegeCode, uploadId);
    }

    public List<UploadStatus> recent(String collegeCode, int limit) {
        collegeId(collegeCode);
        return records.recent(collegeCode, limit);
    }

    /** The students an upload touched, in id order (the first thousand are kept with the upload). */
    public List<String> students(long uploadId, int limit) {
        return records.students(uploadId, limit);
    }
}
