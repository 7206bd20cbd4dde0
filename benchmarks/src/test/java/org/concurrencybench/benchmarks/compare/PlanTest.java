package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.junit.jupiter.api.Test;

class PlanTest {

    private final Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("cpu", "tree"), List.of());

    @Test
    void cellsRunWorkloadByWorkloadEachModelAcrossItsCoresWithTheBaselineFirst() {
        Plan plan = Plan.of(List.of("a", "b"), List.of("cpu", "tree"), List.of(1, 2), sizes, (model, cores, workloads) -> Map.of());

        assertEquals(List.of("cpu: baseline at P=1", "cpu: a at P=1", "cpu: a at P=2", "cpu: b at P=1", "cpu: b at P=2",
                "tree: a at P=1", "tree: a at P=2", "tree: b at P=1", "tree: b at P=2"),
                plan.toMeasure().stream().map(Cell::describe).toList());
        assertEquals(WorkloadBenchmark.CPU_BASELINE, plan.toMeasure().getFirst().benchmark());
    }

    @Test
    void aDeclaredLimitSetsThePairAsideWithItsReason() {
        Limits limits = (model, cores, workloads) -> model.equals("b") && cores == 2 ? Map.of("tree", "too many nodes") : Map.of();

        Plan plan = Plan.of(List.of("a", "b"), List.of("tree"), List.of(1, 2), sizes, limits);

        assertEquals(Map.of(new Cell(WorkloadBenchmark.TREE, "b", 2, sizes.get("tree")), "too many nodes"), plan.notApplicable());
        assertEquals(3, plan.toMeasure().size());
    }

    @Test
    void noBaselineWithoutAColumnForOneCore() {
        Plan plan = Plan.of(List.of("a"), List.of("cpu"), List.of(2), sizes, (model, cores, workloads) -> Map.of());

        assertEquals(List.of("cpu: a at P=2"), plan.toMeasure().stream().map(Cell::describe).toList());
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
}
