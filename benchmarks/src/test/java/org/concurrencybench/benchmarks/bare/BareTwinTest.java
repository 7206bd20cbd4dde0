package org.concurrencybench.benchmarks.bare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Every twin gives its workload's expected answer, driven as JMH drives a trial (set-up,
 * benchmark method, iteration check, tear-down) in this JVM, at small sizes and shapes the
 * defaults do not have (three workers, a payload); and the twins' parameters are their models'.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BareTwinTest {

    @ParameterizedTest
    @EnumSource(BareTwin.class)
    void everyTwinAnswersSpawnTreeAndHandoffAtBothP(BareTwin twin) throws Exception {
        for (int cores : List.of(1, 2)) {
            BareSpawnBenchmark spawn = new BareSpawnBenchmark();
            spawn.units = "37";
            spawn.payload = "100";
            assertEquals(Workloads.create("spawn", Map.of("units", "37", "payload", "100")).expected(),
                    trial(spawn, twin, cores, spawn::startAndJoinTasks), twin.id() + " spawn at P=" + cores);

            BareTreeBenchmark tree = new BareTreeBenchmark();
            tree.width = "3";
            tree.depth = "4";
            assertEquals(Workloads.create("tree", Map.of("width", "3", "depth", "4")).expected(),
                    trial(tree, twin, cores, tree::fanOutAndSum), twin.id() + " tree at P=" + cores);

            for (String workers : List.of("2", "3")) {
                BareHandoffBenchmark handoff = new BareHandoffBenchmark();
                handoff.workers = workers;
                handoff.hops = "1001";
                assertEquals(1001, trial(handoff, twin, cores, handoff::passTheToken),
                        twin.id() + " handoff with " + workers + " workers at P=" + cores);
            }
        }
    }

    @Test
    void aTwinRefusesWhatItsModelRefusesWithTheModelsReason() {
        BareTreeBenchmark tree = new BareTreeBenchmark();
        tree.idiom = BareTwin.THREADS.id();
        tree.cores = 1;
        tree.width = "10";
        tree.depth = "6";
        String reason;
        try (var model = ModelRegistry.create(BareTwin.THREADS.model(), 1)) {
            reason = model.limit(Workloads.create("tree")).orElseThrow(() -> new AssertionError(
                    "the threads model no longer refuses a million-leaf tree; pick another refused size"));
        }

        IllegalStateException refused = assertThrows(IllegalStateException.class, tree::openWorkloadAndCreateTwin);

        assertTrue(refused.getMessage().startsWith("n/a: bare-threads runs only what threads runs"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(reason), refused.getMessage());
    }

    @Test
    void anUnknownTwinIsNamedWithTheKnownOnes() {
        BareSpawnBenchmark spawn = new BareSpawnBenchmark();
        spawn.idiom = "bare-nothing";
        spawn.units = "3";
        spawn.payload = "0";

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, spawn::openWorkloadAndCreateTwin);

        assertEquals("unknown bare twin 'bare-nothing'; the twins: " + String.join(", ", BareTwin.ids()), refused.getMessage());
    }

    @Test
    void theIdiomParameterListsEveryTwinAndEachTwinsModelIsRegistered() throws NoSuchFieldException {
        String[] listed = TwinBenchmark.class.getField(TwinBenchmark.IDIOM).getAnnotation(Param.class).value();

        assertEquals(BareTwin.ids(), List.of(listed));
        for (BareTwin twin : BareTwin.values()) {
            assertEquals(BareTwin.PREFIX + twin.model(), twin.id());
            assertTrue(ModelRegistry.ids().contains(twin.model()), twin.id() + "'s model is not registered");
            assertEquals(twin, BareTwin.of(twin.model()).orElseThrow());
        }
        assertTrue(BareTwin.of("process-pool").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(BareBenchmark.class)
    void aTwinsBenchmarkHasItsModelsBenchmarksSizesAndDefaults(BareBenchmark bare) {
        Class<?> model = WorkloadBenchmark.of(bare.workload()).benchmarkClass();

        assertEquals(sizeParams(model), sizeParams(bare.benchmarkClass()));
        assertEquals(bare, BareBenchmark.byName(bare.benchmarkName()).orElseThrow());
        assertEquals(bare, BareBenchmark.of(bare.workload()).orElseThrow());
        assertTrue(bare.benchmarkName().matches(bare.includePattern()));
        assertTrue(BareBenchmark.of("cpu").isEmpty());
    }

    /** The size {@code @Param}s of a benchmark class and their values: everything but the model, the twin and P. */
    private static Map<String, List<String>> sizeParams(Class<?> benchmark) {
        Map<String, List<String>> sizes = new TreeMap<>();
        for (Field field : benchmark.getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param != null && !List.of("model", TwinBenchmark.IDIOM, "cores").contains(field.getName())) {
                sizes.put(field.getName(), List.of(param.value()));
            }
        }
        return sizes;
    }

    @FunctionalInterface
    private interface Operation {
        long run() throws Exception;
    }

    /** One trial with two operations, as JMH runs it; the answer of the second. */
    private static long trial(TwinBenchmark benchmark, BareTwin twin, int cores, Operation operation) throws Exception {
        benchmark.idiom = twin.id();
        benchmark.cores = cores;
        benchmark.openWorkloadAndCreateTwin();
        List<Long> answers = new ArrayList<>();
        try {
            answers.add(operation.run());
            answers.add(operation.run());
            benchmark.checkAnswers();
        } finally {
            benchmark.closeTwinThenWorkload();
        }
        return answers.getLast();
    }
}
