package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.core.ModelRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** How a comparison describes its settings in run.json, the report and its header. */
class ComparisonSettingsTest {

    @Test
    void aModelTheProfileLeftOutIsNamedWithHowToMeasureIt() {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("process-per-task"), "process-per-task is not installed");

        String quick = settings(Profile.QUICK, Profile.QUICK.defaultModels(ModelRegistry.ids()), null).describe();

        assertEquals("1 fork, warm-up 5 x 100 ms, measurement 5 x 100 ms; process-per-task left out (quick; name it with"
                + " --models to measure it)", quick);
    }

    @Test
    void aModelTheProfileMeasuresOnlyWithAPayloadIsNamedWithHowToMeasureItEverywhere() {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("process-pool-shm"), "process-pool-shm is not installed");
        List<String> models = List.of("process-pool", "process-pool-shm");

        String quick = new Comparison.Settings(models, List.of("spawn"), List.of(1), Profile.QUICK.sizesOf(
                List.of("spawn"), List.of()), Profile.QUICK, Path.of("out"), null, false, Profile.QUICK.sizesOf(
                List.of("spawn"), List.of()), true).describe();

        assertTrue(quick.endsWith("; process-pool-shm only where a unit carries a payload (quick; elsewhere it runs as"
                + " the model it varies; name it with --models to measure it everywhere)"), quick);
    }

    @Test
    void modelsChosenWithTheModelsOptionAreTheRunsOwnChoice() {
        assertEquals("1 fork, warm-up 5 x 100 ms, measurement 5 x 100 ms",
                settings(Profile.QUICK, List.of("threads", "process-per-task"), null).describe());
        assertEquals("1 fork, warm-up 5 x 100 ms, measurement 5 x 100 ms",
                settings(Profile.QUICK, List.of("threads"), null).describe());
    }

    @Test
    void jmhOptionsFollowTheProfilesSettings() {
        String full = settings(Profile.FULL, List.of("threads"), "-f 1").describe();

        assertTrue(full.endsWith("; with JMH options -f 1"), full);
        assertTrue(!full.contains("left out"), full);
    }

    private static Comparison.Settings settings(Profile profile, List<String> models, String jmh) {
        return new Comparison.Settings(models, List.of("spawn"), List.of(1), profile.sizesOf(List.of("spawn"),
                List.of("units=10")), profile, Path.of("out"), jmh);
    }
}
