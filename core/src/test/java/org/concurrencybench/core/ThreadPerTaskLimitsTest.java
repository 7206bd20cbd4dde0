package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadPerTaskLimitsTest {

    private static final long ONE_GIGABYTE = 1L << 30;

    private static final DescriptorBudget TWENTY_THOUSAND_DESCRIPTORS = new DescriptorBudget(20_000);

    private static ThreadPerTaskLimits limits(long bytesPerWaitingTask, long bytesPerTask) {
        return new ThreadPerTaskLimits("test thread", new HeapBudget(ONE_GIGABYTE, HeapBudget.WHOLE_HEAP),
                bytesPerWaitingTask, bytesPerTask, TWENTY_THOUSAND_DESCRIPTORS);
    }

    @Test
    void socketsAreWeighedFirstThenThreadsAliveThenTheHeap() {
        ThreadPerTaskLimits bounded = limits(1_024, 1_024).withAtMostAlive(100, "within the test's bound");

        assertTrue(bounded.of(Workloads.create("io", Map.of("units", "1000000"))).orElseThrow()
                .contains("file descriptors (ulimit -n)"));
        assertTrue(bounded.of(Workloads.create("blocking", Map.of("units", "101"))).orElseThrow()
                .startsWith("units=101 would keep up to 101 test threads alive at once"));
        assertTrue(bounded.of(Workloads.create("spawn", Map.of("units", "2000000"))).orElseThrow()
                .startsWith("units must be at most 1,048,576 in this JVM, got units=2,000,000"));
    }

    @Test
    void theBoundOnThreadsAliveNamesItsReasonAndWhatToDoInstead() {
        ThreadPerTaskLimits bounded = limits(1_024, 1_024).withAtMostAlive(100, "within the test's bound");

        assertEquals("width=10 and depth=2 (111 nodes) would keep up to 111 test threads alive at once (every inner"
                + " node waits for its children); at most 100 may be alive at once, within the test's bound, so choose"
                + " width and depth with at most 100 nodes", bounded.of(new Tree("tree", 10, 2)).orElseThrow());
        assertEquals(Optional.empty(), bounded.of(Workloads.create("spawn", Map.of("units", "1000"))),
                "units that only compute end before many others start");
    }

    @Test
    void aTaskThatWaitsIsWeighedAtItsOwnFigureAndATreeNodeAsOneThatDoesNot() {
        ThreadPerTaskLimits limits = limits(4_096, 512);

        String parked = limits.of(new Batch("park", new Park(1), 300_000)).orElseThrow();
        assertTrue(parked.contains("at most 262,144") && parked.contains("with its stack while it waits"), parked);
        assertEquals(Optional.empty(), limits.of(new Batch("park", new Park(0), 300_000)));
        assertEquals(Optional.empty(), limits.of(new Tree("tree", 10, 6)), "1,111,111 nodes at 512 bytes");
    }

    @Test
    void anAtomicContentionsWorkersDoNotWaitButItsStripesCount() {
        ThreadPerTaskLimits limits = limits(4_096, 512);

        assertEquals(Optional.empty(), limits.of(Workloads.create("contention",
                Map.of("workers", "1000000", "updates", "1", "lock", "atomic"))));
        String locked = limits.of(Workloads.create("pinning", Map.of("workers", "1000000", "locks", "1000000")))
                .orElseThrow();
        assertTrue(locked.contains("got workers=1,000,000 with locks=1,000,000") && locked.contains("stripes"), locked);
    }
}
