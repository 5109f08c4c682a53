package ru.workready.api.scoring.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.WorkreadyApplication;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.scoring.RescoreJobRepository;
import ru.workready.data.scoring.RescoreJobs;

/**
 * Issue 19's out-of-memory scenario as a benchmark: a college whose students have 100,000 results each (retakes of the
 * same outcomes and kinds over and over), rescored by the background job in a small heap. Prints the job's time and
 * the heap sampled every 10 ms while it runs, then one such student's readiness computed on its own.
 * Usage: bench/many-results.sh [students, default 30] [results per student, default 100000] (run at -Xmx256m).
 */
public final class ManyResultsBench {
    private ManyResultsBench() {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int results = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String dataDir = System.getProperty("workready.bench.data-dir", "/tmp/workready-bench-many-pg");
        try (ConfigurableApplicationContext app = SpringApplication.run(WorkreadyApplication.class,
                "--server.port=0", "--workready.embedded.data-dir=" + dataDir, "--logging.level.root=WARN",
                "--workready.rescoring.stale-scores.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String college = "MANY-" + students + "-" + results;
            if (jdbc.sql("select count(*) from college where code = ?").param(college).query(Long.class).single() == 0) {
                long t = System.nanoTime();
                generate(jdbc, college, students, results);
                System.out.printf(Locale.ROOT, "generated %,d students × %,d results in %.1f s%n", students, results,
                        (System.nanoTime() - t) / 1e9);
            }
            RescoreJobs jobs = app.getBean(RescoreJobs.class);
            jobs.runNow(null, "WARMUP-NO-STUDENTS"); // loads rules and look-ups once
            System.out.printf(Locale.ROOT, "max heap %d MB; used before the job %d MB%n", mb(maxHeap()), mb(usedAfterGc()));
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long t0 = System.nanoTime();
            RescoreJobRepository.Job job = jobs.runNow(college, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            sampler.join();
            System.out.printf(Locale.ROOT, "rescoring job %s: %,d students (%,d evidence rows) in %.1f s, %,d scores; "
                            + "heap used at most %d MB of %d (sampled every 10 ms), %d MB after the job%n",
                    job.status(), job.done(), (long) job.done() * results, seconds, job.scores(), mb(sampler.peak.get()),
                    mb(maxHeap()), mb(usedAfterGc()));
            ReadinessService readiness = app.getBean(ReadinessService.class);
            String student = jdbc.sql("select min(s.id) from student s join college c on c.id = s.college_id "
                    + "where c.code = ?").param(college).query(String.class).single();
            String standard = jdbc.sql("select code from professional_standard order by approval_date desc limit 1")
                    .query(String.class).single();
            HeapSampler one = new HeapSampler();
            one.start();
            long t1 = System.nanoTime();
            readiness.assess(student, standard);
            double oneSeconds = (System.nanoTime() - t1) / 1e9;
            one.interrupt();
            one.join();
            System.out.printf(Locale.ROOT, "one student's readiness computed and stored (a history of %,d results) in "
                    + "%.2f s; heap used at most %d MB%n", results, oneSeconds, mb(one.peak.get()));
        }
    }

    /** Students of a college of their own and their results: few outcomes and kinds, retaken over and over. */
    private static void generate(JdbcClient jdbc, String college, int students, int results) {
        long collegeId = jdbc.sql("insert into college (code, name, region) values (?, ?, ?) returning id")
                .params(college, "Many results college", college).query(Long.class).single();
        long programmeId = jdbc.sql("""
                        select p.id from programme p join college c on c.id = p.college_id
                        where c.code = 'DEMO' order by p.id limit 1""").query(Long.class).single();
        Long[] outcomes = jdbc.sql("select id from outcome where programme_id = ? order by id").param(programmeId)
                .query(Long.class).list().toArray(Long[]::new);
        long uploadId = jdbc.sql("insert into upload (college_id, content_hash, row_count) values (?, ?, ?) returning id")
                .params(collegeId, "many-" + System.nanoTime(), (long) students * results).query(Long.class).single();
        jdbc.sql("insert into student (id, college_id, programme_id) select ? || '-' || i, ?, ? "
                + "from generate_series(1, ?) i").params(college, collegeId, programmeId, students).update();
        for (int s = 1; s <= students; s++) {
            jdbc.sql("""
                            insert into evidence (upload_id, college_id, row_number, student_id, outcome_id, kind, grade,
                                                  assessed_on, attempt)
                            select ?, ?, k, ?, (?::bigint[])[1 + k % cardinality(?::bigint[])],
                                   (array['COURSE_GRADE', 'MODULE_EXAM'])[1 + (k / 7) % 2], 2 + (k * 31 + ?) % 4,
                                   date '2026-11-01' - (k % 900), 1 + k % 3
                            from generate_series(1, ?) k""")
                    .params(uploadId, collegeId, college + "-" + s, outcomes, outcomes, s, results).update();
        }
        jdbc.sql("analyze evidence").update();
    }

    /** The highest heap use seen while it runs. */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType().name().equals("HEAP"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long maxHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

}
