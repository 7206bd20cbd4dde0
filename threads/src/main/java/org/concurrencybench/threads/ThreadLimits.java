package org.concurrencybench.threads;

import java.util.Optional;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.HeapBudget;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;

/**
 * The sizes that one platform thread per task cannot run honestly, and why.
 *
 * <p>Two things run out. The operating system's threads: on Linux every thread takes a pid
 * (kernel.pid_max is 32,768 by default, shared by every process on the machine), counts
 * against ulimit -u and threads-max, and maps a stack and its guard page (two of
 * vm.max_map_count's default 65,530 mappings) with a megabyte of address space reserved.
 * {@value #MAX_ALIVE} threads alive at once stays well inside all of these and leaves the
 * rest of the machine its share. And the heap: every Thread is kept until it is joined.
 * Units that make requests also hold a socket each, which the {@link DescriptorBudget} weighs.
 */
final class ThreadLimits {

    /** Platform threads of one run that may be alive at the same time. */
    static final int MAX_ALIVE = 10_000;

    /**
     * Heap a started Thread holds until it is joined, with its slot and its result: about 250
     * bytes measured, doubled to leave the heap room for everything else.
     */
    static final long HEAP_BYTES_PER_THREAD = 512;

    private final HeapBudget heap;
    private final DescriptorBudget descriptors;

    /**
     * @param maxHeapBytes the heap runs may fill: {@code Runtime.getRuntime().maxMemory()}
     * @param descriptors the file descriptors io units may hold at once
     */
    ThreadLimits(long maxHeapBytes, DescriptorBudget descriptors) {
        this.heap = new HeapBudget(maxHeapBytes, HeapBudget.WHOLE_HEAP);
        this.descriptors = descriptors;
    }

    /** Why {@code workload} cannot run on a platform thread per task; empty when it can. */
    Optional<String> of(Workload workload) {
        return switch (workload) {
            case Batch batch -> descriptors.of(batch).or(() -> batch.kernel().waits()
                    ? aliveAtOnce("units=" + Checks.format(batch.units()), batch.units(),
                            "each unit holds its thread while it waits", "use units <= " + Checks.format(MAX_ALIVE))
                    : heldUntilJoined(batch));
            case Tree tree -> aliveAtOnce("width=" + tree.width() + " and depth=" + tree.depth() + " make "
                            + Checks.format(tree.nodes()) + " nodes, which", tree.nodes(),
                    "every inner node waits for its children", "choose width and depth with at most "
                            + Checks.format(MAX_ALIVE) + " nodes");
            case Relay relay -> aliveAtOnce("workers=" + Checks.format(relay.workers()), relay.workers(),
                    "every worker waits for the token", "use workers <= " + Checks.format(MAX_ALIVE));
            case Contention contention -> aliveAtOnce("workers=" + Checks.format(contention.workers()),
                    contention.workers(), "every worker keeps its thread until it has made its updates",
                    "use workers <= " + Checks.format(MAX_ALIVE));
        };
    }

    private static Optional<String> aliveAtOnce(String size, long threads, String why, String allowed) {
        if (threads <= MAX_ALIVE) {
            return Optional.empty();
        }
        return Optional.of(size + " would keep up to " + Checks.format(threads) + " platform threads alive at once (" + why
                + "); at most " + Checks.format(MAX_ALIVE) + " may be alive at once, within the OS's pid and memory-map limits, so "
                + allowed);
    }

    private Optional<String> heldUntilJoined(Batch batch) {
        return heap.check("units", "units=" + Checks.format(batch.units()), batch.units(), HEAP_BYTES_PER_THREAD,
                "the run keeps every unit's Thread until it joins it");
    }
}
