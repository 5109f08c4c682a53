package ru.workready.engine.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * How much a rule set may run: at most {@code maxFirings} rule firings per {@code fireAllRules}, and,
 * where a time budget is given, until a deadline after which a watchdog halts the session. A rule that
 * loops (modify → re-match → modify …) or inserts without end is stopped instead of holding the thread.
 *
 * @param maxFirings firings allowed in one {@code fireAllRules} of one session
 * @param time       the CPU time budget of everything run under it, on the thread that runs the checks (null: no
 *                   deadline, firing limit only). CPU time, not wall-clock time: a busy machine must not turn a
 *                   sound rule set into a refused one. A wall-clock backstop of {@link #WALL_FACTOR} times the
 *                   budget still holds.
 */
public record RuleBudget(int maxFirings, @Nullable Duration time) {
    /** Far more than a student's evidence and functions need (a few firings per fact), far less than a loop reaches. */
    public static final int DEFAULT_MAX_FIRINGS = 100_000;
    /** The scoring path: a firing limit, no deadline (one student's session is small and pooled). */
    public static final RuleBudget SCORING = new RuleBudget(DEFAULT_MAX_FIRINGS, null);

    /** One daemon thread halts the sessions whose time is up. */
    static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rule-set-watchdog");
        t.setDaemon(true);
        return t;
    });

    public RuleBudget {
        if (maxFirings <= 0) {
            throw new IllegalArgumentException("maxFirings must be > 0, was " + maxFirings);
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("time must be > 0, was " + time);
        }
    }

    public static RuleBudget of(Duration time, int maxFirings) {
        return new RuleBudget(maxFirings, Objects.requireNonNull(time, "time"));
    }

    /** The wall-clock backstop, as a multiple of the CPU budget. */
    static final int WALL_FACTOR = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A deadline that starts now, for the calling thread (it runs every session under it). */
    Deadline start() {
        long thread = Thread.currentThread().getId();
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return new Deadline(this, thread, cpu, System.nanoTime());
    }

    /** The budget of one run of checks: every session under it shares the deadline. */
    record Deadline(RuleBudget budget, long thread, long cpuStart, long wallStart) {
        boolean bounded() {
            return budget.time() != null;
        }

        /** True when the thread has spent its CPU budget (or the backstop's wall-clock time has passed). */
        boolean passed() {
            if (!bounded()) {
                return false;
            }
            long limit = budget.time().toNanos();
            if (System.nanoTime() - wallStart >= limit * WALL_FACTOR) {
                return true;
            }
            if (cpuStart < 0) {
                return System.nanoTime() - wallStart >= limit; // no CPU clock here: wall-clock time
            }
            long cpu = THREADS.getThreadCpuTime(thread);
            return cpu >= 0 && cpu - cpuStart >= limit;
        }
    }
}
