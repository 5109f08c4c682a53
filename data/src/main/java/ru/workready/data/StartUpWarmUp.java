package ru.workready.data;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Work on made-up data run once the application is ready, in a background thread of low priority, so that the JIT
 * compiles a hot path before the first real request needs it (the scoring path, the upload path). A size of 0 turns
 * it off; a failure is logged and forgotten.
 */
public abstract class StartUpWarmUp implements ApplicationListener<ApplicationReadyEvent> {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final int size;
    private final CountDownLatch done = new CountDownLatch(1);

    /** {@code name} says what is warmed up ("scoring", "upload"); {@code size} is what {@link #run} gets. */
    protected StartUpWarmUp(String name, int size) {
        this.name = name;
        this.size = size;
    }

    /** Runs the warm-up on {@code count} made-up items; returns how many it took and says what they were. */
    public abstract int run(int count);

    /** What one item of {@link #run} is, for the log ("made-up students scored"). */
    protected abstract String items();

    @Override
    public final void onApplicationEvent(ApplicationReadyEvent event) {
        if (size <= 0) {
            done.countDown();
            return;
        }
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                int n = run(size);
                log.info("Warmed up {}: {} {} in {} ms", name, n, items(), (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                log.info("The {} warm-up was skipped: {}", name, e.getMessage());
            } finally {
                done.countDown();
            }
        }, name + "-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Waits for the warm-up to end (benchmarks that time a node's first job or upload). */
    public void await() throws InterruptedException {
        done.await();
    }
}
