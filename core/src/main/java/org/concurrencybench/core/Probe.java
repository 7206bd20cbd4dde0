package org.concurrencybench.core;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A unit for testing the failure paths of models and of the harness: unit {@code failAt}
 * throws at once, every other unit blocks for {@code holdMs} (until interrupted) and returns
 * its index. {@code failAt = -1} fails no unit.
 *
 * <p>Units count themselves while they run, so a test in this JVM can wait until units have
 * started and can check that none is still running after a run ends. Those counters see only
 * units that run in this JVM, not in worker processes.
 */
public record Probe(int failAt, long holdMs) implements Kernel {

    private static final Object LOCK = new Object();
    private static long started;
    private static int live;

    public Probe {
        Checks.range("probe", "failAt", failAt, -1, Batch.MAX_UNITS);
        Checks.range("probe", "holdMs", holdMs, 0, 3_600_000);
    }

    /** The message of the exception that unit {@code unit} throws. */
    public static String failureMessage(int unit) {
        return "unit " + unit + " failed on purpose";
    }

    @Override
    public long run(int unit, int units) throws InterruptedException {
        synchronized (LOCK) {
            started++;
            live++;
            LOCK.notifyAll();
        }
        try {
            if (unit == failAt) {
                throw new IllegalStateException(failureMessage(unit));
            }
            Thread.sleep(holdMs);
            return unit;
        } finally {
            synchronized (LOCK) {
                live--;
                LOCK.notifyAll();
            }
        }
    }

    /** Units of any probe that are running in this JVM now. */
    public static int liveUnits() {
        synchronized (LOCK) {
            return live;
        }
    }

    /** Units of any probe started in this JVM since it began. */
    public static long startedUnits() {
        synchronized (LOCK) {
            return started;
        }
    }

    /**
     * Waits until {@link #startedUnits()} reaches {@code count}, or the timeout passes.
     *
     * @return whether the count was reached
     */
    public static boolean awaitStarted(long count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (LOCK) {
            while (started < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(LOCK, left);
            }
            return true;
        }
    }

    @Override
    public long expected(int units) {
        return failAt >= 0 && failAt < units ? Long.MIN_VALUE : Identity.sumOfIndices(units);
    }

    @Override
    public boolean waits() {
        return holdMs > 0;
    }

    @Override
    public Map<String, Long> parameters() {
        return Checks.ordered("failAt", failAt, "holdMs", holdMs);
    }
}
