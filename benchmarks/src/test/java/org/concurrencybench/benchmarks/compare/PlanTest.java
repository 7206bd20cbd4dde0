package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.bare.BareBenchmark;
import org.concurrencybench.benchmarks.bare.BareTwin;
import org.concurrencybench.benchmarks.bare.TwinBenchmark;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSizes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

class PlanTest {

    private static final Limits NONE = (model, cores, workloads) -> Map.of();

    private final WorkloadSizes sizes = Profile.FULL.sizesOf(List.of("cpu", "tree"), List.of());

    @Test
    void cellsRunWorkloadByWorkloadEachModelAcrossItsCores() {
        Plan plan = Plan.of(List.of("a", "b"), List.of("cpu", "tree"), List.of(1, 2), sizes, NONE);

        assertEquals(List.of("cpu: a at P=1", "cpu: a at P=2", "cpu: b at P=1", "cpu: b at P=2",
                "tree: a at P=1", "tree: a at P=2", "tree: b at P=1", "tree: b at P=2"),
                plan.toMeasure().stream().map(Cell::describe).toList());
        assertEquals(WorkloadBenchmark.CPU, plan.toMeasure().getFirst().benchmark());
    }

    @Test
    void aDeclaredLimitSetsThePairAsideWithItsReason() {
        Limits limits = (model, cores, workloads) -> model.equals("b") && cores == 2 ? named("tree", workloads, "too many nodes")
                : Map.of();

        Plan plan = Plan.of(List.of("a", "b"), List.of("tree"), List.of(1, 2), sizes, limits);

        assertEquals(Map.of(new Cell(WorkloadBenchmark.TREE, "b", 2, sizes.written("tree")), "too many nodes"), plan.notApplicable());
        assertEquals(3, plan.toMeasure().size());
    }

    @Test
    void noBaselineWithoutAColumnForOneCore() {
        Plan plan = Plan.of(List.of("a"), List.of("cpu"), List.of(2), sizes, NONE);

        assertEquals(List.of("cpu: a at P=2"), plan.toMeasure().stream().map(Cell::describe).toList());
    }

    @Test
    void theBaselineRunsAtTheLowestPOnlyWithTheReasonAboveIt() {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("sequential"), "sequential is not installed");

        Plan plan = Plan.of(List.of("sequential", "a"), List.of("cpu"), List.of(1, 2, 4), sizes, NONE);

        assertEquals(List.of("cpu: sequential at P=1", "cpu: a at P=1", "cpu: a at P=2", "cpu: a at P=4"),
                plan.toMeasure().stream().map(Cell::describe).toList());
        assertEquals(List.of("runs every unit on one thread whatever P: its figure is the one at P = 1"),
                plan.notApplicable().values().stream().distinct().toList());
        assertEquals(List.of(2, 4), plan.notApplicable().keySet().stream().map(Cell::cores).toList());
        assertEquals(List.of("cpu: sequential at P=2"), Plan.of(List.of("sequential"), List.of("cpu"), List.of(2), sizes,
                NONE).toMeasure().stream().map(Cell::describe).toList(), "without P = 1, at the lowest P asked for");
    }

    @Test
    void withoutDropsTheCellsItPicksMeasuredOrNotApplicable() {
        Limits limits = (model, cores, workloads) -> model.equals("b") ? named("tree", workloads, "too many nodes")
                : Map.of();
        Plan plan = Plan.of(List.of("a", "b"), List.of("cpu", "tree"), List.of(1), sizes, limits);

        Plan less = plan.without(cell -> cell.model().equals("b"));

        assertEquals(List.of("cpu: a at P=1", "tree: a at P=1"), less.toMeasure().stream().map(Cell::describe).toList());
        assertTrue(less.notApplicable().isEmpty(), less.notApplicable().toString());
        assertEquals(1, plan.notApplicable().size(), "the plan itself is unchanged");
    }

    @Test
    void aModelThatCannotBeAskedIsLeftToItsForksToFail() {
        Limits broken = (model, cores, workloads) -> {
            throw new IllegalStateException("cannot start");
        };

        Plan plan = Plan.of(List.of("a"), List.of("tree"), List.of(1), sizes, broken);

        assertEquals(1, plan.toMeasure().size());
        assertEquals(Map.of(), plan.notApplicable());
    }

    @Test
    void aSweptSizeMakesACellPerValueEachValueAWholeTableBeforeTheNext() {
        WorkloadSizes swept = Profile.FULL.sizesOf(List.of("transfer", "contention"),
                List.of("transfer.payload=0,1024", "contention.lock=atomic,reentrant"));

        Plan plan = Plan.of(List.of("a"), List.of("transfer", "contention"), List.of(1, 2), swept, NONE);

        assertEquals(List.of("transfer, payload=0: a at P=1", "transfer, payload=0: a at P=2",
                        "transfer, payload=1024: a at P=1", "transfer, payload=1024: a at P=2",
                        "contention, lock=atomic: a at P=1", "contention, lock=atomic: a at P=2",
                        "contention, lock=reentrant: a at P=1", "contention, lock=reentrant: a at P=2"),
                plan.toMeasure().stream().map(Cell::describe).toList());
        Map<String, String> first = new LinkedHashMap<>(Map.of("units", "100", "payload", "0"));
        assertEquals(first, plan.toMeasure().getFirst().sizes(), "each cell has one value of every size");
        assertEquals("reentrant", plan.toMeasure().getLast().sizes().get("lock"));
    }

    @Test
    void aLimitOnOneValueOfASweepSetsAsideThatValueAlone() {
        WorkloadSizes swept = Profile.FULL.sizesOf(List.of("transfer"), List.of("payload=0,1048576"));
        Limits largeRefused = (model, cores, workloads) -> {
            Map<Workload, String> reasons = new LinkedHashMap<>();
            workloads.stream().filter(workload -> ((Batch) workload).payload() > 65_536)
                    .forEach(workload -> reasons.put(workload, "payload above 64 KiB"));
            return reasons;
        };

        Plan plan = Plan.of(List.of("a"), List.of("transfer"), List.of(1), swept, largeRefused);

        assertEquals(List.of("transfer, payload=0: a at P=1"), plan.toMeasure().stream().map(Cell::describe).toList());
        assertEquals(List.of("transfer, payload=1048576: a at P=1"),
                plan.notApplicable().keySet().stream().map(Cell::describe).toList());
    }

    @Test
    void withTwinsAModelsCellIsFollowedByItsTwinsWhereTheModelAndTheWorkloadHaveOne() {
        WorkloadSizes twinned = Profile.FULL.sizesOf(List.of("cpu", "spawn", "tree"), List.of());
        Limits threadsRefuseTheTree = (model, cores, workloads) -> model.equals(BareTwin.THREADS.model())
                ? named("tree", workloads, "too many threads") : Map.of();
        String threads = BareTwin.THREADS.model();
        String virtual = BareTwin.VIRTUAL.model();

        Plan plan = Plan.of(List.of(threads, virtual, "a"), List.of("cpu", "spawn", "tree"), List.of(1, 2), twinned,
                threadsRefuseTheTree, true);

        assertEquals(List.of("cpu: threads at P=1", "cpu: threads at P=2", "cpu: virtual at P=1", "cpu: virtual at P=2",
                        "cpu: a at P=1", "cpu: a at P=2",
                        "spawn: threads at P=1", "spawn: bare-threads at P=1", "spawn: threads at P=2", "spawn: bare-threads at P=2",
                        "spawn: virtual at P=1", "spawn: bare-virtual at P=1", "spawn: virtual at P=2", "spawn: bare-virtual at P=2",
                        "spawn: a at P=1", "spawn: a at P=2",
                        "tree: virtual at P=1", "tree: bare-virtual at P=1", "tree: virtual at P=2", "tree: bare-virtual at P=2",
                        "tree: a at P=1", "tree: a at P=2"),
                plan.toMeasure().stream().map(Cell::describe).toList());
        Cell twin = plan.toMeasure().get(7);
        assertTrue(twin.bare());
        assertEquals(plan.toMeasure().get(6).sizes(), twin.sizes());
        assertEquals(List.of("tree: threads at P=1", "tree: threads at P=2"),
                plan.notApplicable().keySet().stream().map(Cell::describe).toList(), "no twin cell where the model is n/a");
        assertEquals(plan.toMeasure().stream().filter(cell -> !cell.bare()).toList(),
                Plan.of(List.of(threads, virtual, "a"), List.of("cpu", "spawn", "tree"), List.of(1, 2), twinned,
                        threadsRefuseTheTree).toMeasure(), "without twins the plan is the models' cells alone");
    }

    @Test
    void aTwinsCellRunsTheTwinsBenchmarkInAForkHeldToTheSameCoresAsItsModels() throws Exception {
        Cell model = new Cell(WorkloadBenchmark.SPAWN, BareTwin.THREAD_POOL.model(), 2, Map.of("units", "100", "payload", "0"));
        Cell twin = model.twin().orElseThrow();
        CoreHolding holding = CoreHolding.detect();
        CellRunner runner = new CellRunner(Profile.QUICK, new OptionsBuilder().build(), holding, ForkClassArchive.forThisJvm(false),
                new PrintStream(OutputStream.nullOutputStream()));

        Options ofModel = runner.options(model, Path.of("model.json"));
        Options ofTwin = runner.options(twin, Path.of("twin.json"));

        assertEquals(List.of(BareBenchmark.SPAWN.includePattern()), ofTwin.getIncludes());
        assertEquals(List.of(BareTwin.THREAD_POOL.id()), List.copyOf(ofTwin.getParameter(TwinBenchmark.IDIOM).get()));
        assertFalse(ofTwin.getParameter("model").hasValue());
        assertEquals(List.of("100"), List.copyOf(ofTwin.getParameter("units").get()));
        assertEquals(List.of("2"), List.copyOf(ofTwin.getParameter("cores").get()));
        assertEquals(ofModel.getJvmArgsPrepend().get(), ofTwin.getJvmArgsPrepend().get());
        assertTrue(ofTwin.getJvmArgsPrepend().get().contains("-XX:ActiveProcessorCount=2"));
        assertEquals(ofModel.getForkCount().get(), ofTwin.getForkCount().get());
        assertEquals(ofModel.getMeasurementTime().get(), ofTwin.getMeasurementTime().get());
        assertTrue(new Cell(WorkloadBenchmark.CPU, BareTwin.THREAD_POOL.model(), 1, Map.of()).twin().isEmpty(),
                "the twins run spawn, tree and handoff");
        assertTrue(new Cell(WorkloadBenchmark.SPAWN, "process-pool", 1, Map.of()).twin().isEmpty());
        assertTrue(twin.twin().isEmpty());
    }

    private static Map<Workload, String> named(String name, List<Workload> workloads, String reason) {
        Map<Workload, String> reasons = new LinkedHashMap<>();
        workloads.stream().filter(workload -> workload.name().equals(name)).forEach(workload -> reasons.put(workload, reason));
        return reasons;
    }
}
