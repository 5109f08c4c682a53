package ru.workready.engine.scoring;

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
 * @param time       the wall-clock budget of everything run under it (null: no deadline, firing limit only)
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

    /** A deadline (System.nanoTime) that starts now, or {@link Long#MAX_VALUE} without a time budget. */
    Deadline start() {
        return new Deadline(this, time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos());
    }

    /** The budget of one run of checks: every session under it shares the deadline. */
    record Deadline(RuleBudget budget, long nanos) {
        boolean bounded() {
            return nanos != Long.MAX_VALUE;
        }

        boolean passed() {
            return bounded() && System.nanoTime() - nanos >= 0;
        }

        long remainingNanos() {
            return Math.max(0, nanos - System.nanoTime());
        }
    }
}
