package ru.workready.data.assessments;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.data.scoring.CohortScoring;
import ru.workready.data.scoring.RescoringProperties;
import ru.workready.data.assessments.StaleScoreRepository;

/**
 * Rescores the students that uploads marked stale, a batch per transaction. Each batch's marks are taken with
 * {@code FOR UPDATE SKIP LOCKED}, rescored and cleared in the same transaction: nodes running this at once take
 * different students, and a node that dies mid-batch releases its marks (rolled back) for another to take. A batch is
 * scored by the rescoring job's path ({@link CohortScoring#rescore}: one read, one delete and one COPY), not student
 * by student: after a bulk upload of 20,000 students the scores catch up in seconds, not minutes (docs/benchmarks.md).
 */
@Component
public class StaleScoreWork {
    private static final Logger log = LoggerFactory.getLogger(StaleScoreWork.class);
    private final StaleScoreRepository stale;
    private final CohortScoring scoring;
    private final TransactionTemplate tx;
    private final int batch;

    StaleScoreWork(StaleScoreRepository stale, CohortScoring scoring, TransactionTemplate tx,
                   RescoringProperties settings) {
        this.stale = stale;
        this.scoring = scoring;
        this.tx = tx;
        this.batch = settings.staleScores().batch();
    }

    /** Takes batches until none is left for this node; returns the students it rescored, in order. */
    public List<String> run() {
        List<String> rescored = new ArrayList<>();
        while (true) {
            List<String> students;
            try {
                students = tx.execute(status -> rescoreBatch());
            } catch (RuntimeException e) {
                log.warn("Rescoring a batch of stale students failed (their marks stay): {}", e.getMessage());
                return rescored;
            }
            if (students == null || students.isEmpty()) {
                return rescored;
            }
            rescored.addAll(students);
        }
    }

    private List<String> rescoreBatch() {
        StaleScoreRepository.Taken taken = stale.takeLocked(batch);
        if (!taken.students().isEmpty()) {
            scoring.rescore(taken.students());
            stale.clearTaken(taken);
        }
        return taken.students();
    }
}
