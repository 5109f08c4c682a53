package ru.workready.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.AdminKeyByDefault;
import ru.workready.api.ApiTest;

/**
 * The database restarts under the running app: an upload in flight fails whole with a 503 problem
 * detail and stores no evidence (its upload resource never completes); requests while it is down
 * get 503; once it is back the pool reconnects and the same upload succeeds. Runs on a database of its own (the shared test
 * database must not be restarted under other tests).
 */
@SpringBootTest(properties = {
        "workready.admin-key=" + ApiTest.ADMIN_KEY, "workready.security.requests-per-minute=1000000",
        "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.maximum-pool-size=4"})
@AutoConfigureMockMvc
@Import(AdminKeyByDefault.class)
class DatabaseRestartTest {
    private static final int ROWS = 50_000;
    private static final RestartableDatabase DB = new RestartableDatabase("workready-restart-test");

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.register(registry);
    }

    @AfterAll
    static void stop() throws IOException {
        DB.stop();
    }

    @Test
    void restartDuringAnUploadStoresNothingAndTheAppRecovers() throws Exception {
        byte[] file = bigUpload(ROWS);
        long evidenceBefore = count("select count(*) from evidence");

        CompletableFuture<MockHttpServletResponse> upload = CompletableFuture.supplyAsync(() -> send(file));
        awaitEvidenceInsertsInFlight(upload);
        DB.stop();

        MockHttpServletResponse failed = upload.get(60, TimeUnit.SECONDS);
        assertThat(failed.getStatus()).as(failed.getContentAsString()).isEqualTo(503);
        assertThat(failed.getContentType()).isEqualTo("application/problem+json");
        assertThat(failed.getContentAsString()).contains("https://workready.ru/problems/database-unavailable")
                .doesNotContain("Exception");
        assertThat(failed.getHeader("Retry-After")).isNotBlank();

        // While it is down: a clear 503, not a 500 or a hang.
        MockHttpServletResponse down = mvc.perform(get("/api/colleges/DEMO/students")).andReturn().getResponse();
        assertThat(down.getStatus()).isEqualTo(503);

        assertThat(meters.counter("workready.database.unavailable").count()).isGreaterThanOrEqualTo(2);

        DB.startAgain();
        assertThat(count("select count(*) from evidence")).as("no partial evidence").isEqualTo(evidenceBefore);
        // The upload resource was registered before the restart; it never completed.
        String uploads = "from upload where content_hash = '" + sha256(file) + "'";
        assertThat(count("select count(*) " + uploads + " and status = 'COMPLETED'")).isZero();

        // The pool reconnects by itself; the same file then goes in whole.
        MockHttpServletResponse ok = retryUntilUp(() -> send(file));
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(201);
        assertThat(count("select count(*) from evidence")).isEqualTo(evidenceBefore + ROWS);
        assertThat(count("select count(*) " + uploads + " and status = 'COMPLETED'")).isEqualTo(1);
        assertThat(count("select count(*) " + uploads + " and status = 'PROCESSING'"))
                .as("the interrupted upload is reported failed, not left processing").isZero();
    }

    private MockHttpServletResponse send(byte[] file) {
        try {
            return mvc.perform(post("/api/colleges/DEMO/assessments").contentType("text/csv").content(file))
                    .andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletResponse retryUntilUp(java.util.function.Supplier<MockHttpServletResponse> call)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        MockHttpServletResponse r = call.get();
        while (r.getStatus() == 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            r = call.get();
        }
        return r;
    }

    /** Waits until the upload's transaction is writing evidence rows (its COPY into the college's partition). */
    private static void awaitEvidenceInsertsInFlight(CompletableFuture<?> upload) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(upload).as("the upload ended before the restart; make the file bigger").isNotDone();
            if (count("select count(*) from pg_stat_activity where pid <> pg_backend_pid()"
                    + " and query ilike 'copy evidence%'") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the upload never started writing evidence");
    }

    private static byte[] bigUpload(int rows) {
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on;attempt;comment\n");
        for (int i = 0; i < rows; i++) {
            csv.append("DEMO-0").append(String.format("%02d", 1 + i % 30)).append(";ПК 1.1;COURSE_GRADE;")
                    .append(3 + i % 3).append(";2026-06-01;").append(1 + i / 30).append(";restart-test\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DB.connect();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
