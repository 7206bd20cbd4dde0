package org.concurrencybench.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;

class ThreadLimitsTest {

    private static final long ONE_GIGABYTE = 1L << 30;

    /** ulimit -n of the reference machine. */
    private static final DescriptorBudget TWENTY_THOUSAND_DESCRIPTORS = new DescriptorBudget(20_000);

    private final ThreadLimits limits = new ThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

    @Test
    void theMillionLeafTreeIsRefusedWithItsSizeAndTheBound() {
        String reason = limits.of(Workloads.create("tree")).orElseThrow();

        assertTrue(reason.contains("width=10") && reason.contains("depth=6") && reason.contains("1,111,111 nodes")
                && reason.contains("at most 10,000"), reason);
    }

    @Test
    void aTreeOfAtMostTheBoundInNodesRunsAndOneNodeMoreDoesNot() {
        assertEquals(Optional.empty(), limits.of(new Tree("tree", 3, 8)), "9,841 nodes");
        assertTrue(limits.of(new Tree("tree", 10, 4)).isPresent(), "11,111 nodes");
    }

    @Test
    void unitsThatWaitAreBoundByThreadsAliveAtOnce() {
        String unitsPerThread = String.valueOf(ThreadLimits.MAX_ALIVE);
        String oneMore = String.valueOf(ThreadLimits.MAX_ALIVE + 1);

        assertEquals(Optional.empty(), limits.of(Workloads.create("blocking", Map.of("units", unitsPerThread))));
        String reason = limits.of(Workloads.create("blocking", Map.of("units", oneMore))).orElseThrow();
        assertTrue(reason.contains("units=10,001") && reason.contains("units <= 10,000"), reason);
    }

    @Test
    void mixedUnitsHoldTheirThreadsThroughTheirSleepsUnlessTheyDoNotSleep() {
        String oneMore = String.valueOf(ThreadLimits.MAX_ALIVE + 1);

        String reason = limits.of(Workloads.create("mixed", Map.of("units", oneMore))).orElseThrow();
        assertTrue(reason.contains("units=10,001") && reason.contains("units <= 10,000"), reason);
        assertEquals(Optional.empty(), limits.of(Workloads.create("mixed", Map.of("units", oneMore, "delayMs", "0"))));
    }

    @Test
    void unitsThatOnlyComputeAreNotBoundByThreadsAliveAtOnce() {
        assertEquals(Optional.empty(), limits.of(Workloads.create("spawn", Map.of("units", "100000"))));
        assertEquals(Optional.empty(), limits.of(Workloads.create("cpu", Map.of("units", "100000"))));
    }

    @Test
    void aBatchWhoseThreadsWouldNotFitInTheHeapIsRefusedNamingTheHeap() {
        ThreadLimits smallHeap = new ThreadLimits(8L << 20, TWENTY_THOUSAND_DESCRIPTORS);

        String reason = smallHeap.of(Workloads.create("spawn", Map.of("units", "100000"))).orElseThrow();

        assertTrue(reason.contains("units=100,000") && reason.contains("-Xmx 8 MB") && reason.contains("at most 16,384"),
                reason);
    }

    @Test
    void relayWorkersAreBoundByThreadsAliveAtOnce() {
        assertEquals(Optional.empty(), limits.of(new Relay("handoff", ThreadLimits.MAX_ALIVE, 10)));
        String reason = limits.of(new Relay("handoff", 20_000, 10)).orElseThrow();
        assertTrue(reason.contains("workers=20,000") && reason.contains("workers <= 10,000"), reason);
    }

    @Test
    void parkedUnitsHoldTheirThreadsUnlessTheyDoNotWait() {
        assertEquals(Optional.empty(), limits.of(new Batch("park", new Park(1), ThreadLimits.MAX_ALIVE)));
        String reason = limits.of(new Batch("park", new Park(1), 1_000_000)).orElseThrow();
        assertTrue(reason.contains("units=1,000,000") && reason.contains("units <= 10,000"), reason);
        assertEquals(Optional.empty(), limits.of(new Batch("park", new Park(0), 100_000)));
    }

    @Test
    void requestsHoldTheirThreadsEvenWithoutADelay() {
        String oneMore = String.valueOf(ThreadLimits.MAX_ALIVE + 1);

        String reason = limits.of(Workloads.create("io", Map.of("units", oneMore, "delayMs", "0"))).orElseThrow();

        assertTrue(reason.contains("units=10,001") && reason.contains("platform threads")
                && reason.contains("units <= 10,000"), reason);
    }

    @Test
    void aMillionRequestsAreRefusedForTheFileDescriptorsTheirSocketsNeed() {
        String reason = limits.of(Workloads.create("io", Map.of("units", "1000000"))).orElseThrow();

        assertTrue(reason.contains("units=1,000,000") && reason.contains("at most 20,000 file descriptors")
                && reason.contains("ulimit -n") && reason.contains("up to 4,096") && reason.contains("units <= 15,648"),
                reason);
    }

    @Test
    void aTightDescriptorLimitBoundsRequestsBeforeTheThreadsDo() {
        ThreadLimits fewDescriptors = new ThreadLimits(ONE_GIGABYTE, new DescriptorBudget(1_024));

        assertEquals(Optional.empty(), fewDescriptors.of(Workloads.create("io", Map.of("units", "384"))));
        String reason = fewDescriptors.of(Workloads.create("io", Map.of("units", "385"))).orElseThrow();
        assertTrue(reason.contains("at most 1,024 file descriptors") && reason.contains("units <= 384"), reason);
    }

    @Test
    void contentionWorkersAreBoundByThreadsAliveAtOnce() {
        assertEquals(Optional.empty(), limits.of(Workloads.create("contention",
                Map.of("workers", String.valueOf(ThreadLimits.MAX_ALIVE)))));
        String reason = limits.of(Workloads.create("pinning", Map.of("workers", "1000000", "locks", "1000000")))
                .orElseThrow();
        assertTrue(reason.contains("workers=1,000,000") && reason.contains("workers <= 10,000"), reason);
    }

    @Test
    void everyDefaultWorkloadButTheTreeRunsOnPlatformThreads() {
        for (WorkloadSpec spec : Workloads.all()) {
            Optional<String> limit = limits.of(spec.create());
            assertEquals(spec.id().equals("tree"), limit.isPresent(), spec.id() + ": " + limit);
        }
    }
}
