package ru.workready.api.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.StaleScoreWork;
import ru.workready.data.assessments.UploadHeartbeats;
import ru.workready.data.scoring.RescoreJobs;
import ru.workready.data.testing.MovableClock;
import ru.workready.data.testing.TestClock;
import ru.workready.data.testing.TestDatabase;

/**
 * Two application instances on one database (issue 19): whatever runs is known to the database, so the nodes agree.
 * The same file sent to both at once is stored once; the stale-score work run on both scores each student once; a job
 * started on one and cancelled on the other stops; an upload whose node died is marked FAILED by the other after the
 * heartbeat timeout (moved by the shared test clock) and nothing of it remains.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {
    private static final MovableClock CLOCK = new MovableClock();
    private static final Map<String, Object> PROPERTIES = new HashMap<>();
    private static Node a;
    private static Node b;

    @BeforeAll
    static void start() {
        TestDatabase.registerFresh((name, value) -> PROPERTIES.put(name, value.get()));
        PROPERTIES.putAll(Map.of("workready.admin-key", ApiTest.ADMIN_KEY, "workready.demo.enabled", "true",
                "workready.rescoring.stale-scores.enabled", "false", "workready.rescoring.stale-scores.batch", "4",
                "workready.rescoring.batch-students", "2", "workready.uploads.heartbeat-every", "PT0.2S",
                "workready.uploads.heartbeat-timeout", "PT30S"));
        a = new Node("a", PROPERTIES, CLOCK); // migrates and imports the demo first
        b = new Node("b", PROPERTIES, CLOCK);
    }

    @AfterAll
    static void stop() {
        for (Node n : new Node[] {a, b}) {
            if (n != null && n.context.isActive()) {
                n.close();
            }
        }
    }

    @Test
    @Order(1)
    void theSameFileSentToBothAtOnceIsStoredOnce() throws Exception {
        byte[] file = results(1);
        List<Node.Answer> answers = both(node -> node.send("POST", "/api/colleges/DEMO/assessments?fileName=f.csv",
                file));
        assertThat(answers).extracting(Node.Answer::status).containsAnyOf(200, 202).contains(201);
        assertThat(answers).extracting(x -> x.body().get("uploadId").asLong()).containsOnly(
                answers.get(0).body().get("uploadId").asLong());
        assertThat(count("select count(*) from upload where content_hash = '" + sha256(file) + "'")).isEqualTo(1);
        assertThat(count("select count(*) from evidence e join upload u on u.id = e.upload_id where u.content_hash = '"
                + sha256(file) + "'")).isEqualTo(60);
    }

    /** Read while it arrives on both nodes (a CSV of over a megabyte, sent to run in the background): still once. */
    @Test
    @Order(2)
    void theSameLargeFileArrivingAtBothAtOnceIsStoredOnce() throws Exception {
        byte[] rows = results(2);
        byte[] file = new byte[rows.length + 1_200_000];
        int header = new String(rows, StandardCharsets.UTF_8).indexOf('\n') + 1;
        System.arraycopy(rows, 0, file, 0, header);
        java.util.Arrays.fill(file, header, header + 1_200_000, (byte) '\n'); // blank lines: a body of 1.2 MB
        System.arraycopy(rows, header, file, header + 1_200_000, rows.length - header);
        List<Node.Answer> answers = both(node -> node.send("POST", "/api/colleges/DEMO/assessments?fileName=big.csv",
                file, "Prefer", "respond-async"));
        assertThat(answers).extracting(Node.Answer::status).containsExactlyInAnyOrder(200, 202);
        long upload = answers.get(0).body().get("uploadId").asLong();
        assertThat(answers.get(1).body().get("uploadId").asLong()).isEqualTo(upload);
        assertThat(waitFor(() -> text("select status from upload where id = " + upload), "COMPLETED"::equals))
                .isEqualTo("COMPLETED");
        assertThat(count("select count(*) from upload where content_hash = '" + sha256(file) + "'")).isEqualTo(1);
        assertThat(count("select count(*) from upload where file_name = 'big.csv'")).isEqualTo(1);
        assertThat(count("select count(*) from evidence where upload_id = " + upload)).isEqualTo(60);
    }

    @Test
    @Order(3)
    void theStaleScoreWorkOnBothScoresEachStudentOnce() throws Exception {
        execute("insert into stale_score (student_id, upload_id) select s.id, (select max(id) from upload) "
                + "from student s join college c on c.id = s.college_id where c.code = 'DEMO' "
                + "on conflict (student_id) do update set since = now()");
        // every stale mark: DEMO's, and any the demo's other college's uploads left for the work (DEMO2)
        long stale = count("select count(*) from stale_score");
        assertThat(stale).isGreaterThanOrEqualTo(count("select count(*) from student s join college c "
                + "on c.id = s.college_id where c.code = 'DEMO'"));
        List<List<String>> runs = both(node -> node.bean(StaleScoreWork.class).run());
        List<String> all = new ArrayList<>(runs.get(0));
        all.addAll(runs.get(1));
        System.out.println("stale-score work: node a " + runs.get(0).size() + ", node b " + runs.get(1).size());
        assertThat(all).hasSize((int) stale).doesNotHaveDuplicates();
        assertThat(count("select count(*) from stale_score")).isZero();
    }

    @Test
    @Order(4)
    void aJobStartedOnOneAndCancelledOnTheOtherStops() throws Exception {
        try (Connection holder = connect()) {
            // the first batch of each worker waits for these students' row locks: the job is surely running
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select 1 from student where id in ('DEMO-001', 'DEMO-003') for update");
            }
            long job = a.bean(RescoreJobs.class).start("DEMO", null);
            Node.Answer cancelled = b.send("DELETE", "/api/rescoring-jobs/" + job, null);
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.body().get("status").asString()).isEqualTo("RUNNING");
            assertThat(count("select count(*) from rescore_job where id = " + job + " and cancel_requested"))
                    .isEqualTo(1);
            holder.rollback();
            Node.Answer ended = waitFor(() -> b.send("GET", "/api/rescoring-jobs/" + job, null),
                    x -> !"RUNNING".equals(x.body().get("status").asString()));
            assertThat(ended.body().get("status").asString()).isEqualTo("CANCELLED");
            assertThat(ended.body().get("done").asLong()).isLessThan(count("select count(*) from student s "
                    + "join college c on c.id = s.college_id where c.code = 'DEMO'"));
        }
    }

    @Test
    @Order(5)
    void anUploadWhoseNodeDiedIsMarkedFailedByTheOtherAndNothingRemains() throws Exception {
        byte[] file = results(2);
        long upload;
        try (Connection dying = connect()) {
            upload = registerAsNode(dying, a.bean(UploadHeartbeats.class).node(), sha256(file), file.length);
            dying.setAutoCommit(false);
            try (Statement s = dying.createStatement()) {
                s.execute("insert into evidence (college_id, upload_id, row_number, student_id, outcome_id, kind, "
                        + "grade, assessed_on) select college_id, " + upload + ", 1, student_id, outcome_id, kind, "
                        + "grade, assessed_on from evidence where grade is not null limit 5");
            }
            a.close(); // node a dies: no heartbeat for its upload any more
        } // ... and its connection with it: the transaction rolls back
        assertThat(count("select count(*) from evidence where upload_id = " + upload)).isZero();

        Node.Answer early = b.send("POST", "/api/colleges/DEMO/assessments?fileName=g.csv", file);
        assertThat(early.status()).isEqualTo(200); // still processing as far as b can tell: not stored twice
        assertThat(early.body().get("uploadId").asLong()).isEqualTo(upload);

        CLOCK.advance(Duration.ofMinutes(1));
        String detail = waitFor(() -> text("select status || ': ' || coalesce(detail, '') from upload where id = " + upload),
                x -> x.startsWith("FAILED"));
        assertThat(detail).contains("Abandoned: the node processing it stopped");
        Node.Answer again = b.send("POST", "/api/colleges/DEMO/assessments?fileName=g.csv", file);
        assertThat(again.status()).isEqualTo(201);
        assertThat(count("select count(*) from evidence e join upload u on u.id = e.upload_id where u.content_hash = '"
                + sha256(file) + "'")).isEqualTo(60);
    }

    /** Results for the 30 demo students, two each; {@code variant} makes a different file. */
    private static byte[] results(int variant) {
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on\n");
        for (int i = 1; i <= 30; i++) {
            String day = TestClock.today().minusDays(10 + variant).toString();
            csv.append(String.format("DEMO-%03d;ПК 1.1;COURSE_GRADE;%d;%s%n", i, 3 + (i + variant) % 3, day));
            csv.append(String.format("DEMO-%03d;ПК 1.2;MODULE_EXAM;%d;%s%n", i, 3 + (i * variant) % 3, day));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long registerAsNode(Connection c, String node, String hash, int bytes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into upload (college_id, upload_kind, status, content_hash, file_name, format, encoding,
                                    byte_count, row_count, node_id, heartbeat_at)
                values ((select id from college where code = 'DEMO'), 'ASSESSMENTS', 'PROCESSING', ?, 'g.csv', 'CSV',
                        'UTF-8', ?, 0, ?, ?) returning id""")) {
            s.setString(1, hash);
            s.setLong(2, bytes);
            s.setString(3, node);
            s.setObject(4, OffsetDateTime.now(CLOCK));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    interface NodeWork<T> {
        T on(Node node) throws Exception;
    }

    /** Runs the work on both nodes at the same moment. */
    private static <T> List<T> both(NodeWork<T> work) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Node n : new Node[] {a, b}) {
                results.add(pool.submit(() -> {
                    together.await();
                    return work.on(n);
                }));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> f : results) {
                values.add(f.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T waitFor(Callable<T> read, java.util.function.Predicate<T> done) throws Exception {
        for (int i = 0; i < 300; i++) {
            T value = read.call();
            if (done.test(value)) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out; last: " + read.call());
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection((String) PROPERTIES.get("spring.datasource.url"),
                (String) PROPERTIES.get("spring.datasource.username"),
                (String) PROPERTIES.get("spring.datasource.password"));
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
