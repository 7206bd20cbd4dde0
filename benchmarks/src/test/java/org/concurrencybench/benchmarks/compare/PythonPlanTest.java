package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSizes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Which cells the Python models get in a comparison, and how they join the Java models' plan. */
class PythonPlanTest {

    private static final Limits NONE = (model, cores, workloads) -> Map.of();
    private static final PythonLimits CAN_RUN_ALL = cells -> Collections.nCopies(cells.size(), Optional.empty());
    private static final List<String> WORKLOADS = List.of("cpu", "tree", "spawn");

    @Test
    void theDefaultRunGivesTheDefaultModelsOnlyTheSmallSetAtPOneAndTwo() {
        Profile quick = Profile.QUICK;
        List<String> models = quick.defaultPythonModels();

        Plan plan = PythonPlan.of(models, WORKLOADS, List.of(1, 2, 4), quick.pythonSizesOf(WORKLOADS, List.of()), true,
                CAN_RUN_ALL, List.of(), quick.sizesOf(WORKLOADS, List.of()), NONE);

        assertEquals(models.size() * 2 * 2, plan.toMeasure().size(), plan.toMeasure().toString());
        assertTrue(plan.toMeasure().stream().allMatch(cell -> PythonModels.DEFAULT_WORKLOADS.contains(cell.workload())
                && PythonModels.DEFAULT_CORES.contains(cell.cores())), plan.toMeasure().toString());
        assertTrue(models.stream().noneMatch(model -> PythonModels.description(model).orElseThrow()
                .has(org.concurrencybench.core.ModelTrait.PROCESS_PER_TASK)), models.toString());
    }

    @Test
    void namedModelsRunEveryWorkloadAtEveryPAtTheirOwnSizesNamedInTheLabel() {
        WorkloadSizes java = Profile.FULL.sizesOf(WORKLOADS, List.of());

        Plan plan = PythonPlan.of(List.of("python-threads"), WORKLOADS, List.of(1, 4),
                Profile.FULL.pythonSizesOf(WORKLOADS, List.of()), false, CAN_RUN_ALL, List.of(), java, NONE);

        assertEquals(List.of("cpu, limit=100000: python-threads at P=1", "cpu, limit=100000: python-threads at P=4",
                "tree: python-threads at P=1", "tree: python-threads at P=4",
                "spawn, units=1000: python-threads at P=1", "spawn, units=1000: python-threads at P=4"),
                plan.toMeasure().stream().map(Cell::describe).toList());
    }

    @Test
    void theCommandLinesSizesHaveTheLastWordOverThePythonModelsOwn() {
        WorkloadSizes sizes = Profile.QUICK.pythonSizesOf(List.of("cpu"), List.of("limit=5000"));

        assertEquals("5000", sizes.written("cpu").get("limit"));
    }

    @Test
    void theBaselineIsMeasuredAtPOneAtTheSizesOnlyThePythonModelsRun() {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("sequential"), "sequential is not installed");
        WorkloadSizes java = Profile.FULL.sizesOf(WORKLOADS, List.of());

        Plan python = PythonPlan.of(List.of("python-asyncio"), WORKLOADS, List.of(1, 2),
                Profile.FULL.pythonSizesOf(WORKLOADS, List.of()), false, CAN_RUN_ALL, List.of("sequential", "threads"),
                java, NONE);
        Plan plan = Plan.of(List.of("sequential"), WORKLOADS, List.of(1), java, NONE).merged(python, WORKLOADS);

        assertEquals(List.of("cpu: sequential at P=1", "cpu, limit=100000: sequential at P=1",
                "cpu, limit=100000: python-asyncio at P=1", "cpu, limit=100000: python-asyncio at P=2",
                "tree: sequential at P=1", "tree: python-asyncio at P=1", "tree: python-asyncio at P=2",
                "spawn: sequential at P=1", "spawn, units=1000: sequential at P=1", "spawn, units=1000: python-asyncio at P=1",
                "spawn, units=1000: python-asyncio at P=2"), plan.toMeasure().stream().map(Cell::describe).toList());
    }

    @Test
    void withoutAnInterpreterEveryPythonCellIsNotApplicableWithTheReasonAndNoBaselineIsMeasuredForThem() {
        PythonLimits none = cells -> Collections.nCopies(cells.size(), Optional.of("no python3 on the PATH"));

        Plan plan = PythonPlan.of(List.of("python-threads", "python-process-pool"), List.of("cpu"), List.of(1, 2),
                Profile.QUICK.pythonSizesOf(List.of("cpu"), List.of()), false, none, ModelRegistry.ids(),
                Profile.QUICK.sizesOf(List.of("cpu"), List.of()), NONE);

        assertEquals(List.of(), plan.toMeasure());
        assertEquals(4, plan.notApplicable().size());
        assertTrue(plan.notApplicable().values().stream().allMatch("no python3 on the PATH"::equals));
    }
}
