package ru.workready.data.assessments;

import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.csv.TabularFormat;

/**
 * Runs an upload from its body: spools it (constant memory, hash and encoding on the
 * way), answers a repeat with the first result, and processes it in the request or, when large
 * or asked with {@code Prefer: respond-async}, on the upload executor. A small upload rescores
 * its students at once; otherwise the stale-score job does.
 */
@Component
public class UploadRunner {
    private static final Logger log = LoggerFactory.getLogger(UploadRunner.class);

    /**
     * An upload's body as it arrives: the bytes, their declared content type, and whether the sender prefers an
     * answer before processing ends (HTTP's {@code Prefer: respond-async}).
     */
    public record Body(InputStream stream, @Nullable String contentType, boolean preferAsync) {
    }

    /** The result of a POST: the upload, whether it repeats an earlier one, and how it ran. */
    public record Started(UploadStatus upload, boolean duplicate, boolean async, List<String> students,
                          int rescoredStandards) {
    }

    private final UploadService uploads;
    private final ReadinessService readiness;
    private final StaleScoreRepository stale;
    private final TaskExecutor executor;
    private final long maxBytes;
    private final long asyncBytes;
    private final int inlineRescore;

    UploadRunner(UploadService uploads, ReadinessService readiness, StaleScoreRepository stale,
                 @Qualifier("uploadExecutor") TaskExecutor executor,
                 UploadProperties settings) {
        this.uploads = uploads;
        this.readiness = readiness;
        this.stale = stale;
        this.executor = executor;
        this.maxBytes = settings.maxBytes().toBytes();
        this.asyncBytes = settings.asyncBytes().toBytes();
        this.inlineRescore = settings.inlineRescoreStudents();
    }

    /**
     * Over the size limit: {@link UploadSpool.TooLargeException}; a body that breaks off:
     * {@link UploadSpool.UnreadableBodyException}. Nothing is stored in either case.
     */
    public Started run(UploadLoader loader, String college, @Nullable String fileName, @Nullable String key,
                       Body body) {
        uploads.collegeId(college);
        UploadSpool spool = UploadSpool.of(body.stream(), maxBytes);
        boolean handedOver = false;
        try {
            TabularFormat format = TabularFormat.detect(body.contentType(), spool.head());
            UploadService.Receipt receipt = uploads.receive(loader.kind(), college, fileName, key, spool, format);
            if (receipt.duplicate()) {
                UploadStatus earlier = uploads.status(receipt.uploadId()).orElseThrow();
                return new Started(earlier, true, false, students(earlier), 0);
            }
            boolean async = spool.bytes() > asyncBytes || body.preferAsync();
            if (async) {
                executor.execute(() -> {
                    try (spool) {
                        complete(uploads.process(receipt.uploadId(), loader, spool, format));
                    } catch (RuntimeException e) {
                        log.info("Upload {} did not complete: {}", receipt.uploadId(), e.getMessage());
                    }
                });
                handedOver = true;
                return new Started(uploads.status(receipt.uploadId()).orElseThrow(), false, true, List.of(), 0);
            }
            UploadService.Processed done = uploads.process(receipt.uploadId(), loader, spool, format);
            int rescored = complete(done);
            return new Started(uploads.status(receipt.uploadId()).orElseThrow(), false, false, done.students(),
                    rescored);
        } finally {
            if (!handedOver) {
                spool.close();
            }
        }
    }

    /** Rescores a small upload's students now; a large one's are left marked stale for the job. */
    private int complete(UploadService.Processed done) {
        if (done.status().kind() != UploadKind.ASSESSMENTS || done.status().studentCount() > inlineRescore) {
            return 0;
        }
        java.time.OffsetDateTime from = stale.now();
        int rescored = readiness.rescore(done.students());
        stale.clear(done.students(), from);
        return rescored;
    }

    private List<String> students(UploadStatus upload) {
        return upload.kind() == UploadKind.ASSESSMENTS ? uploads.students(upload.id(), 1000) : List.of();
    }
}
