package ru.workready.api.scoring.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.WorkreadyApplication;
import ru.workready.api.scoring.RescoreJobs;
import ru.workready.data.scoring.BulkScoringRepository;

/**
 * End-to-end rescoring benchmark (DESIGN §6): N students × 60 evidence rows generated with COPY
 * into a region of their own, then the region rescored by the background job (read, score with
 * the active rules, write) — timed. The baseline measured in the same run is a raw COPY of the
 * same number of score rows, i.e. the write alone. Usage: bench/rescore.sh [students]
 */
public final class RescoreBench {
    private RescoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String dataDir = System.getProperty("workready.bench.data-dir", "/tmp/workready-bench-pg");
        try (ConfigurableApplicationContext app = SpringApplication.run(WorkreadyApplication.class,
                "--server.port=0", "--workready.embedded.data-dir=" + dataDir, "--logging.level.root=WARN", "--logging.level.ru.workready.api.scoring=INFO")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            String region = "BENCH-" + students;
            if (jdbc.sql("select count(*) from student s join college c on c.id = s.college_id where c.region = ?")
                    .param(region).query(Long.class).single() < students) {
                long t = System.nanoTime();
                generate(jdbc, dataSource, region, students);
                System.out.printf(Locale.ROOT, "generated %,d students × 60 evidence rows in %.1f s%n", students,
                        (System.nanoTime() - t) / 1e9);
            }
            RescoreJobs jobs = app.getBean(RescoreJobs.class);
            jobs.runNow(null, "DEMO-ONLY-WARMUP-" + students); // no students: a no-op that loads everything once
            long t0 = System.nanoTime();
            BulkScoringRepository.Job job = jobs.runNow(null, region);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long scores = job.scores();
            double copySeconds = rawCopy(dataSource, scores);
            System.out.printf(Locale.ROOT, "rescored %,d students (%,d evidence rows, %,d scores) in %.1f s: "
                            + "%,.0f students/s, %,.0f evidence rows/s — target < 60 s for 100,000%n",
                    job.done(), (long) job.done() * 60, scores, seconds, job.done() / seconds, job.done() * 60 / seconds);
            System.out.printf(Locale.ROOT, "baseline: raw COPY of %,d score rows alone %.1f s; rescoring / raw write "
                    + "= %.1f×%n", scores, copySeconds, seconds / copySeconds);
        }
    }

    private static void generate(JdbcClient jdbc, DataSource dataSource, String region, int students)
            throws Exception {
        long collegeId = jdbc.sql("insert into college (code, name, region) values (?, ?, ?) returning id")
                .params(region, "Bench college", region).query(Long.class).single();
        long programmeId = jdbc.sql("""
                        select p.id from programme p join college c on c.id = p.college_id
                        where c.code = 'DEMO' order by p.id limit 1""").query(Long.class).single();
        List<Long> outcomes = jdbc.sql("select id from outcome where programme_id = ? order by id").param(programmeId)
                .query(Long.class).list();
        long uploadId = jdbc.sql("""
                        insert into upload (college_id, content_hash, row_count) values (?, ?, ?) returning id""")
                .params(collegeId, "bench-" + System.nanoTime(), students * 60).query(Long.class).single();
        String[] kinds = {"COURSE_GRADE", "EMPLOYER_PRACTICE", "MODULE_EXAM", "DEMO_EXAM", "CHAMPIONSHIP"};
        Random random = new Random(42);
        LocalDate today = LocalDate.of(2026, 11, 25);
        try (Connection con = dataSource.getConnection()) {
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < students; i++) {
                s.append(region).append('-').append(i).append(',').append(collegeId).append(',').append(programmeId)
                        .append('\n');
            }
            copy.copyIn("copy student (id, college_id, programme_id) from stdin with (format csv)",
                    new StringReader(s.toString()));
            int chunk = 10_000;
            for (int from = 0; from < students; from += chunk) {
                StringBuilder e = new StringBuilder(chunk * 60 * 60);
                for (int i = from; i < Math.min(students, from + chunk); i++) {
                    for (int k = 0; k < 60; k++) {
                        String kind = kinds[random.nextInt(kinds.length)];
                        e.append(uploadId).append(',').append(collegeId).append(',').append(i * 60 + k + 1).append(',').append(region).append('-')
                                .append(i).append(',').append(outcomes.get(random.nextInt(outcomes.size()))).append(',')
                                .append(kind).append(',');
                        if (kind.equals("DEMO_EXAM") || kind.equals("CHAMPIONSHIP")) {
                            e.append(",").append(random.nextInt(101)).append(",100,");
                        } else if (kind.equals("EMPLOYER_PRACTICE")) {
                            e.append(",,,").append(random.nextInt(5) > 0);
                        } else {
                            e.append(2 + random.nextInt(4)).append(",,,");
                        }
                        e.append(',').append(today.minusDays(random.nextInt(365 * 3))).append(',')
                                .append(1 + random.nextInt(2)).append('\n');
                    }
                }
                copy.copyIn("""
                        copy evidence (upload_id, college_id, row_number, student_id, outcome_id, kind, grade, points, max_points,
                                       passed, assessed_on, attempt) from stdin with (format csv)""",
                        new StringReader(e.toString()));
            }
        }
        jdbc.sql("analyze student").update();
        jdbc.sql("analyze evidence").update();
    }

    /** The write alone: COPY the same number of rows into an unindexed temporary table. */
    private static double rawCopy(DataSource dataSource, long rows) throws Exception {
        try (Connection con = dataSource.getConnection()) {
            con.createStatement().execute("create temporary table bench_scores (like readiness_score including defaults)");
            StringBuilder s = new StringBuilder();
            String explanation = "\"{\"\"rules\"\":[\"\"Ready\"\"],\"\"decidedBy\"\":\"\"Ready\"\",\"\"reason\"\":"
                    + "\"\"Readiness 0.80 is at least 0.75 with 100% coverage.\"\",\"\"ruleSetVersion\"\":"
                    + "\"\"default-1\"\",\"\"mappingVersion\"\":1}\"";
            long t = System.nanoTime();
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            for (long i = 0; i < rows; i++) {
                s.append("S-").append(i / 16).append(',').append(i % 16).append(",0.8,1.0,READY,").append(explanation)
                        .append(",default-1,1\n");
                if (s.length() > 8_000_000) {
                    copy.copyIn("copy bench_scores (student_id, labour_function_id, readiness, coverage, level, "
                            + "explanation, rule_set_version, mapping_set_id) from stdin with (format csv)",
                            new StringReader(s.toString()));
                    s.setLength(0);
                }
            }
            copy.copyIn("copy bench_scores (student_id, labour_function_id, readiness, coverage, level, explanation, "
                    + "rule_set_version, mapping_set_id) from stdin with (format csv)", new StringReader(s.toString()));
            return (System.nanoTime() - t) / 1e9;
        }
    }

}
