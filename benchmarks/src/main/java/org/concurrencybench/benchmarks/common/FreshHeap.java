package org.concurrencybench.benchmarks.common;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * Takes a fresh JVM's first pass through its young generation out of the measured iterations.
 *
 * <p>A page of the heap costs the operating system a fault the first time it is written; on a
 * virtual machine that hands freed memory back to its host that is tens of microseconds per
 * 4 KB page, several milliseconds per megabyte. Until a young collection has come round, every
 * allocation lands on such a page, so the first pass through the young generation runs an
 * allocating workload several times slower than every later pass (measured: spawning 10,000
 * threads on a pool, 7.5 ms an operation for seconds on a fresh 2 GB heap against 1.6 ms once
 * its young generation had been through once and stayed that size). The forks therefore fix
 * the young generation's size ({@code -Xmn}), so the collector does not grow it into untouched
 * memory while iterations are timed, and their trials call {@link #touchYoungGeneration()} once
 * before the first iteration: the young generation has then been written end to end and
 * collected, and each later pass reuses its pages.
 */
public final class FreshHeap {

    /** Below the smallest G1 region's humongous threshold (half a 1 MB region), so it is allocated in the young generation. */
    private static final int CHUNK_BYTES = 64 * 1024;

    /** The last few chunks, kept reachable so that no compiler can leave their allocation out. */
    private static final byte[][] RECENT = new byte[16][];

    private FreshHeap() {
    }

    /**
     * Allocates until the young generation has been collected once (an object allocated first
     * has been found unreachable), or half the heap has been allocated under a collector that
     * never collects. Returns the bytes it allocated.
     */
    public static synchronized long touchYoungGeneration() {
        return allocateUntilCollected(Runtime.getRuntime().maxMemory() / 2);
    }

    /** As {@link #touchYoungGeneration()}, allocating at most {@code limitBytes}. */
    static long allocateUntilCollected(long limitBytes) {
        WeakReference<Object> firstAllocated = new WeakReference<>(new Object());
        long allocated = 0;
        int next = 0;
        while (!firstAllocated.refersTo(null) && allocated < limitBytes) {
            RECENT[next] = new byte[CHUNK_BYTES];
            next = (next + 1) % RECENT.length;
            allocated += CHUNK_BYTES;
        }
        Arrays.fill(RECENT, null);
        return allocated;
    }
}
