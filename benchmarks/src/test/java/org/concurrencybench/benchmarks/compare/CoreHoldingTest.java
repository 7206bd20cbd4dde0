package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreHoldingTest {

    @Test
    void cpuListsAreReadAsLinuxWritesThem() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), CoreHolding.parseCpuList("0-3,8,10-11\n"));
        assertEquals("0-3,8,10-11", CoreHolding.ranges(List.of(0, 1, 2, 3, 8, 10, 11)));
        assertEquals("5", CoreHolding.ranges(List.of(5)));
    }

    @Test
    void everyForkIsToldItsCoresAndTheVirtualThreadSchedulerIsSizedToThem() throws Exception {
        try (CoreHolding holding = CoreHolding.detect()) {
            CoreHolding.ForkSettings fork = holding.forCores(2);

            assertEquals(List.of("-XX:ActiveProcessorCount=2", "-Djdk.virtualThreadScheduler.parallelism=2",
                    "-Djdk.virtualThreadScheduler.maxPoolSize=2"), fork.jvmArgs());
            assertTrue(fork.description().contains("-XX:ActiveProcessorCount=2"), fork.description());
        }
    }

    @Test
    void whereTasksetWorksTheForkStartsThroughAScriptThatPinsItToTheFirstPCpus() throws Exception {
        Path script;
        try (CoreHolding holding = CoreHolding.detect()) {
            CoreHolding.ForkSettings fork = holding.forCores(1);
            org.junit.jupiter.api.Assumptions.assumeTrue(fork.jvm().isPresent(), "taskset does not work here");
            script = Path.of(fork.jvm().get());
            String text = Files.readString(script);

            assertTrue(Files.isExecutable(script));
            assertTrue(text.contains(" -c " + holding.cpuList(1) + " "), text);
            assertTrue(text.contains("\"$@\""), text);
            assertEquals(String.valueOf(CoreHolding.allowedCpus().getFirst()), holding.cpuList(1));
        }
        assertFalse(Files.exists(script), "the scripts go when the holding is closed");
    }
}
