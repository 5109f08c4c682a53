package ru.workready.api.nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.api.scoring.bench.RescoreBench;
import ru.workready.bench.Cpu;
import ru.workready.data.assessments.StaleScoreWork;
import ru.workready.data.scoring.RescoreJobs;
import ru.workready.data.testing.MovableClock;

/**
 * Two nodes on one PostgreSQL against one node (issue 19, docs/scaling.md): the same work done by node A alone, then
 * shared by A and B at once — the stale-score work over N students (each node takes batches with SKIP LOCKED), and two
 * colleges' rescoring jobs (one per node). Prints wall times, who did what, and the CPU of the JVM and of PostgreSQL,
 * so that the arithmetic of more nodes can be read off. Both nodes live in this JVM (two application contexts, two
 * connection pools, as {@link TwoNodesTest}); on a machine of few cores they share them, which the CPU figures show.
 * Usage: bench/two-nodes.sh [students, default 10000] (an external PostgreSQL through SPRING_DATASOURCE_URL).
 */
public final class TwoNodesBench {
    private TwoNodesBench() {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        java.nio.file.Path pgdata = java.nio.file.Path.of(System.getProperty("workready.bench.data-dir",
                "/tmp/workready-bench-two-nodes-pg"));
        Map<String, Object> properties = new HashMap<>(Map.of("workready.admin-key", ApiTest.ADMIN_KEY,
                "workready.rescoring.stale-scores.enabled", "false", "workready.embedded.data-dir", pgdata.toString(),
                "logging.level.root", "WARN", "spring.main.banner-mode", "off"));
        MovableClock clock = new MovableClock();
        try (Node a = new Node("a", properties, clock); Node b = new Node("b", properties, clock)) {
            JdbcClient jdbc = a.bean(JdbcClient.class);
            String[] colleges = {"TWO-A-" + students, "TWO-B-" + students};
            for (String college : colleges) {
                if (jdbc.sql("select count(*) from college where code = ?").param(college).query(Long.class).single()
                        == 0) {
                    RescoreBench.generate(jdbc, a.bean(DataSource.class), college, students / 2);
                }
            }
            // warm both nodes' JIT on the same work before anything is timed
            run("warm-up: jobs on A", pgdata, () -> List.of(job(a, colleges[0]), job(a, colleges[1])));
            run("warm-up: jobs on B", pgdata, () -> List.of(job(b, colleges[0]), job(b, colleges[1])));
            System.out.printf(Locale.ROOT, "== rescoring jobs, %,d students in two colleges%n", students);
            run("one node (A: one college, then the other)", pgdata,
                    () -> List.of(job(a, colleges[0]), job(a, colleges[1])));
            run("two nodes (A: one college, B: the other, at once)", pgdata,
                    () -> both(() -> job(a, colleges[0]), () -> job(b, colleges[1])));
            System.out.printf(Locale.ROOT, "== stale-score work, %,d students marked stale%n", students);
            markStale(jdbc, colleges);
            run("one node (A)", pgdata, () -> List.of(a.bean(StaleScoreWork.class).run().size()));
            markStale(jdbc, colleges);
            run("two nodes (A and B at once)", pgdata, () -> both(() -> a.bean(StaleScoreWork.class).run().size(),
                    () -> b.bean(StaleScoreWork.class).run().size()));
        }
    }

    private static int job(Node node, String college) {
        return node.bean(RescoreJobs.class).runNow(college, null).done();
    }

    private static List<Integer> both(Supplier<Integer> onA, Supplier<Integer> onB) {
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(onA);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(onB);
        return List.of(a.join(), b.join());
    }

    private static void markStale(JdbcClient jdbc, String[] colleges) {
        jdbc.sql("""
                        insert into stale_score (student_id, upload_id)
                        select s.id, (select max(id) from upload) from student s join college c on c.id = s.college_id
                        where c.code = any(?) on conflict (student_id) do update set since = now()""")
                .param(colleges).update();
    }

    private static void run(String what, java.nio.file.Path pgdata, Supplier<List<Integer>> work) {
        double jvm = Cpu.jvmSeconds();
        double pg = Cpu.postgresSeconds(pgdata);
        long t = System.nanoTime();
        List<Integer> done = new ArrayList<>(work.get());
        double seconds = (System.nanoTime() - t) / 1e9;
        int total = done.stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "%s: %,d students in %.1f s = %,.0f students/s (by part: %s); CPU: JVM %.1f s, "
                        + "PostgreSQL %.1f s%n", what, total, seconds, total / seconds, done, Cpu.jvmSeconds() - jvm,
                Cpu.postgresSeconds(pgdata) - pg);
    }
}
