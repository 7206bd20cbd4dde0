package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DescriptorBudgetTest {

    @Test
    void eachRequestCostsTwoDescriptorsUntilTheServerHoldsItsMostThenOne() {
        long kept = DescriptorBudget.RESERVED;
        // 20,000 descriptors: some kept, 4,096 for the server's ends, the rest for the clients' sockets
        assertEquals(20_000 - kept - 4_096, DescriptorBudget.requestsThatFit(20_000));
        // 5,000: the server never reaches its most, so every request costs two
        assertEquals((5_000 - kept) / 2, DescriptorBudget.requestsThatFit(5_000));
        assertEquals(0, DescriptorBudget.requestsThatFit(kept));
    }

    @Test
    void aMillionRequestsInFlightAreRefusedNamingTheUnitsAndTheDescriptors() {
        Assumptions.assumeTrue(ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean, "this platform reports no descriptor limit");

        String reason = DescriptorBudget.check(1_000_000).orElseThrow();

        assertTrue(reason.startsWith("units must be at most "), reason);
        assertTrue(reason.contains("got 1,000,000: every unit's request is in flight at once and holds a socket"), reason);
        assertTrue(reason.contains("file descriptors"), reason);
    }
}
