package org.concurrencybench.virtual;

import java.util.Optional;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.HeapBudget;
import org.concurrencybench.core.LockKind;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;

/**
 * The sizes that one virtual thread per task cannot run honestly, and why. Virtual threads
 * cost the operating system nothing; their stacks and their futures live on the heap, and a
 * run may have all of its tasks alive at once (units that wait, every node of a tree, every
 * worker of a relay or of a contention), each keeping its future until it is joined. So the
 * bound is the heap, and for units that make requests the sockets they hold at once, which
 * the {@link DescriptorBudget} weighs.
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
     * rest the thread, its continuation, its sleep's timer task, its future and its name), 1,760
     * per relay worker with its queue, 1,840 per worker of a contention waiting inside its lock.
     * A million of each ran in a heap of this many bytes per task without a full collection.
     */
    static final long HEAP_BYTES_PER_WAITING_TASK = 2_048;

    private final HeapBudget heap;
    private final DescriptorBudget descriptors;

    /**
     * @param maxHeapBytes the heap runs may fill: {@code Runtime.getRuntime().maxMemory()}
     * @param descriptors the file descriptors io units may hold at once
     */
    VirtualThreadLimits(long maxHeapBytes, DescriptorBudget descriptors) {
        this.heap = new HeapBudget(maxHeapBytes, HeapBudget.WHOLE_HEAP);
        this.descriptors = descriptors;
    }

    /** Why {@code workload} cannot run on a virtual thread per task; empty when it can. */
    Optional<String> of(Workload workload) {
        return switch (workload) {
            case Batch batch -> descriptors.of(batch).or(() -> heap.check("units", "units=" + Checks.format(batch.units()),
                    batch.units(), batch.kernel().waits() ? HEAP_BYTES_PER_WAITING_TASK : HEAP_BYTES_PER_TASK,
                    KEPT_UNTIL_JOINED));
            case Tree tree -> heap.check("nodes", "width=" + tree.width() + " and depth=" + tree.depth() + " ("
                    + Checks.format(tree.nodes()) + " nodes)", tree.nodes(), HEAP_BYTES_PER_TASK, KEPT_UNTIL_JOINED);
            case Relay relay -> heap.check("workers", "workers=" + Checks.format(relay.workers()), relay.workers(),
                    HEAP_BYTES_PER_WAITING_TASK, KEPT_UNTIL_JOINED);
            case Contention contention -> heap.check(contention, bytesPerWorker(contention),
                    HeapBudget.BYTES_PER_COUNTER_STRIPE, KEPT_UNTIL_JOINED);
        };
    }

    private static final String KEPT_UNTIL_JOINED = "the run keeps every task's virtual thread and future until it"
            + " joins it, and a task that waits keeps its stack there too";

    /**
     * A worker parks for its lock or inside it, unless the lock is atomic: then it never parks,
     * runs to its end once mounted, and leaves only its future.
     */
    private static long bytesPerWorker(Contention contention) {
        return contention.lock() == LockKind.ATOMIC ? HEAP_BYTES_PER_TASK : HEAP_BYTES_PER_WAITING_TASK;
    }
}
