package ru.workready.data.scoring;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of rescoring jobs (SIGTERM, context close): running jobs take no new batch,
 * finish the one in hand (each batch is one transaction, so it is written whole or not at all) and
 * end INTERRUPTED, so that after a restart they show how far they got and can be started again.
 * Stops after the web server has stopped taking requests (a lower phase stops later) and before the
 * connection pool closes (beans are destroyed after every lifecycle has stopped).
 */
@Component
public class RescoreJobsShutdown implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RescoreJobsShutdown.class);
    /** Below the web server's graceful shutdown (DEFAULT_PHASE − 1024) and stop (− 2048). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final RescoreJobs jobs;
    private final Duration wait;
    private volatile boolean running;

    RescoreJobsShutdown(RescoreJobs jobs, RescoringProperties settings) {
        this.jobs = jobs;
        this.wait = settings.shutdownWait();
    }

    @Override
    public void start() {
        jobs.accepting(true);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            jobs.interruptAll().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Rescoring jobs did not finish their current batch within {}; their open transactions roll back", wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("A rescoring job failed while stopping", e.getCause());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
