package org.concurrencybench.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlatformThreadBudgetTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             96365                96365                processes
            Max open files            1048576              1048576              files
            """;

    private static final String LOADAVG = "4.99 2.63 1.37 3/768 14316\n";

    private static final String MEMINFO = """
            MemTotal:       24684020 kB
            MemFree:        23705132 kB
            MemAvailable:   23744000 kB
            """;

    @Test
    void theBudgetIsHalfOfWhatTheTightestLimitLeaves() {
        PlatformThreadBudget budget = PlatformThreadBudget.of("192730\n", "32768\n", LIMITS, LOADAVG, MEMINFO, 256);

        // pid_max is the tightest (memory holds 92,750 stacks of 256 KB): 32,768 - 768 threads running, half of it
        assertEquals(16_000, budget.threads());
        assertTrue(budget.why().contains("kernel.pid_max 32,768"), budget.why());
        assertTrue(budget.why().contains("(768 threads running)"), budget.why());
    }

    @Test
    void memoryCountsEveryStackAtItsFullSize() {
        PlatformThreadBudget budget = PlatformThreadBudget.of("192730", "4194304", LIMITS, LOADAVG, MEMINFO, 8192);

        // 23,744,000 kB / 8,192 kB = 2,898 stacks, half of them
        assertEquals(1_449, budget.threads());
        assertTrue(budget.why().contains("memory for 2,898 stacks of 8,192 KB"), budget.why());
    }

    @Test
    void anUnlimitedUlimitAndUnreadableFilesBoundNothing() {
        assertEquals(OptionalLong.empty(), PlatformThreadBudget.maxProcesses(LIMITS.replace("96365                96365",
                "unlimited            unlimited")));

        PlatformThreadBudget budget = PlatformThreadBudget.of(null, null, null, null, null, 1024);

        assertEquals(Long.MAX_VALUE, budget.threads());
        assertEquals("no OS limits could be read", budget.why());
    }
}
