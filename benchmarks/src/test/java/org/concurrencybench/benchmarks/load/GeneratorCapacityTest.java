package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GeneratorCapacityTest {

    @Test
    void theSearchStopsAtTheHighestRateAskedForOrBisectsBelowARateLostTwice() throws Exception {
        GeneratorCapacity capacity = GeneratorCapacity.measure(4, Duration.ofMillis(200), 2_000);

        List<GeneratorCapacity.Probe> atTheMost = capacity.probes().stream()
                .filter(probe -> probe.offeredRate() == 2_000).toList();
        assertEquals(2_000, capacity.probes().getFirst().offeredRate());
        if (atTheMost.stream().anyMatch(GeneratorCapacity.Probe::kept)) {
            assertEquals(atTheMost, capacity.probes(), "no rate above the most asked for, none below it once kept");
            assertEquals(2_000, capacity.topRate());
        } else {
            // a machine too busy to keep even 2,000/s, twice: the search bisects below it
            assertEquals(2, atTheMost.size(), capacity.toString());
            assertTrue(capacity.probes().size() > 2, capacity.toString());
            assertTrue(capacity.topRate() < 2_000, capacity.toString());
        }
        assertTrue(capacity.probes().stream().allMatch(probe -> probe.offeredRate() <= 2_000), capacity.toString());
    }

    @Test
    void aFigureAboveTheShareOfCapacityIsGeneratorBound() {
        GeneratorCapacity capacity = new GeneratorCapacity(100, 40_000, 12, List.of());

        assertTrue(capacity.generatorBound(30_000, 0.5));
        assertFalse(capacity.generatorBound(15_000, 0.5));
    }
}
