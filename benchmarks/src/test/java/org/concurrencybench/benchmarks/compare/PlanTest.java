package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSizes;
import org.junit.jupiter.api.Test;

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

    private static Map<Workload, String> named(String name, List<Workload> workloads, String reason) {
        Map<Workload, String> reasons = new LinkedHashMap<>();
        workloads.stream().filter(workload -> workload.name().equals(name)).forEach(workload -> reasons.put(workload, reason));
        return reasons;
    }
}
