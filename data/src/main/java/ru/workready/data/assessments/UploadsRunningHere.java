package ru.workready.data.assessments;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploads this node has registered and not finished (queued or reading rows), with the rows each has read, and
 * the node's graceful shutdown: what other nodes know of them is in the database ({@link UploadHeartbeats}); this
 * is the node's own view of its threads.
 */
final class UploadsRunningHere {
    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    /** Rows read so far by the uploads registered in this process and not finished yet (queued ones too). */
    private final Map<Long, AtomicLong> running = new ConcurrentHashMap<>();
    /** Uploads whose rows are being read now (the others are queued). */
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    /** Rehearsals of the upload path (the start-up warm-up) running: a drain waits for them as for uploads. */
    private final AtomicInteger rehearsals = new AtomicInteger();
    /** Shutting down: no upload is registered or started any more. */
    private volatile boolean stopping;
    /** The grace period is over: running uploads roll back at their next row. */
    private volatile boolean cancelling;

    boolean stopping() {
        return stopping;
    }

    boolean cancelling() {
        return cancelling;
    }

    /** A rehearsal starts, unless the node is stopping; end it with {@link #rehearsalDone}. */
    boolean startRehearsal() {
        rehearsals.incrementAndGet();
        if (stopping) {
            rehearsals.decrementAndGet();
            return false;
        }
        return true;
    }

    void rehearsalDone() {
        rehearsals.decrementAndGet();
    }

    private boolean idle() {
        return running.isEmpty() && rehearsals.get() == 0;
    }

    void registered(long uploadId) {
        running.put(uploadId, new AtomicLong());
    }

    boolean runs(long uploadId) {
        return running.containsKey(uploadId);
    }

    /** The upload starts reading rows; its progress counter. */
    AtomicLong start(long uploadId) {
        AtomicLong progress = running.computeIfAbsent(uploadId, id -> new AtomicLong());
        started.add(uploadId);
        return progress;
    }

    /** The upload stopped reading rows and waits to read them again (its body is still arriving): queued again. */
    void queuedAgain(long uploadId) {
        started.remove(uploadId);
        AtomicLong progress = running.get(uploadId);
        if (progress != null) {
            progress.set(0); // its rows will be read again from the first
        }
    }

    void done(long uploadId) {
        started.remove(uploadId);
        running.remove(uploadId);
    }

    @Nullable AtomicLong progress(long uploadId) {
        return running.get(uploadId);
    }

    /** Rows read so far by each upload this node runs (for its heartbeat). */
    Map<Long, Long> progress() {
        Map<Long, Long> progress = new TreeMap<>();
        running.forEach((id, rows) -> progress.put(id, rows.get()));
        return progress;
    }

    /**
     * Registers and starts no more uploads, waits up to {@code grace} for the running ones to complete, then makes
     * them roll back at their next row; the queued ones go to {@code failQueued}. Returns the uploads stopped.
     */
    int drain(Duration grace, LongConsumer failQueued) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (!idle() && System.nanoTime() < deadline) {
            pause();
        }
        if (idle()) {
            return 0;
        }
        int stopped = running.size();
        if (stopped > 0) { // else only the start-up warm-up is left: it is stopped as quietly as it runs
            log.warn("Stopping {} upload(s) that did not complete within the shutdown grace period of {}", stopped,
                    grace);
        }
        cancelling = true;
        for (Long id : running.keySet()) {
            if (!started.contains(id) && running.remove(id) != null) {
                failQueued.accept(id); // queued behind another upload: it never started
            }
        }
        // a rollback takes moments; a connection stuck in the database is closed with the pool after this
        long rollback = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((!started.isEmpty() || rehearsals.get() > 0) && System.nanoTime() < rollback) {
            pause();
        }
        return stopped;
    }

    void resume() {
        stopping = false;
        cancelling = false;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining uploads", e);
        }
    }
}
