package ru.workready.data.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.rescoring.*}: rescoring jobs (a college or region at once, {@link RescoreJobs}) and, under
 * {@code stale-scores}, the background work that rescores the students uploads marked stale. Durations take units
 * ({@code 2s}); a bare number is milliseconds, as the older {@code *-ms} settings were.
 *
 * @param batchStudents  students per batch of a rescoring job
 * @param batchRows      evidence rows per batch of a rescoring job at most
 * @param sweepEvery     how often every node looks for jobs whose node stopped
 * @param abandonedAfter a running job silent this long is ended FAILED
 * @param finishRetry    how long a job failed by a lost database keeps trying to record FAILED
 * @param shutdownWait   on shutdown, how long running jobs may take to finish the batch in hand
 * @param staleScores    the stale-score work
 */
@ConfigurationProperties("workready.rescoring")
@Validated
public record RescoringProperties(
        @DefaultValue("" + RescoreJobs.BATCH) @Positive int batchStudents,
        @DefaultValue("" + RescoreJobs.BATCH_ROWS) @Positive long batchRows,
        @DefaultValue("1m") @DurationMin(millis = 1) Duration sweepEvery,
        @DefaultValue("5m") @DurationMin(millis = 1) Duration abandonedAfter,
        @DefaultValue("2m") @DurationMin(millis = 0) Duration finishRetry,
        @DefaultValue("30s") @DurationMin(millis = 0) Duration shutdownWait,
        @DefaultValue @Valid StaleScores staleScores) {

    /**
     * {@code workready.rescoring.stale-scores.*}: rescores students marked stale by uploads, on every node.
     *
     * @param enabled whether this node runs it
     * @param every   the pause between two runs
     * @param batch   students per transaction (taken with {@code FOR UPDATE SKIP LOCKED})
     */
    public record StaleScores(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2s") @DurationMin(millis = 1) Duration every,
            @DefaultValue("200") @Positive int batch) {
    }
}
