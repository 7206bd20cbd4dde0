package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GeneratorCapacityTest {

    @Test
    void theSearchStopsAtTheHighestRateAskedForOrBisectsBelowTheFirstRateLost() throws Exception {
        GeneratorCapacity capacity = GeneratorCapacity.measure(4, Duration.ofMillis(200), 2_000);

        GeneratorCapacity.Probe first = capacity.probes().getFirst();
        assertEquals(2_000, first.offeredRate());
        if (first.kept()) {
            assertEquals(1, capacity.probes().size(), capacity.toString());
            assertEquals(2_000, capacity.topRate());
        } else {
            // a machine too busy to keep even 2,000/s: the search bisects below it
            assertEquals(1 + GeneratorCapacity.REFINEMENTS, capacity.probes().size(), capacity.toString());
            assertTrue(capacity.topRate() < 2_000, capacity.toString());
        }
        assertTrue(capacity.probes().stream().allMatch(probe -> probe.offeredRate() <= 2_000), capacity.toString());
    }

    @Test
    void aFigureAboveTheShareOfCapacityIsGeneratorBound() {
        GeneratorCapacity capacity = new GeneratorCapacity(100, 40_000, 12, java.util.List.of());

        assertTrue(capacity.generatorBound(30_000, 0.5));
        assertFalse(capacity.generatorBound(15_000, 0.5));
    }
}
