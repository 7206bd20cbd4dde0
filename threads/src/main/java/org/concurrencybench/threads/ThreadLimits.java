package org.concurrencybench.threads;

import java.util.Optional;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.HeapBudget;
import org.concurrencybench.core.ThreadPerTaskLimits;
import org.concurrencybench.core.Workload;

/**
 * The sizes that one platform thread per task cannot run honestly, and why.
 *
 * <p>Two things run out. The operating system's threads: on Linux every thread takes a pid
 * (kernel.pid_max is 32,768 by default, shared by every process on the machine), counts
 * against ulimit -u and threads-max, and maps a stack and its guard page (two of
 * vm.max_map_count's default 65,530 mappings) with a megabyte of address space reserved.
 * {@value #MAX_ALIVE} threads alive at once stays well inside all of these and leaves the
 * rest of the machine its share. And the heap: every Thread is kept until it is joined; its
 * stack lives outside the heap, so a thread that waits costs the heap no more than one that
 * computes. Units that make requests also hold a socket each. How these are weighed is shared
 * with the virtual model: {@link ThreadPerTaskLimits}.
 */
final class ThreadLimits {

    /** Platform threads of one run, or connections of one server, that may be alive at the same time. */
    static final int MAX_ALIVE = 10_000;

    /**
     * Heap a started Thread holds until it is joined, with its slot and its result: about 250
     * bytes measured, doubled to leave the heap room for everything else.
     */
    static final long HEAP_BYTES_PER_THREAD = 512;

    private final ThreadPerTaskLimits limits;

    /**
     * @param maxHeapBytes the heap runs may fill: {@code Runtime.getRuntime().maxMemory()}
     * @param descriptors the file descriptors io units may hold at once
     */
    ThreadLimits(long maxHeapBytes, DescriptorBudget descriptors) {
        limits = new ThreadPerTaskLimits("platform thread", new HeapBudget(maxHeapBytes, HeapBudget.WHOLE_HEAP),
                HEAP_BYTES_PER_THREAD, HEAP_BYTES_PER_THREAD, descriptors)
                .withAtMostAlive(MAX_ALIVE, "within the OS's pid and memory-map limits");
    }

    /** Why {@code workload} cannot run on a platform thread per task; empty when it can. */
    Optional<String> of(Workload workload) {
        return limits.of(workload);
    }
}
