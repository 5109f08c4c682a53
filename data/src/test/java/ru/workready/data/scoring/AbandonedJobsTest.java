package ru.workready.data.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.DataTest;

/** A job whose node died (no graceful stop, no database failure to record) must not stay RUNNING forever. */
class AbandonedJobsTest extends DataTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RescoreJobRepository jobs;
    @Autowired
    java.time.Clock clock;

    @Test
    void aJobSilentLongerThanTheLimitEndsFailedAndALiveOneKeepsRunning() {
        String scope = "T71-" + UUID.randomUUID().toString().substring(0, 8);
        long dead = jobs.startJob("COLLEGE", scope, 1_000);
        jobs.progress(dead, 400, 6_400);
        jdbc.sql("update rescore_job set heartbeat_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now(clock).minusMinutes(10), dead).update();
        long alive = jobs.startJob("COLLEGE", scope, 1_000);
        jobs.progress(alive, 200, 3_200);

        int ended = jobs.failAbandonedJobs(Duration.ofMinutes(5));

        assertThat(ended).isGreaterThanOrEqualTo(1);
        RescoreJobRepository.Job deadJob = jobs.job(dead).orElseThrow();
        assertThat(deadJob.status()).isEqualTo("FAILED");
        assertThat(deadJob.finishedAt()).isNotNull();
        assertThat(deadJob.error()).startsWith("abandoned: the node running it stopped")
                .contains("400 of 1000 students were rescored").endsWith("start the job again");
        assertThat(jobs.job(alive).orElseThrow().status()).isEqualTo("RUNNING");
    }

    @Test
    void progressKeepsAJobAlive() {
        long job = jobs.startJob("COLLEGE", "T71-" + UUID.randomUUID().toString().substring(0, 8), 10);
        jdbc.sql("update rescore_job set heartbeat_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now(clock).minusMinutes(10), job).update();
        jobs.progress(job, 5, 80);

        jobs.failAbandonedJobs(Duration.ofMinutes(5));

        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo("RUNNING");
    }
}
