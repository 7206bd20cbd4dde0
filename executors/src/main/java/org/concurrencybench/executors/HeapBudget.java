package org.concurrencybench.executors;

import java.util.Optional;

/**
 * Whether a run whose tasks are all alive at once fits in this JVM's heap. A pool with a
 * first-in first-out queue holds a whole batch before its last unit runs, and a whole tree
 * before its first leaf runs (the leaves queue up behind every inner node); a chain of composed
 * stages holds every hop until the last. Past the budget the run would end in an
 * {@link OutOfMemoryError}, so the model declares it a limit instead.
 */
final class HeapBudget {

    /** The share of the heap a run may keep alive: beyond it the collector thrashes first. */
    static final double SHARE = 0.5;

    private HeapBudget() {
    }

    /**
     * Empty if {@code count} things of about {@code bytesEach} bytes fit in {@link #SHARE} of
     * the heap; otherwise the reason, naming {@code parameter}, its value, what fits, and
     * {@code why} they are all alive at once.
     */
    static Optional<String> check(String parameter, long count, long bytesEach, String why) {
        long budget = (long) (Runtime.getRuntime().maxMemory() * SHARE);
        long fits = budget / bytesEach;
        if (count <= fits) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s must be at most %,d in this JVM, got %,d: %s; at about %d bytes each,"
                        + " %,d fill %d%% of its %,d MB heap (a larger -Xmx allows more)",
                parameter, fits, count, why, bytesEach, fits, Math.round(SHARE * 100),
                Runtime.getRuntime().maxMemory() >> 20));
    }
}
