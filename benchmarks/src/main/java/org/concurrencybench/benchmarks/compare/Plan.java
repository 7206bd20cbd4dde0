package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;

/**
 * The cells of a comparison in the order they run: workload by workload (so that an
 * interrupted run leaves whole tables), each model across its P values, and before the cpu
 * models the baseline at P = 1. Pairs a model declared a limit for are set aside as n/a.
 *
 * @param toMeasure     the cells to run, in order
 * @param notApplicable the cells a model cannot run, with its reason
 */
public record Plan(List<Cell> toMeasure, Map<Cell, String> notApplicable) {

    public Plan {
        toMeasure = List.copyOf(toMeasure);
        notApplicable = Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
    }

    public static Plan of(List<String> models, List<String> workloads, List<Integer> cores,
                          Map<String, Map<String, String>> sizes, Limits limits) {
        List<Workload> built = workloads.stream().map(id -> Workloads.create(id, sizes.get(id))).toList();
        Map<ModelAt, Map<String, String>> reasons = new LinkedHashMap<>();
        for (String model : models) {
            for (int p : cores) {
                reasons.put(new ModelAt(model, p), limitsOrNone(limits, model, p, built));
            }
        }
        List<Cell> toMeasure = new ArrayList<>();
        Map<Cell, String> notApplicable = new LinkedHashMap<>();
        for (String workload : workloads) {
            Map<String, String> workloadSizes = sizes.get(workload);
            if (workload.equals(WorkloadBenchmark.CPU_BASELINE.workload()) && cores.contains(1)) {
                toMeasure.add(Cell.baseline(workloadSizes));
            }
            for (String model : models) {
                for (int p : cores) {
                    Cell cell = new Cell(WorkloadBenchmark.of(workload), model, p, workloadSizes);
                    String reason = reasons.get(new ModelAt(model, p)).get(workload);
                    if (reason != null) {
                        notApplicable.put(cell, reason);
                    } else {
                        toMeasure.add(cell);
                    }
                }
            }
        }
        return new Plan(toMeasure, notApplicable);
    }

    private record ModelAt(String model, int cores) {
    }

    /**
     * A model that cannot even be created to be asked is left to its forks, which fail with the
     * model's own error and stop the comparison: a broken model is a failure, not an n/a.
     */
    private static Map<String, String> limitsOrNone(Limits limits, String model, int cores, List<Workload> workloads) {
        try {
            return limits.of(model, cores, workloads);
        } catch (RuntimeException cannotAsk) {
            return Map.of();
        }
    }
}
