package org.concurrencybench.executors;

import java.util.Optional;
import org.concurrencybench.core.Contention;

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

    /**
     * Live bytes per stripe of core's {@code SharedCounter}, measured on JDK 25 with compressed
     * references (367) and rounded up, when a stripe held two 128-byte padded slots, a monitor
     * object and a ReentrantLock; it now holds only what its lock kind uses, so this is an upper bound.
     */
    static final long BYTES_PER_SHARED_STRIPE = 400;

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

    /**
     * {@link #check} for a contention run: {@code bytesPerWorker} for each worker's task, and the
     * counter's {@code bytesPerStripe} stripes spread over the workers (one lock per worker, the
     * pinning probe, makes the counter itself as large as the tasks).
     */
    static Optional<String> check(Contention contention, long bytesPerWorker, long bytesPerStripe, String why) {
        long stripeBytesPerWorker = Math.ceilDiv(bytesPerStripe * contention.locks(), contention.workers());
        return check("workers", contention.workers(), bytesPerWorker + stripeBytesPerWorker, why);
    }
}
