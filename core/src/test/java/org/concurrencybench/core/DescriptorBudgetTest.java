package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescriptorBudgetTest {

    private static Batch io(int units) {
        return (Batch) Workloads.create("io", Map.of("units", Integer.toString(units)));
    }

    @Test
    void eachRequestCostsTwoDescriptorsUntilTheServerHoldsItsMostThenOne() {
        int kept = DescriptorBudget.KEPT_FOR_THE_JVM;
        // 20,000 descriptors: some kept, 4,096 for the server's ends, the rest for the clients' sockets
        assertEquals(20_000 - kept - 4_096, new DescriptorBudget(20_000).maxOpenRequests());
        // 5,000: the server never reaches its most, so every request costs two
        assertEquals((5_000 - kept) / 2, new DescriptorBudget(5_000).maxOpenRequests());
        assertEquals(0, new DescriptorBudget(kept).maxOpenRequests());
    }

    @Test
    void aMillionRequestsAtOnceAreRefusedNamingTheUnitsTheDescriptorsAndWhatFits() {
        String reason = new DescriptorBudget(20_000).of(io(1_000_000)).orElseThrow();

        assertTrue(reason.startsWith("units=1,000,000 would open up to 1,000,000 loopback connections at once"), reason);
        assertTrue(reason.contains("at most 20,000 file descriptors (ulimit -n)"), reason);
        assertTrue(reason.endsWith("so use units <= 15,648 or raise ulimit -n"), reason);
    }

    @Test
    void onlyRequestsCountAndAnUnknownLimitBoundsNothing() {
        assertEquals(Optional.empty(), new DescriptorBudget(20_000).of(io(15_648)));
        assertEquals(Optional.empty(), new DescriptorBudget(1_000).of(
                (Batch) Workloads.create("blocking", Map.of("units", "1000000"))));
        assertEquals(Optional.empty(), new DescriptorBudget(DescriptorBudget.UNKNOWN).of(io(1_000_000)));
    }
}
