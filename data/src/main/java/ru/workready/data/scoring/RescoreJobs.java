package ru.workready.data.scoring;

import ru.workready.data.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import ru.workready.data.ProblemType;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.scoring.BulkScoringRepository;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;
import ru.workready.data.scoring.ScoringBatches;
import ru.workready.engine.assessments.Evidence;

/**
 * Rescoring a college or a region in the background: the students are cut into batches, the
 * batches dealt to two workers (two cores busy), each batch read in one snapshot (evidence and
 * stale marks) and written with one delete and one COPY, clearing the stale marks the read
 * answered in the same transaction. Progress is kept in {@code rescore_job}; a cancel, asked on any node, is a flag in
 * that row which the workers read with each batch's progress: they stop between batches (batches already written stay
 * written: each is a complete, consistent set of scores). On shutdown
 * ({@link RescoreJobsShutdown}) running jobs stop the same way and end INTERRUPTED; a job whose
 * database went away ends FAILED ({@link JobEnding}).
 */
@Service
public class RescoreJobs implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RescoreJobs.class);
    static final int WORKERS = 2;
    public static final int BATCH = 1000;
    public static final long BATCH_ROWS = 200_000;

    private final BulkScoringRepository bulk;
    private final RescoreJobRepository jobs;
    private final CohortScoring cohort;
    private final RuleBaseRegistry ruleBases;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "rescore-worker");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, AtomicBoolean> cancels = new ConcurrentHashMap<>();
    /** Running jobs, for the shutdown to wait on. */
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final JobEnding ending;
    private volatile boolean accepting = true;
    private volatile boolean shuttingDown;
    /** Nanoseconds spent reading, scoring and writing, over all jobs (logged per job). */
    private final AtomicLong readNanos = new AtomicLong();
    private final AtomicLong scoreNanos = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    /** The same phases in this JVM's CPU time (the rest of the wall time is PostgreSQL's or waiting). */
    private final AtomicLong readCpu = new AtomicLong();
    private final AtomicLong scoreCpu = new AtomicLong();
    private final AtomicLong writeCpu = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final java.time.Clock clock;

    /** Students and evidence rows per batch at most (a batch is one read, one write, one transaction). */
    private final int batchStudents;
    private final long batchRows;

    RescoreJobs(BulkScoringRepository bulk, RescoreJobRepository jobs, CohortScoring cohort, RuleBaseRegistry ruleBases, JobEnding ending,
                java.time.Clock clock, RescoringProperties settings) {
        this.batchStudents = settings.batchStudents();
        this.batchRows = settings.batchRows();
        this.clock = clock;
        this.ending = ending;
        this.bulk = bulk;
        this.jobs = jobs;
        this.cohort = cohort;
        this.ruleBases = ruleBases;
    }

    /** Starts rescoring every student of the college (or region); returns the job id at once. */
    public long start(@Nullable String collegeCode, @Nullable String region) {
        if (!accepting) {
            throw new ConflictException(ProblemType.RESCORING_JOB_CONFLICT,
                    "The application is shutting down; start the job again after the restart");
        }
        List<StudentRow> students = bulk.students(collegeCode, region);
        if (students.isEmpty()) {
            throw new NotFoundException(collegeCode != null ? "No students in college " + collegeCode
                    : "No students in region " + region);
        }
        long id = jobs.startJob(collegeCode != null ? "COLLEGE" : "REGION",
                collegeCode != null ? collegeCode : region, students.size());
        AtomicBoolean cancel = new AtomicBoolean();
        cancels.put(id, cancel);
        runAsync(id, students, cancel);
        return id;
    }

    /**
     * Asks a running job to stop after its current batches, whichever node runs it: the flag is set in the database
     * and the running node reads it with each batch's progress. False if the job is not running.
     */
    public boolean cancel(long id) {
        AtomicBoolean here = cancels.get(id);
        if (here != null) {
            here.set(true);
        }
        return jobs.requestCancel(id) || here != null;
    }

    public RescoreJobRepository.Job job(long id) {
        return jobs.job(id).orElseThrow(() -> new NotFoundException("No rescoring job " + id));
    }

    /** Runs the job and returns when it is finished (benchmarks). */
    public RescoreJobRepository.Job runNow(@Nullable String collegeCode, @Nullable String region) {
        List<StudentRow> students = bulk.students(collegeCode, region);
        long id = jobs.startJob(collegeCode != null ? "COLLEGE" : "REGION",
                collegeCode != null ? collegeCode : region, students.size());
        runAsync(id, students, new AtomicBoolean()).join();
        return job(id);
    }

    private CompletableFuture<Void> runAsync(long id, List<StudentRow> students, AtomicBoolean cancel) {
        Map<Long, Integer> rowsBound = bulk.currentRowsBound();
        List<List<StudentRow>> batches = ScoringBatches.cut(students, batchStudents, batchRows,
                s -> rowsBound.getOrDefault(s.programmeId(), ScoringBatches.rowsBound(0)));
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicLong scores = new AtomicLong();
        CohortScoring.Context ctx = cohort.context(null);
        // one rule set per college for the whole job, so that a job is consistent even if activations change
        Map<String, CompiledRuleSet> ruleSets = new ConcurrentHashMap<>();
        CompletableFuture<?>[] parts = new CompletableFuture<?>[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            parts[w] = CompletableFuture.runAsync(() -> {
                for (int b = worker; b < batches.size() && !cancel.get() && !failed.get(); b += WORKERS) {
                    List<StudentRow> batch = batches.get(b);
                    try {
                        long written = scoreBatch(ctx, batch, ruleSets);
                        int d = done.addAndGet(batch.size());
                        long s = scores.addAndGet(written);
                        if (jobs.progress(id, d, s)) {
                            cancel.set(true); // cancelled through the database, maybe by another node
                        }
                    } catch (RuntimeException e) {
                        failed.set(true); // the other worker stops too: no batch after a failure
                        throw e;
                    }
                }
            }, workers);
        }
        long read0 = readNanos.get();
        long score0 = scoreNanos.get();
        long write0 = writeNanos.get();
        long[] cpu0 = {readCpu.get(), scoreCpu.get(), writeCpu.get()};
        CompletableFuture<Void> job = CompletableFuture.allOf(parts).handle((ok, error) -> {
            cancels.remove(id);
            log.info("Rescoring job {}: {} students, thread time reading {} s, scoring {} s, writing {} s", id,
                    done.get(), (readNanos.get() - read0) / 1_000_000_000.0,
                    (scoreNanos.get() - score0) / 1_000_000_000.0, (writeNanos.get() - write0) / 1_000_000_000.0);
            log.info("Rescoring job {}: CPU time in this JVM reading {} s, scoring {} s, writing {} s", id,
                    (readCpu.get() - cpu0[0]) / 1_000_000_000.0, (scoreCpu.get() - cpu0[1]) / 1_000_000_000.0,
                    (writeCpu.get() - cpu0[2]) / 1_000_000_000.0);
            if (error != null) {
                log.error("Rescoring job {} failed", id, error);
            }
            ending.finish(id, error, !cancel.get() ? JobEnding.Stop.NONE
                    : shuttingDown ? JobEnding.Stop.SHUTDOWN : JobEnding.Stop.CANCELLED,
                    done.get(), students.size(), scores.get());
            running.remove(id);
            return null;
        });
        running.put(id, job);
        if (job.isDone()) {
            running.remove(id);
        }
        return job;
    }

    /** Whether new jobs may start (false from the start of the shutdown). */
    void accepting(boolean accepting) {
        this.accepting = accepting;
        if (accepting) {
            shuttingDown = false;
        }
    }

    /** Shutdown: no new jobs, running ones stop after their current batch and end INTERRUPTED. */
    CompletableFuture<Void> interruptAll() {
        accepting = false;
        shuttingDown = true;
        cancels.values().forEach(c -> c.set(true));
        return CompletableFuture.allOf(running.values().toArray(CompletableFuture<?>[]::new));
    }

    private long scoreBatch(CohortScoring.Context ctx, List<StudentRow> batch, Map<String, CompiledRuleSet> ruleSets) {
        long t0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        BulkScoringRepository.BatchRead read = bulk.read(batch.stream().map(StudentRow::id).toList());
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        List<CohortScoring.Scored> scored = cohort.score(ctx, batch, read.histories(), s -> ruleSets.computeIfAbsent(
                s.collegeCode(), c -> ruleBases.forCollege(c, s.region())));
        ScoreBatch rows = CohortScoring.rows(scored, java.time.OffsetDateTime.now(clock), false);
        long t2 = System.nanoTime();
        long c2 = THREADS.getCurrentThreadCpuTime();
        bulk.replaceScores(rows, read.staleMarks());
        long t3 = System.nanoTime();
        long c3 = THREADS.getCurrentThreadCpuTime();
        readCpu.addAndGet(c1 - c0);
        scoreCpu.addAndGet(c2 - c1);
        writeCpu.addAndGet(c3 - c2);
        readNanos.addAndGet(t1 - t0);
        scoreNanos.addAndGet(t2 - t1);
        writeNanos.addAndGet(t3 - t2);
        return rows.rows();
    }

    /** The pool the jobs' batches run in (for health). */
    public ExecutorService workers() {
        return workers;
    }

    @Override
    public void destroy() {
        cancels.values().forEach(c -> c.set(true));
        workers.shutdown();
    }
}
