package org.concurrencybench.virtual;

import java.util.Optional;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;

/**
 * The sizes that one virtual thread per task cannot run honestly, and why. Virtual threads
 * cost the operating system nothing; their stacks and their futures live on the heap, and a
 * run may have all of its tasks alive at once (units that wait, every node of a tree, every
 * worker of a relay), each keeping its future until it is joined. So the bound is the heap.
 */
final class VirtualThreadLimits {

    /**
     * Heap per task held at once, with the margin for the work and the collector built in: the
     * million-leaf tree peaks at 300 to 400 bytes a node (it runs in a 512 MB heap, slowly,
     * and runs out of a 256 MB one), and a parked virtual thread with its future measured
     * about 420 bytes.
     */
    static final long HEAP_BYTES_PER_TASK = 512;

    private final long maxHeapBytes;

    /** @param maxHeapBytes the heap runs may fill: {@code Runtime.getRuntime().maxMemory()} */
    VirtualThreadLimits(long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
    }

    /** Why {@code workload} cannot run on a virtual thread per task; empty when it can. */
    Optional<String> of(Workload workload) {
        return switch (workload) {
            case Batch batch -> fitsTheHeap("units=" + Checks.format(batch.units()), batch.units(), "use fewer units");
            case Tree tree -> fitsTheHeap("width=" + tree.width() + " and depth=" + tree.depth() + " make "
                    + Checks.format(tree.nodes()) + " nodes, which", tree.nodes(), "choose a smaller width or depth");
            case Relay relay -> fitsTheHeap("workers=" + Checks.format(relay.workers()), relay.workers(), "use fewer workers");
        };
    }

    private Optional<String> fitsTheHeap(String size, long tasks, String smaller) {
        long allowed = maxHeapBytes / HEAP_BYTES_PER_TASK;
        if (tasks <= allowed) {
            return Optional.empty();
        }
        return Optional.of(size + " would hold up to " + Checks.format(tasks) + " virtual threads and their futures at once, about "
                + HEAP_BYTES_PER_TASK + " bytes of heap each; this JVM's heap (-Xmx " + Checks.format(maxHeapBytes >> 20)
                + " MB) holds at most " + Checks.format(allowed) + ", so " + smaller + " or a larger -Xmx");
    }
}
