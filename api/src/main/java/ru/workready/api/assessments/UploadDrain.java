package ru.workready.api.assessments;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.workready.api.problems.ProblemTypes;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.UploadProperties;
import ru.workready.data.assessments.UploadService;

/**
 * Graceful shutdown with uploads in flight (issue 10): on SIGTERM the running uploads get
 * {@code workready.uploads.shutdown-grace} to complete; those still running then roll back and are
 * marked {@code FAILED}, queued ones too. Either way nothing partial is stored. It stops in the
 * phase of the web server's graceful shutdown, alongside it, so both fit in
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s): keep the grace a few seconds shorter.
 */
@Component
class UploadDrain implements SmartLifecycle {
    /** The phase of Spring Boot's graceful web server shutdown (SmartLifecycle.DEFAULT_PHASE - 1024). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final UploadService uploads;
    private final Duration grace;
    private volatile boolean running;

    UploadDrain(UploadService uploads, UploadProperties settings) {
        this.uploads = uploads;
        this.grace = settings.shutdownGrace();
    }

    @Override
    public void start() {
        uploads.resume();
        running = true;
    }

    @Override
    public void stop() {
        uploads.drain(grace);
        running = false;
    }

    /** Drains on its own thread, so that the web server's graceful shutdown runs meanwhile. */
    @Override
    public void stop(Runnable callback) {
        Thread drain = new Thread(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        }, "upload-drain");
        drain.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** An upload stopped by the shutdown: the server's state, not the client's fault; send it again. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class StoppedAdvice {
        @ExceptionHandler(UploadService.StoppedException.class)
        ResponseEntity<ProblemDetail> stopped(UploadService.StoppedException e) {
            ProblemDetail p = ProblemTypes.problem(ProblemType.SHUTTING_DOWN, e.getMessage());
            return ResponseEntity.status(p.getStatus()).header(HttpHeaders.RETRY_AFTER, "30").body(p);
        }
    }
}
