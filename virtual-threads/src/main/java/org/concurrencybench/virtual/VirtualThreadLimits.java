package org.concurrencybench.virtual;

import java.util.Optional;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.HeapBudget;
import org.concurrencybench.core.ThreadPerTaskLimits;
import org.concurrencybench.core.Workload;

/**
 * The sizes that one virtual thread per task cannot run honestly, and why. Virtual threads
 * cost the operating system nothing; their stacks live on the heap, and a run may have all of
 * its tasks alive at once (units that wait, every node of a tree, every worker of a relay or of
 * a contention), each keeping its thread until it is joined. So the
 * bound is the heap, and for units that make requests the sockets they hold at once. How these
 * are weighed is shared with the threads model ({@link ThreadPerTaskLimits}); the figures are
 * a virtual thread's.
 */
final class VirtualThreadLimits {

    /**
     * Heap per task that does not wait, or per node of a tree, with the margin for the work and
     * the collector built in: the million-leaf tree peaks at 300 to 400 bytes a node (leaves end
     * as soon as they start; it runs in a 512 MB heap, slowly, and runs out of a 256 MB one).
     */
    static final long HEAP_BYTES_PER_TASK = 512;

    /**
     * Heap per task parked in a wait (a sleep, a socket, a queue, a lock) until the run ends: a
     * parked virtual thread keeps its frames in a heap stack chunk. Measured on JDK 25 with
     * 200,000 tasks parked at once: 1,470 bytes per Park unit (870 of them the stack chunk, the
     * rest the thread, its continuation, its sleep's timer task, its name and the future each task
     * then had, which it no longer has), 1,760 per relay worker with its queue, 1,840 per worker
     * of a contention waiting inside its lock. A million of each ran in a heap of this many bytes
     * per task without a full collection.
     */
    static final long HEAP_BYTES_PER_WAITING_TASK = 2_048;

    private final ThreadPerTaskLimits limits;

    /**
     * @param maxHeapBytes the heap runs may fill: {@code Runtime.getRuntime().maxMemory()}
     * @param descriptors the file descriptors io units may hold at once
     */
    VirtualThreadLimits(long maxHeapBytes, DescriptorBudget descriptors) {
        limits = new ThreadPerTaskLimits("virtual thread", new HeapBudget(maxHeapBytes, HeapBudget.WHOLE_HEAP),
                HEAP_BYTES_PER_WAITING_TASK, HEAP_BYTES_PER_TASK, descriptors);
    }

    /** Why {@code workload} cannot run on a virtual thread per task; empty when it can. */
    Optional<String> of(Workload workload) {
        return limits.of(workload);
    }
}
