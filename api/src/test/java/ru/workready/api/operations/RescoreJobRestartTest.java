package ru.workready.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.workready.api.ApiTest;
import ru.workready.data.scoring.RescoreJobs;

/**
 * A rescoring job meets a database restart, then an application shutdown. Either way it ends
 * with a status that says what happened (FAILED naming the database, INTERRUPTED naming the
 * shutdown; never left RUNNING), every student's stored scores come from one batch (all ТФ of a
 * student written together, never half), and stale marks are removed only for students rescored
 * after the mark. Runs on a database of its own, which it restarts.
 */
@SpringBootTest(properties = {
        "workready.admin-key=" + ApiTest.ADMIN_KEY,
        // stale marks carry the database's time and this test compares the scores' times with them: the real
        // clock here (nothing in this test depends on the date)
        "workready.clock.start=",
        "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.maximum-pool-size=4"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RescoreJobRestartTest {
    /** Enough students for a job of several seconds (batches of 1,000 on two workers). */
    private static final int STUDENTS = 8_000;
    private static final RestartableDatabase DB = new RestartableDatabase("workready-rescore-restart-test");

    @Autowired
    RescoreJobs jobs;
    @Autowired
    ConfigurableApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
    }

    @AfterAll
    static void stop() throws IOException {
        DB.stop();
    }

    @Test
    @Order(1)
    void databaseRestartDuringAJobEndsItFailedWithCompleteScores() throws Exception {
        bigCohort();
        List<String[]> marks = staleMarks();
        long id = jobs.start("DEMO", null);
        awaitFirstBatch(id);
        DB.stop();
        Thread.sleep(1500);
        DB.startAgain();

        String[] job = awaitEnd(id);
        assertThat(job[0]).as("status").isEqualTo("FAILED");
        assertThat(job[1]).contains("database became unavailable").contains("Start the job again");
        assertThat(Integer.parseInt(job[2])).as("done").isLessThan(Integer.parseInt(job[3]));
        assertScoresComplete();
        assertStaleMarksConsistent(marks);
    }

    @Test
    @Order(2)
    @DirtiesContext
    void shutdownDuringAJobEndsItInterruptedAfterItsCurrentBatch() throws Exception {
        long id = jobs.start("DEMO", null);
        awaitFirstBatch(id);
        // SIGTERM closes the context: its lifecycles stop first (this), then beans such as the pool are destroyed
        context.stop();

        String[] job = awaitEnd(id);
        assertThat(job[0]).as("status").isEqualTo("INTERRUPTED");
        assertThat(job[1]).contains("shut down").contains("Start the job again");
        assertThat(Integer.parseInt(job[2])).as("done").isPositive().isLessThan(Integer.parseInt(job[3]));
        assertThat(count("select count(*) from rescore_job where status = 'RUNNING'")).isZero();
        assertScoresComplete();
    }

    /** Students copying the demo students' evidence, so that each one has a full set of ТФ to score. */
    private static void bigCohort() throws SQLException {
        exec("""
                insert into student (id, college_id, programme_id, employer_consent)
                select 'RJ-' || lpad(g::text, 5, '0'), s.college_id, s.programme_id, false
                from generate_series(1, %d) g join student s on s.id = 'DEMO-0' || lpad((1 + g %% 30)::text, 2, '0')"""
                .formatted(STUDENTS));
        // every column of evidence but its id, whatever the schema holds now (partition keys included)
        List<String> columns = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select column_name from information_schema.columns where table_name = 'evidence'
                and table_schema = current_schema() and is_identity = 'NO' and is_generated = 'NEVER'
                and column_name not in ('id', 'student_id') order by ordinal_position""")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        exec("""
                insert into evidence (student_id, %s)
                select n.id, %s
                from student n join evidence e on e.student_id = 'DEMO-0' || lpad((1 + substr(n.id, 4)::int %% 30)::text, 2, '0')
                where n.id like 'RJ-%%'""".formatted(String.join(", ", columns),
                columns.stream().map(c -> "e." + c).collect(java.util.stream.Collectors.joining(", "))));
        // some of them marked stale, as a large upload leaves them
        exec("""
                insert into stale_score (student_id, upload_id)
                select n.id, (select min(id) from upload) from student n where n.id like 'RJ-%' and substr(n.id, 4)::int % 50 = 0""");
    }

    private static List<String[]> staleMarks() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select student_id, since from stale_score")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /** A mark is gone only if the student's scores were computed after it was set. */
    private static void assertStaleMarksConsistent(List<String[]> before) throws Exception {
        for (String[] mark : before) {
            long kept = count("select count(*) from stale_score where student_id = '" + mark[0] + "'");
            long rescoredAfter = count("select count(*) from readiness_score where student_id = '" + mark[0]
                    + "' and computed_at >= '" + mark[1] + "'");
            assertThat(kept + rescoredAfter).as("stale mark of " + mark[0] + " removed without a rescore").isPositive();
        }
    }

    /** Each student's scores per standard were written by one transaction, and every scored student has all of them. */
    private static void assertScoresComplete() throws SQLException {
        assertThat(count("""
                select count(*) from (select rs.student_id from readiness_score rs
                    join labour_function f on f.id = rs.labour_function_id
                    where rs.student_id like 'RJ-%' group by rs.student_id, f.standard_id
                    having count(distinct rs.computed_at) > 1) x""")).as("students with scores of two runs").isZero();
        assertThat(count("""
                select count(distinct n) from (select count(*) n from readiness_score
                    where student_id like 'RJ-%' group by student_id) x""")).as("numbers of ТФ per scored student")
                .isLessThanOrEqualTo(1);
        assertThat(count("select count(*) from readiness_score where student_id like 'RJ-%'")).as("some batches written")
                .isPositive();
    }

    private static void awaitFirstBatch(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            String[] job = job(id);
            assertThat(job[0]).as("the job ended before the restart; make the cohort bigger").isEqualTo("RUNNING");
            if (Integer.parseInt(job[2]) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job never wrote a batch");
    }

    /** Polls until the job is no longer RUNNING: status, error, done, total. */
    private static String[] awaitEnd(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                String[] job = job(id);
                if (!"RUNNING".equals(job[0])) {
                    return job;
                }
            } catch (SQLException e) {
                // the database is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " is still RUNNING");
    }

    private static String[] job(long id) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, error, done, total from rescore_job where id = " + id)) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
        }
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DB.connect();
    }
}
