package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.CoresWarning;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.jmh.BenchmarkDefaults;
import org.concurrencybench.core.ModelRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.OptionsBuilder;

class ProfileTest {

    private static final List<String> EVERY_WORKLOAD = List.of("cpu", "blocking", "spawn", "tree", "handoff", "mixed", "io",
            "transfer", "contention", "pinning");

    @Test
    void quickRunsOneTheProcessorsAndThePowerOfTwoNearestTheirGeometricMean() {
        assertEquals(List.of(1), Profile.QUICK.defaultCores(1));
        assertEquals(List.of(1, 2), Profile.QUICK.defaultCores(2));
        assertEquals(List.of(1, 2, 3), Profile.QUICK.defaultCores(3));
        assertEquals(List.of(1, 2, 4), Profile.QUICK.defaultCores(4));
        assertEquals(List.of(1, 2, 6), Profile.QUICK.defaultCores(6), "sqrt 6 = 2.4: 2 is nearer than 4");
        assertEquals(List.of(1, 2, 8), Profile.QUICK.defaultCores(8), "sqrt 8 = 2.8: 2 and 4 are as near, the lower");
        assertEquals(List.of(1, 4, 12), Profile.QUICK.defaultCores(12), "sqrt 12 = 3.5: 4 is nearer than 2");
        assertEquals(List.of(1, 4, 16), Profile.QUICK.defaultCores(16));
        assertEquals(List.of(1, 8, 64), Profile.QUICK.defaultCores(64));
        assertEquals(List.of(1, 8, 128), Profile.QUICK.defaultCores(128), "sqrt 128 = 11.3: 8 and 16 are as near, the lower");
    }

    @Test
    void fullClimbsTheWholeLadderAndEndsAtTheProcessors() {
        assertEquals(List.of(1), Profile.FULL.defaultCores(1));
        assertEquals(List.of(1, 2), Profile.FULL.defaultCores(2));
        assertEquals(List.of(1, 2, 3), Profile.FULL.defaultCores(3));
        assertEquals(List.of(1, 2, 4, 6), Profile.FULL.defaultCores(6));
        assertEquals(List.of(1, 2, 4, 8), Profile.FULL.defaultCores(8));
        assertEquals(List.of(1, 2, 4, 8, 16), Profile.FULL.defaultCores(16));
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), Profile.FULL.defaultCores(64));
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128), Profile.FULL.defaultCores(128));
    }

    @Test
    void everyDefaultIsOnTheLadderThatCoresAllClimbsAndNeedsNoWarning() {
        for (int processors = 1; processors <= 256; processors++) {
            List<Integer> ladder = Selection.ladder(processors);
            List<Integer> quick = Profile.QUICK.defaultCores(processors);

            assertEquals(ladder, Profile.FULL.defaultCores(processors), "full is --cores all on " + processors);
            assertTrue(ladder.containsAll(quick), "quick " + quick + " on the ladder " + ladder);
            assertEquals(1, quick.getFirst());
            assertEquals(processors, quick.getLast(), "quick ends at the processors");
            assertTrue(quick.size() <= 3, "at most three P: " + quick);
            assertEquals(List.of(), CoresWarning.of(quick, processors));
            assertEquals(List.of(), CoresWarning.of(ladder, processors));
        }
    }

    @Test
    void fullIsTheBenchmarksOwnDefaultsWithAtLeastThreeForks() {
        assertEquals(BenchmarkDefaults.FORKS, Profile.FULL.forks());
        assertTrue(Profile.FULL.forks() >= 3);
        assertEquals(BenchmarkDefaults.MEASUREMENT_ITERATIONS, Profile.FULL.measurementIterations());
        assertTrue(Profile.FULL.measurementTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
                > Profile.QUICK.measurementTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertEquals(List.of(), Profile.FULL.sizes(EVERY_WORKLOAD), "full runs the benchmarks' own sizes");
    }

    @Test
    void quickShrinksTheSlowWorkloadsAndShortensTheSweeps() {
        Map<String, Map<String, String>> sizes = Profile.QUICK.sizesOf(EVERY_WORKLOAD, List.of()).written();

        assertEquals("16", sizes.get("blocking").get("units"));
        assertEquals("16", sizes.get("mixed").get("units"));
        assertEquals("16", sizes.get("io").get("units"));
        assertEquals("1000", sizes.get("spawn").get("units"));
        assertEquals("5", sizes.get("tree").get("depth"));
        assertEquals("10", sizes.get("tree").get("width"), "only as deep, as wide");
        assertEquals("10000", sizes.get("handoff").get("hops"));
        assertEquals("0,65536", sizes.get("transfer").get("payload"), "a unit's fixed cost and its bytes' cost, in young arrays");
        assertEquals("10000", sizes.get("contention").get("updates"));
        assertEquals("synchronized,atomic", sizes.get("contention").get("lock"), "a lock against none");
        assertEquals("16", sizes.get("pinning").get("workers"));
        assertEquals("16", sizes.get("pinning").get("locks"), "a lock per worker, as the benchmark has");
        assertEquals(Profile.FULL.sizesOf(List.of("pinning"), List.of()).written("pinning").get("holdMs"),
                sizes.get("pinning").get("holdMs"), "the same wait inside the lock");
        assertEquals(List.of("io.units=16"), Profile.QUICK.sizes(List.of("io", "cpu")), "only the selected workloads'");
    }

    @Test
    void aSizeTheBenchmarkSweepsDefaultsToItsSweepAndTheCommandLineReplacesIt() {
        Map<String, Map<String, String>> sizes = Profile.FULL.sizesOf(List.of("transfer", "contention", "pinning"),
                List.of()).written();
        Map<String, Map<String, String>> given = Profile.QUICK.sizesOf(List.of("transfer", "contention"),
                List.of("payload=1024", "contention.lock=atomic", "contention.updates=5")).written();

        assertEquals("0,1024,65536,1048576", sizes.get("transfer").get("payload"));
        assertEquals("synchronized,reentrant,atomic", sizes.get("contention").get("lock"));
        assertEquals("synchronized,reentrant", sizes.get("pinning").get("lock"));
        assertEquals("64", sizes.get("pinning").get("locks"));
        assertEquals("1024", given.get("transfer").get("payload"), "the command line replaces the profile and the sweep");
        assertEquals("atomic", given.get("contention").get("lock"));
        assertEquals("5", given.get("contention").get("updates"));
    }

    @Test
    void quickLeavesOutProcessPerTaskUnlessItIsNamedAndFullLeavesOutNothing() {
        List<String> registered = List.of("threads", "process-pool", "process-per-task");

        assertEquals(List.of("threads", "process-pool"), Profile.QUICK.defaultModels(registered));
        assertEquals(List.of("process-per-task"), Profile.QUICK.leftOut(registered));
        assertEquals(registered, Profile.FULL.defaultModels(registered));
        assertEquals(List.of(), Profile.FULL.leftOut(registered));
    }

    @Test
    void quickPlansAFewSecondsPerCellAndJmhOptionsOverrideItsSettings() {
        double planned = Profile.QUICK.plannedSeconds(new OptionsBuilder().build(), "cpu");
        double longer = Profile.QUICK.plannedSeconds(new OptionsBuilder().measurementIterations(15).build(), "cpu");
        double spawn = Profile.QUICK.plannedSeconds(new OptionsBuilder().build(), "spawn");
        double spawnAsCpu = Profile.QUICK.plannedSeconds(new OptionsBuilder().warmupIterations(2).build(), "spawn");

        assertTrue(planned > 1 && planned < 3, "one fork, 7 x 100 ms and its overhead: " + planned);
        assertTrue(longer > planned + 0.9, "15 iterations of 100 ms instead of 5: " + longer);
        assertEquals(planned + 0.3, spawn, 1e-9, "spawn warms up for 5 iterations rather than 2");
        assertEquals(planned, spawnAsCpu, 1e-9, "the command line's warm-up replaces the workload's");
    }

    @Test
    void quickWarmsUpLongerWhereTheCompilerClimbsLongerAndFullTheSameEverywhere() {
        for (String workload : List.of("spawn", "tree", "transfer", "handoff")) {
            assertEquals(5, Profile.QUICK.warmupIterations(workload), workload);
        }
        for (String workload : List.of("blocking", "mixed", "pinning")) {
            assertEquals(1, Profile.QUICK.warmupIterations(workload), workload);
        }
        assertEquals(2, Profile.QUICK.warmupIterations("cpu"));
        assertEquals(Profile.QUICK.warmupIterations(), Profile.QUICK.warmupIterations("contention"));
        for (String workload : List.of("cpu", "spawn", "pinning")) {
            assertEquals(Profile.FULL.warmupIterations(), Profile.FULL.warmupIterations(workload), workload);
        }
        assertEquals("1 fork, warm-up 2 x 100 ms (1 on blocking, mixed, pinning; 5 on handoff, spawn, transfer, tree),"
                + " measurement 5 x 100 ms", Profile.QUICK.describe());
        assertEquals("3 forks, warm-up 3 x 1 s, measurement 5 x 1 s", Profile.FULL.describe());
        assertEquals("1 fork, warm-up 5 x 100 ms, measurement 5 x 100 ms", Profile.QUICK.describe(List.of("spawn", "tree")),
                "the selected workloads' warm-up alone");
        assertEquals("1 fork, warm-up 2 x 100 ms, measurement 5 x 100 ms", Profile.QUICK.describe(List.of("cpu", "io")));
        assertEquals("1 fork, warm-up 2 x 100 ms (1 on blocking; 5 on spawn), measurement 5 x 100 ms",
                Profile.QUICK.describe(List.of("cpu", "spawn", "blocking")));
        assertEquals("1 fork, warm-up 1 x 100 ms (5 on spawn), measurement 5 x 100 ms",
                Profile.QUICK.describe(List.of("spawn", "pinning")), "none at the profile's own count: the least first");
        assertEquals("3 forks, warm-up 3 x 1 s, measurement 5 x 1 s", Profile.FULL.describe(List.of("spawn")));
    }

    @Test
    void quickMeasuresAPayloadVariantOnlyWhereAUnitCarriesAPayload() {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("process-pool-shm"), "process-pool-shm is not installed");
        List<String> registered = List.of("threads", "process-pool", "process-pool-shm");

        assertEquals(List.of("process-pool-shm"), Profile.QUICK.onlyWithPayload(registered));
        assertEquals(List.of(), Profile.FULL.onlyWithPayload(registered));
        assertTrue(Profile.carriesPayload(Map.of("units", "100", "payload", "1048576")));
        assertFalse(Profile.carriesPayload(Map.of("units", "100", "payload", "0")));
        assertFalse(Profile.carriesPayload(Map.of("width", "10", "depth", "5")), "tree has no payload");
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertEquals("42 s", Progress.duration(42.4));
        assertEquals("4 min 10 s", Progress.duration(250));
        assertEquals("1 h 1 min", Progress.duration(3_660));
    }
}
