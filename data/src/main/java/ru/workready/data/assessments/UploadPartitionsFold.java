package ru.workready.data.assessments;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import ru.workready.data.assessments.EvidenceRepository;

/**
 * Folds the evidence partitions of older large uploads back into the shared ones on a schedule
 * ({@code workready.evidence.fold.cron}, off by default: operators may prefer to run
 * {@code CALL evidence_fold_upload_partitions(…)} themselves at a quiet hour). Each fold copies one
 * upload's rows with per-row index upkeep, so it belongs at night; several nodes may run it, the
 * procedure folds one upload at a time whoever calls it.
 */
@Component
public class UploadPartitionsFold implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(UploadPartitionsFold.class);
    private final EvidenceRepository evidence;
    private final EvidenceFoldProperties settings;
    private final Duration after;

    UploadPartitionsFold(EvidenceRepository evidence, EvidenceFoldProperties settings) {
        this.evidence = evidence;
        this.settings = settings;
        this.after = settings.after();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (settings.scheduled()) {
            registrar.addCronTask(this::foldScheduled, settings.cron().strip());
        }
    }

    void foldScheduled() {
        fold(after);
    }

    /** Folds the partitions of uploads finished more than {@code olderThan} ago; returns how many are left. */
    public int fold(Duration olderThan) {
        int before = evidence.uploadPartitions();
        if (before == 0) {
            return 0;
        }
        long start = System.nanoTime();
        int left = evidence.foldUploadPartitions(olderThan);
        log.info("Folded {} upload partition(s) of evidence into the shared ones in {} ms; {} left", before - left,
                (System.nanoTime() - start) / 1_000_000, left);
        return left;
    }
}
