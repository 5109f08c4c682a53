package ru.workready.data.scoring;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Ends rescoring jobs whose node died without a word (kill -9, power loss): a running job beats
 * with every batch, so one silent for {@code workready.rescoring.abandoned-after} is dead.
 * Every node sweeps; the update is idempotent, so several nodes sweeping at once do no harm.
 */
@Component
public class AbandonedJobSweep implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(AbandonedJobSweep.class);

    private final RescoreJobRepository jobs;
    private final Duration abandonedAfter;
    private final Duration every;

    AbandonedJobSweep(RescoreJobRepository jobs, RescoringProperties settings) {
        this.jobs = jobs;
        this.abandonedAfter = settings.abandonedAfter();
        this.every = settings.sweepEvery();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, every, Duration.ofSeconds(10)));
    }

    void sweep() {
        try {
            int ended = jobs.failAbandonedJobs(abandonedAfter);
            if (ended > 0) {
                log.warn("Ended {} rescoring job(s) abandoned by a node that stopped (silent for over {})",
                        ended, abandonedAfter);
            }
        } catch (DataAccessException e) {
            log.debug("Abandoned-job sweep skipped: {}", e.getMessage());
        }
    }
}
