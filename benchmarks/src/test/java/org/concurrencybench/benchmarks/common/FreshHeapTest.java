package org.concurrencybench.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writing through the young generation ends with a collection, or at its limit. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FreshHeapTest {

    @Test
    void writesUntilTheYoungGenerationHasBeenCollected() {
        long before = collections();

        long allocated = FreshHeap.touchYoungGeneration();

        assertTrue(collections() > before, "no collection came round while writing " + allocated + " bytes");
        assertTrue(allocated > 0 && allocated < Runtime.getRuntime().maxMemory() / 2,
                allocated + " bytes: stopped by its limit, not by a collection");
    }

    @Test
    void stopsAtItsLimitWhenNoCollectionComes() {
        assertEquals(64 * 1024, FreshHeap.allocateUntilCollected(1));
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }
}
