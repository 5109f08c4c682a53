package ru.workready.api.assessments;

import ru.workready.data.assessments.UploadRunner;
import ru.workready.data.assessments.UploadSpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.assessments.UploadService;
import ru.workready.data.assessments.UploadSpool;
import ru.workready.data.assessments.UploadStatus;
import ru.workready.data.csv.TabularFormat;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.students.StudentRepository;

/**
 * Shutdown with uploads in flight (issue 10): an upload that completes within the grace period is
 * stored; one that does not is rolled back and marked FAILED; while stopping, no upload starts.
 * The drain is the one the SIGTERM lifecycle ({@link UploadDrain}) runs, called here with short
 * grace periods (the shared test application must keep running).
 */
class UploadShutdownTest extends ApiTest {
    @Autowired
    UploadService uploads;
    @Autowired
    AssessmentUploadService assessments;
    @Autowired
    UploadDrain drain;
    @Autowired
    UploadRunner runner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    StudentRepository students;

    @AfterEach
    void takeUploadsAgain() {
        uploads.resume();
    }

    @Test
    void anUploadStillRunningAfterTheGracePeriodIsRolledBackAndMarkedFailed() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "STOP", 5);
        byte[] file = csv(fixture, 5_000);
        CountDownLatch reading = new CountDownLatch(1);
        try (UploadSpool spool = UploadSpool.of(file)) {
            UploadService.Receipt receipt = uploads.receive(UploadKind.ASSESSMENTS, fixture.college, "slow.csv", null,
                    spool, TabularFormat.CSV);
            // 5,000 rows at 1 ms: about 5 s, far beyond the grace period
            CompletableFuture<UploadService.Processed> running = CompletableFuture.supplyAsync(() -> uploads.process(
                    receipt.uploadId(), slow(assessments, Duration.ofMillis(1), reading), spool, TabularFormat.CSV));
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(uploads.drain(Duration.ofMillis(200))).as("uploads stopped").isEqualTo(1);

            assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(UploadService.StoppedException.class);
            UploadStatus status = uploads.status(receipt.uploadId()).orElseThrow();
            assertThat(status.status()).isEqualTo(UploadStatus.FAILED);
            assertThat(status.detail()).contains("stopped");
            assertThat(count("select count(*) from evidence where college_id = ? and upload_id = ?",
                    fixture.collegeId, receipt.uploadId())).as("nothing partial").isZero();
            assertThat(count("select count(*) from stale_score where upload_id = ?", receipt.uploadId())).isZero();

            // while stopping, nothing new starts (a 503 over HTTP, see below)
            assertThatThrownBy(() -> uploads.receive(UploadKind.ASSESSMENTS, fixture.college, "slow.csv", null, spool,
                    TabularFormat.CSV)).isInstanceOf(UploadService.StoppedException.class);

            // after a restart the same file goes in whole: the failed upload does not count as a repeat
            uploads.resume();
            UploadService.Receipt again = uploads.receive(UploadKind.ASSESSMENTS, fixture.college, "slow.csv", null,
                    spool, TabularFormat.CSV);
            assertThat(again.duplicate()).isFalse();
            assertThat(uploads.process(again.uploadId(), assessments, spool, TabularFormat.CSV).status().rows())
                    .isEqualTo(5_000);
        }
    }

    @Test
    void anUploadThatCompletesWithinTheGracePeriodIsStored() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "DRAIN", 5);
        CountDownLatch reading = new CountDownLatch(1);
        try (UploadSpool spool = UploadSpool.of(csv(fixture, 1_000))) {
            UploadService.Receipt receipt = uploads.receive(UploadKind.ASSESSMENTS, fixture.college, "drain.csv", null,
                    spool, TabularFormat.CSV);
            CompletableFuture<UploadService.Processed> running = CompletableFuture.supplyAsync(() -> uploads.process(
                    receipt.uploadId(), slow(assessments, Duration.ofMillis(1), reading), spool, TabularFormat.CSV));
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(uploads.drain(Duration.ofSeconds(60))).as("nothing had to be stopped").isZero();

            assertThat(running.get(30, TimeUnit.SECONDS).status().status()).isEqualTo(UploadStatus.COMPLETED);
            assertThat(count("select count(*) from evidence where college_id = ? and upload_id = ?",
                    fixture.collegeId, receipt.uploadId())).isEqualTo(1_000);
        }
    }

    @Test
    void theShutdownLifecycleRefusesNewUploadsWith503UntilStartedAgain() throws Exception {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "LIFE", 2);
        assertThat(drain.getPhase()).as("stops alongside the web server's graceful shutdown")
                .isEqualTo(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 1024);
        CountDownLatch stopped = new CountDownLatch(1);
        drain.stop(stopped::countDown);
        assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(drain.isRunning()).isFalse();
        mvc.perform(post("/api/colleges/" + fixture.college + "/assessments").contentType("text/csv")
                        .content(csv(fixture, 3)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/shutting-down"));
        drain.start();
        mvc.perform(post("/api/colleges/" + fixture.college + "/assessments").contentType("text/csv")
                        .content(csv(fixture, 3)))
                .andExpect(status().isCreated());
    }

    @Test
    void aBodyBrokenOffMidUploadIsTheClientsUnreadableBody() {
        IngestionFixture fixture = IngestionFixture.create(programmes, students, "CUTBODY", 1);
        InputStream cutOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100) {
                    throw new IOException("Connection reset by peer");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> runner.run(assessments, fixture.college, null, null,
                new UploadRunner.Body(cutOff, "text/csv", -1, false)))
                .isInstanceOf(UploadSpool.UnreadableBodyException.class);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static byte[] csv(IngestionFixture fixture, int rows) {
        StringBuilder csv = new StringBuilder("student_id;outcome_code;kind;result;assessed_on\n");
        for (int i = 0; i < rows; i++) {
            csv.append(fixture.student(1 + i % 2)).append(";ПК 1.1;COURSE_GRADE;").append(2 + i % 4)
                    .append(";2026-03-").append(10 + i % 18).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The assessment loader, slowed down per row, so that an upload is surely in flight at shutdown. */
    private static UploadLoader slow(AssessmentUploadService delegate, Duration perRow, CountDownLatch reading) {
        return new RowHookLoader(delegate, row -> {
            reading.countDown();
            LockSupport.parkNanos(perRow.toNanos());
        });
    }
}
