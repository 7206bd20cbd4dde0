package org.concurrencybench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;

class VirtualThreadLimitsTest {

    private static final long ONE_GIGABYTE = 1L << 30;

    /** ulimit -n of the reference machine. */
    private static final DescriptorBudget TWENTY_THOUSAND_DESCRIPTORS = new DescriptorBudget(20_000);

    @Test
    void everyDefaultWorkloadRunsInAOneGigabyteHeapTheMillionLeafTreeIncluded() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        for (WorkloadSpec spec : Workloads.all()) {
            assertEquals(Optional.empty(), limits.of(spec.create()), spec.id());
        }
    }

    @Test
    void theMillionLeafTreeIsRefusedByAHeapTooSmallForItNamingItsSizeAndTheHeap() {
        VirtualThreadLimits limits = new VirtualThreadLimits(256L << 20, TWENTY_THOUSAND_DESCRIPTORS);

        String reason = limits.of(Workloads.create("tree")).orElseThrow();

        assertTrue(reason.contains("width=10") && reason.contains("depth=6") && reason.contains("1,111,111 nodes")
                && reason.contains("-Xmx 256 MB") && reason.contains("at most 524,288"), reason);
    }

    @Test
    void holdingUnitsBeyondWhatTheHeapHoldsAreRefused() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        String reason = limits.of(new Batch("probe", new Probe(-1, 1), Batch.MAX_UNITS)).orElseThrow();

        assertTrue(reason.contains("units=100,000,000") && reason.contains("2,048 bytes")
                && reason.contains("at most 524,288"), reason);
    }

    @Test
    void aBillionLeafTreeIsRefusedByTheHeapThatRunsTheMillionLeafOne() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        assertTrue(limits.of(new Tree("tree", 10, 9)).isPresent(), "1,111,111,111 nodes");
        assertEquals(Optional.empty(), limits.of(new Tree("tree", 10, 6)), "1,111,111 nodes");
    }

    @Test
    void aMillionRelayWorkersWaitingForTheTokenNeedTwoGigabytes() {
        Relay millionWorkers = new Relay("handoff", 1_000_000, 10);

        assertEquals(Optional.empty(), new VirtualThreadLimits(2 * ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS)
                .of(millionWorkers));
        String reason = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS).of(millionWorkers).orElseThrow();
        assertTrue(reason.contains("workers=1,000,000") && reason.contains("at most 524,288"), reason);
    }

    @Test
    void aMillionParkedUnitsFitInTwoGigabytesAndNotInOne() {
        Batch park = new Batch("park", new Park(1), 1_000_000);

        assertEquals(Optional.empty(), new VirtualThreadLimits(2 * ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS).of(park));
        String reason = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS).of(park).orElseThrow();
        assertTrue(reason.contains("units=1,000,000") && reason.contains("at most 524,288"), reason);
    }

    @Test
    void unitsThatOnlyComputeAreWeighedByTheFutureTheyLeaveNotByAParkedStack() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        assertEquals(Optional.empty(), limits.of(Workloads.create("spawn", Map.of("units", "2000000"))));
        assertTrue(limits.of(Workloads.create("blocking", Map.of("units", "2000000"))).isPresent());
    }

    @Test
    void requestsBeyondTheFileDescriptorsTheirSocketsNeedAreRefusedWhateverTheHeap() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        assertEquals(Optional.empty(), limits.of(Workloads.create("io", Map.of("units", "15648"))));
        String reason = limits.of(Workloads.create("io", Map.of("units", "1000000"))).orElseThrow();
        assertTrue(reason.contains("units=1,000,000") && reason.contains("at most 20,000 file descriptors")
                && reason.contains("ulimit -n") && reason.contains("units <= 15,648"), reason);
    }

    @Test
    void anOsThatReportsNoDescriptorLimitLeavesRequestsToTheHeap() {
        Workload millionRequests = Workloads.create("io", Map.of("units", "1000000"));
        DescriptorBudget unknown = new DescriptorBudget(DescriptorBudget.UNKNOWN);

        assertEquals(Optional.empty(), new VirtualThreadLimits(4 * ONE_GIGABYTE, unknown).of(millionRequests));
        assertTrue(new VirtualThreadLimits(ONE_GIGABYTE, unknown).of(millionRequests).orElseThrow().contains("-Xmx"));
    }

    @Test
    void contentionWeighsItsWaitingWorkersAndItsCounterStripes() {
        VirtualThreadLimits twoGigabytes = new VirtualThreadLimits(2 * ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        assertEquals(Optional.empty(), twoGigabytes.of(Workloads.create("contention", Map.of("workers", "900000"))));
        String reason = twoGigabytes.of(Workloads.create("pinning", Map.of("workers", "900000", "locks", "900000")))
                .orElseThrow();
        assertTrue(reason.contains("workers=900,000 with locks=900,000") && reason.contains("900,000 stripes")
                && reason.contains("at most 879,826") && reason.contains("-Xmx 2,048 MB"), reason);
    }

    @Test
    void atomicWorkersNeverParkAndAreWeighedAsTasksThatOnlyCompute() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS);

        assertEquals(Optional.empty(), limits.of(Workloads.create("contention",
                Map.of("workers", "1000000", "updates", "1", "lock", "atomic"))));
        assertTrue(limits.of(Workloads.create("contention", Map.of("workers", "1000000", "updates", "1"))).isPresent());
    }

    @Test
    void theMillionWorkerPinningProbeFitsInThreeGigabytesAndNotInOne() {
        Workload pinning = Workloads.create("pinning", Map.of("workers", "1000000", "locks", "1000000"));

        assertEquals(Optional.empty(), new VirtualThreadLimits(3 * ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS).of(pinning));
        String reason = new VirtualThreadLimits(ONE_GIGABYTE, TWENTY_THOUSAND_DESCRIPTORS).of(pinning).orElseThrow();
        assertTrue(reason.contains("workers=1,000,000 with locks=1,000,000") && reason.contains("-Xmx 1,024 MB"), reason);
    }
}
