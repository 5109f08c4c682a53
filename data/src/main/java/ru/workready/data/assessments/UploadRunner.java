package ru.workready.data.assessments;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
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
     * An upload's body as it arrives: the bytes, their declared content type, their announced length (-1: not told),
     * and whether the sender prefers an answer before processing ends (HTTP's {@code Prefer: respond-async}).
     */
    public record Body(InputStream stream, @Nullable String contentType, long length, boolean preferAsync) {
    }

    /** The result of a POST: the upload, whether it repeats an earlier one, and how it ran. */
    public record Started(UploadStatus upload, boolean duplicate, boolean async, List<String> students,
                          int rescoredStandards) {
    }

    /** What arrives before deciding how to read a body: its format, and whether it looks like UTF-8. */
    private static final long READ_AHEAD = 1 << 20;

    private final UploadService uploads;
    private final ReadinessService readiness;
    private final StaleScoreRepository stale;
    private final ThreadPoolTaskExecutor executor;
    private final long maxBytes;
    private final long asyncBytes;
    private final int inlineRescore;
    private final Duration readWhileReceiving;

    UploadRunner(UploadService uploads, ReadinessService readiness, StaleScoreRepository stale,
                 @Qualifier("uploadExecutor") ThreadPoolTaskExecutor executor,
                 UploadProperties settings) {
        this.uploads = uploads;
        this.readiness = readiness;
        this.stale = stale;
        this.executor = executor;
        this.maxBytes = settings.maxBytes().toBytes();
        this.asyncBytes = settings.asyncBytes().toBytes();
        this.inlineRescore = settings.inlineRescoreStudents();
        this.readWhileReceiving = settings.readWhileReceiving();
    }

    /**
     * Over the size limit: {@link UploadSpool.TooLargeException}; a body that breaks off:
     * {@link UploadSpool.UnreadableBodyException}. Nothing is stored in either case.
     */
    public Started run(UploadLoader loader, String college, @Nullable String fileName, @Nullable String key,
                       Body body) {
        uploads.collegeId(college);
        UploadSpool.Receiver receiver = UploadSpool.receive(body.stream(), maxBytes);
        boolean ended = receiver.fill(READ_AHEAD);
        TabularFormat format = TabularFormat.detect(body.contentType(), receiver.head());
        if (!ended && readsWhileReceiving(body, format, receiver)) {
            Optional<Long> registered;
            try {
                registered = uploads.receiveArriving(loader.kind(), college, fileName, key, body.length());
            } catch (RuntimeException e) {
                receiver.discard();
                throw e;
            }
            if (registered.isPresent()) {
                return runArriving(loader, college, key, registered.get(), receiver, body.length());
            }
        }
        UploadSpool spool = receiver.finish();
        boolean handedOver = false;
        try {
            UploadService.Receipt receipt = uploads.receive(loader.kind(), college, fileName, key, spool, format);
            if (receipt.duplicate()) {
                UploadStatus earlier = uploads.status(receipt.uploadId()).orElseThrow();
                return new Started(earlier, true, false, students(earlier), 0);
            }
            boolean async = spool.bytes() > asyncBytes || body.preferAsync();
            if (async) {
                runLater(receipt.uploadId(), loader, spool, format);
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

    /**
     * A CSV of more than a megabyte that runs in the background (large, or asked to) and whose first megabyte is
     * UTF-8 is read while the rest arrives: the transfer and the reading overlap (docs/ingestion.md, "Reading while
     * receiving"). A body of unknown length, a workbook or JSON is read once whole.
     */
    private boolean readsWhileReceiving(Body body, TabularFormat format, UploadSpool.Receiver receiver) {
        return !readWhileReceiving.isZero() && format == TabularFormat.CSV && body.length() <= maxBytes
                && (body.length() > asyncBytes || body.preferAsync()) && body.length() > READ_AHEAD
                && receiver.utf8SoFar();
    }

    private void runLater(long uploadId, UploadLoader loader, UploadSpool spool, TabularFormat format) {
        executor.execute(() -> {
            try (spool) {
                complete(uploads.process(uploadId, loader, spool, format));
            } catch (RuntimeException e) {
                log.info("Upload {} did not complete: {}", uploadId, e.getMessage());
            }
        });
    }

    /**
     * Reads the upload on the executor as its body arrives, while this thread receives the rest; once it is in, the
     * upload takes the body's hash — or, if a processing or completed upload has the same content, the reading is
     * withdrawn and that upload is the answer, as when a whole body repeats one.
     */
    private Started runArriving(UploadLoader loader, String college, @Nullable String key, long uploadId,
                                UploadSpool.Receiver receiver, long length) {
        CompletableFuture<UploadSpool> arrived = new CompletableFuture<>();
        try {
            // opened here, before the body can break off and its file go: the reader then learns why from arrived
            Arriving content;
            try {
                content = new Arriving(receiver, arrived, length);
            } catch (RuntimeException e) {
                receiver.discard();
                uploads.withdraw(uploadId);
                throw e;
            }
            try {
                executor.execute(() -> readArriving(uploadId, loader, content, arrived));
            } catch (org.springframework.core.task.TaskRejectedException e) {
                content.close();
                receiver.discard();
                uploads.withdraw(uploadId);
                throw new UploadService.StoppedException();
            }
            UploadSpool spool = receiver.finish();
            Optional<UploadService.Receipt> earlier;
            try {
                earlier = uploads.claim(uploadId, loader.kind(), college, key, spool);
            } catch (RuntimeException e) {
                spool.close();
                throw e;
            }
            if (earlier.isPresent()) {
                spool.close();
                arrived.completeExceptionally(new UploadService.WithdrawnException("A repeat of upload "
                        + earlier.get().uploadId()));
                UploadStatus first = uploads.status(earlier.get().uploadId()).orElseThrow();
                return new Started(first, true, false, students(first), 0);
            }
            arrived.complete(spool);
            UploadStatus now = uploads.status(uploadId).orElseThrow();
            if (UploadStatus.FAILED.equals(now.status()) && uploads.stopping()) {
                throw new UploadService.StoppedException(); // its reading was stopped by the shutdown: 503, as before
            }
            return new Started(now, false, true, List.of(), 0);
        } finally {
            // the body broke off, or anything else went wrong: the reading stops and leaves nothing
            arrived.completeExceptionally(new UploadService.WithdrawnException("The body did not arrive whole"));
        }
    }

    private void readArriving(long uploadId, UploadLoader loader, Arriving content,
                              CompletableFuture<UploadSpool> arrived) {
        try {
            complete(uploads.process(uploadId, loader, content, TabularFormat.CSV));
        } catch (UploadService.ReadAgainException e) {
            content.close();
            log.info("Upload {}: {}; it is read again once its body has arrived", uploadId, e.getMessage());
            arrived.whenComplete((spool, failed) -> {
                if (spool == null) {
                    uploads.withdraw(uploadId);
                    return;
                }
                try {
                    runLater(uploadId, loader, spool, TabularFormat.CSV);
                } catch (RuntimeException rejected) { // the executor is shut down: the node is stopping
                    spool.close();
                    uploads.stopped(uploadId);
                }
            });
            return;
        } catch (UploadService.WithdrawnException e) {
            log.info("Upload {} withdrawn: {}", uploadId, e.getMessage());
        } catch (RuntimeException e) {
            log.info("Upload {} did not complete: {}", uploadId, e.getMessage());
        }
        content.close();
        arrived.thenAccept(UploadSpool::close);
    }

    /**
     * The CSV of an upload still arriving, read as its bytes reach the spool. Reading stops (rolled back) if the
     * body turns out a repeat or breaks off; it waits for the whole body to read it again if the body is not UTF-8
     * after all, or if it comes slower than it is read — waiting in all longer than
     * {@code workready.uploads.read-while-receiving}, or at all while another upload waits for the executor.
     */
    private final class Arriving implements UploadContent {
        private final CompletableFuture<UploadSpool> arrived;
        private final long length;
        private final InputStream bytes;

        Arriving(UploadSpool.Receiver receiver, CompletableFuture<UploadSpool> arrived, long length) {
            this.arrived = arrived;
            this.length = length;
            try {
                this.bytes = receiver.arriving(this::waited, this::ended);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void close() {
            try {
                bytes.close();
            } catch (IOException ignored) {
                // a read-only file channel: nothing to lose
            }
        }

        @Override
        public long bytes() {
            return length;
        }

        @Override
        public boolean utf8() {
            return true;
        }

        @Override
        public Path file() {
            throw new UnsupportedOperationException("a body still arriving is read as a stream");
        }

        /** The body's one stream (an upload reads its CSV once). */
        @Override
        public InputStream open() {
            return new FilterInputStream(bytes) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    stopIfWithdrawn();
                    try {
                        return super.read(b, off, len);
                    } catch (UploadSpool.UnreadableBodyException e) {
                        whole(); // the receiving thread says why: a withdrawal
                        throw e;
                    }
                }
            };
        }

        private void stopIfWithdrawn() {
            if (arrived.isCompletedExceptionally()) {
                whole();
            }
        }

        private void waited(long nanos) {
            if (uploads.cancelling()) {
                throw new UploadService.StoppedException();
            }
            stopIfWithdrawn();
            if (executor.getQueueSize() > 0) {
                throw new UploadService.ReadAgainException("another upload waits while this one's body arrives");
            }
            if (nanos > readWhileReceiving.toNanos()) {
                throw new UploadService.ReadAgainException("its body arrives slower than it is read");
            }
        }

        private void ended() {
            if (!whole().utf8()) {
                throw new UploadService.ReadAgainException("its body is not UTF-8 after its first megabyte (read as "
                        + "Windows-1251)");
            }
        }

        /** The whole body, once the receiving thread has claimed it (or why not). */
        private UploadSpool whole() {
            try {
                return arrived.get();
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UploadService.StoppedException();
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
