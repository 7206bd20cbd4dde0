package org.concurrencybench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;

class VirtualThreadLimitsTest {

    private static final long ONE_GIGABYTE = 1L << 30;

    @Test
    void everyDefaultWorkloadRunsInAOneGigabyteHeapTheMillionLeafTreeIncluded() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE);

        for (WorkloadSpec spec : Workloads.all()) {
            assertEquals(Optional.empty(), limits.of(spec.create()), spec.id());
        }
    }

    @Test
    void theMillionLeafTreeIsRefusedByAHeapTooSmallForItNamingItsSizeAndTheHeap() {
        VirtualThreadLimits limits = new VirtualThreadLimits(256L << 20);

        String reason = limits.of(Workloads.create("tree")).orElseThrow();

        assertTrue(reason.contains("width=10") && reason.contains("depth=6") && reason.contains("1,111,111 nodes")
                && reason.contains("-Xmx 256 MB") && reason.contains("at most 524,288"), reason);
    }

    @Test
    void holdingUnitsBeyondWhatTheHeapHoldsAreRefused() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE);

        String reason = limits.of(new Batch("probe", new Probe(-1, 1), Batch.MAX_UNITS)).orElseThrow();

        assertTrue(reason.contains("units=100,000,000") && reason.contains("at most 2,097,152"), reason);
    }

    @Test
    void aBillionLeafTreeAndAMillionWorkersAreWeighedByTheSameHeap() {
        VirtualThreadLimits limits = new VirtualThreadLimits(ONE_GIGABYTE);

        assertTrue(limits.of(new Tree("tree", 10, 9)).isPresent(), "1,111,111,111 nodes");
        assertEquals(Optional.empty(), limits.of(new Relay("handoff", 1_000_000, 10)), "1,000,000 workers");
        assertTrue(new VirtualThreadLimits(256L << 20).of(new Relay("handoff", 1_000_000, 10)).orElseThrow()
                .contains("workers=1,000,000"));
    }
}
