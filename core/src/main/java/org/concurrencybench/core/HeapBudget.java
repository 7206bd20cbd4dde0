package org.concurrencybench.core;

import java.util.Optional;

/**
 * Whether the tasks a run keeps at once fit in this JVM's heap. A pool that queues a whole
 * batch, a chain of stages that waits for its last hop, a thread per task kept until it is
 * joined: each holds every task of the run at the same time, and past the heap the run ends in
 * an {@link OutOfMemoryError} after the collector has thrashed. So every in-JVM model declares
 * such sizes a limit before a run starts. The model says what one of its tasks holds (a
 * measured figure, in a constant of its own that says where it comes from) and which share of
 * the heap its runs may fill; this class does the arithmetic and words the reason the same way
 * for every model.
 */
public final class HeapBudget {

    /**
     * The share for the pools (thread-pool, completable-future, async): half the heap. Their
     * bytes per task are live bytes measured after a collection and rounded up by a few
     * percent, with no margin in them; the other half is the margin, for the run's own garbage
     * and for the collector, which thrashes well before the heap is full of live objects.
     */
    public static final double HALF_THE_HEAP = 0.5;

    /**
     * The share for a thread per task (threads, virtual): the whole heap, because their bytes
     * per task carry the margin in the figure itself: a platform thread's measured 250 bytes are
     * doubled, and a virtual thread's figures are those at which a million tasks ran without a
     * full collection.
     */
    public static final double WHOLE_HEAP = 1.0;

    /**
     * Heap per stripe of a contention's {@link SharedCounter}, for every model that runs it in
     * one JVM. Measured on JDK 25 with compressed references at 330 and 367 bytes (two measurements) for
     * a stripe of two 128-byte padded slots, a monitor and a {@code ReentrantLock}: more than a
     * stripe of any one lock kind holds (one slot, and the monitor or the lock its kind uses),
     * so this is an upper bound.
     */
    public static final long BYTES_PER_COUNTER_STRIPE = 384;

    private final long maxHeapBytes;
    private final double share;

    /**
     * @param maxHeapBytes the heap: {@code Runtime.getRuntime().maxMemory()}
     * @param share the part of it one run may fill: {@link #HALF_THE_HEAP} or {@link #WHOLE_HEAP}
     */
    public HeapBudget(long maxHeapBytes, double share) {
        if (maxHeapBytes < 1 || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a heap budget needs a heap of at least 1 byte and a share in (0, 1], got "
                    + maxHeapBytes + " bytes and " + share);
        }
        this.maxHeapBytes = maxHeapBytes;
        this.share = share;
    }

    /** {@code share} of this JVM's heap ({@code -Xmx}). */
    public static HeapBudget ofThisJvm(double share) {
        return new HeapBudget(Runtime.getRuntime().maxMemory(), share);
    }

    /** How many tasks of about {@code bytesEach} bytes fit, besides {@code bytesBesides} the run holds once. */
    public long fits(long bytesEach, long bytesBesides) {
        long budget = (long) (maxHeapBytes * share);
        return Math.max(0, budget - bytesBesides) / bytesEach;
    }

    /**
     * Empty if {@code count} tasks of about {@code bytesEach} bytes fit; otherwise the reason,
     * naming {@code parameter}, its value, what fits, and {@code why} the tasks are all kept at
     * once.
     */
    public Optional<String> check(String parameter, long count, long bytesEach, String why) {
        return check(parameter, Checks.format(count), count, bytesEach, why);
    }

    /**
     * {@link #check(String, long, long, String)} with the value worded by the caller, for a count
     * that follows from other parameters: {@code width=10 and depth=6 (1,111,111 nodes)}.
     */
    public Optional<String> check(String parameter, String value, long count, long bytesEach, String why) {
        return check(parameter, value, count, bytesEach, 0, "", why);
    }

    /**
     * {@link #check(String, long, long, String)} for a contention's workers of about
     * {@code bytesPerWorker} bytes each, besides its counter's stripes of {@code bytesPerStripe}
     * (one lock per worker, the pinning probe, makes the counter as large as the workers).
     */
    public Optional<String> check(Contention contention, long bytesPerWorker, long bytesPerStripe, String why) {
        long stripes = contention.locks();
        return check("workers", "workers=" + Checks.format(contention.workers()) + " with locks=" + Checks.format(stripes),
                contention.workers(), bytesPerWorker, stripes * bytesPerStripe, " besides " + Checks.format(stripes)
                        + " stripes of the shared counter at " + Checks.format(bytesPerStripe) + " bytes each", why);
    }

    private Optional<String> check(String parameter, String value, long count, long bytesEach, long bytesBesides,
                                   String besides, String why) {
        long fits = fits(bytesEach, bytesBesides);
        if (count <= fits) {
            return Optional.empty();
        }
        return Optional.of(parameter + " must be at most " + Checks.format(fits) + " in this JVM, got " + value + ": "
                + why + "; at about " + Checks.format(bytesEach) + " bytes of heap each" + besides + ", "
                + Checks.format(fits) + " fill " + Math.round(share * 100) + "% of its heap (-Xmx "
                + Checks.format(maxHeapBytes >> 20) + " MB); a larger -Xmx allows more");
    }
}
