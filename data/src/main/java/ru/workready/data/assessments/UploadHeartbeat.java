package ru.workready.data.assessments;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import ru.workready.data.assessments.UploadHeartbeats;
import ru.workready.data.assessments.UploadService;

/**
 * Beats for this node's running uploads and ends other nodes' abandoned ones, every
 * {@code workready.uploads.heartbeat-every}. It has a thread of its own: the shared scheduler may be busy with the
 * stale-score work for longer than the heartbeat timeout, and a node whose uploads run must not look dead.
 */
@Component
public class UploadHeartbeat implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(UploadHeartbeat.class);
    private final UploadService uploads;
    private final UploadHeartbeats heartbeats;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upload-heartbeat");
        t.setDaemon(true);
        return t;
    });

    UploadHeartbeat(UploadService uploads, UploadHeartbeats heartbeats, UploadProperties settings) {
        Duration every = settings.heartbeatEvery();
        this.uploads = uploads;
        this.heartbeats = heartbeats;
        beat.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            heartbeats.beat(uploads.progressHere());
            int ended = heartbeats.failAbandoned();
            if (ended > 0) {
                log.warn("Marked {} upload(s) FAILED: the node processing them stopped beating", ended);
            }
        } catch (DataAccessException e) {
            log.debug("Upload heartbeat skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Upload heartbeat failed", e); // the next beat tries again: the thread must live on
        }
    }

    /** The beat's thread (for health). */
    public java.util.concurrent.ExecutorService executor() {
        return beat;
    }

    @Override
    public void destroy() {
        beat.shutdownNow();
    }
}
