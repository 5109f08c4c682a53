package ru.workready.data.scoring;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import ru.workready.data.DatabaseFailures;

/**
 * How a rescoring job ends and the status it is left in. A job that failed because the database
 * went away cannot record that at once either: the final status is written again until the
 * database is back (within {@code workready.rescoring.finish-retry}), so a job is never left
 * RUNNING by a database restart.
 */
@Component
public class JobEnding {
    private static final Logger log = LoggerFactory.getLogger(JobEnding.class);

    /** Why the workers stopped taking batches. */
    enum Stop { NONE, CANCELLED, SHUTDOWN }

    private final RescoreJobRepository bulk;
    private final Duration retryFor;

    JobEnding(RescoreJobRepository bulk, RescoringProperties settings) {
        this.bulk = bulk;
        this.retryFor = settings.finishRetry();
    }

    /** Records the end of a job: DONE, CANCELLED, INTERRUPTED (shutdown) or FAILED, with a message saying what to do. */
    void finish(long id, @Nullable Throwable error, Stop stop, int done, int total, long scores) {
        String status;
        String message;
        String progress = done + " of " + total + " students were rescored (each batch whole, its students' scores complete)";
        if (error != null) {
            status = "FAILED";
            message = (unavailable(error) ? "The database became unavailable during the job; "
                    : "Rescoring failed (the error has been logged); ") + progress + ". Start the job again to finish.";
        } else if (stop == Stop.SHUTDOWN) {
            status = "INTERRUPTED";
            message = "The application was shut down during the job; " + progress + ". Start the job again to finish.";
        } else if (stop == Stop.CANCELLED) {
            status = "CANCELLED";
            message = null;
        } else {
            status = "DONE";
            message = null;
        }
        long deadline = System.nanoTime() + retryFor.toNanos();
        while (true) {
            try {
                bulk.finishJob(id, status, done, scores, message);
                return;
            } catch (DataAccessException | TransactionSystemException | CannotCreateTransactionException e) {
                if (System.nanoTime() > deadline || !unavailable(e)) {
                    log.error("Rescoring job {} ended {} but its status could not be recorded; it shows RUNNING", id,
                            status, e);
                    return;
                }
                log.warn("Rescoring job {} ended {}; the database is unavailable, recording it again in 1 s", id, status);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean unavailable(@Nullable Throwable t) {
        return DatabaseFailures.unavailable(t);
    }
}
