package org.concurrencybench.benchmarks.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;

/**
 * One measurement of a comparison: a workload's benchmark, a model (or the baseline) and P,
 * at the workload's sizes. Each cell is its own JMH run with its own forks and result file.
 */
public record Cell(WorkloadBenchmark benchmark, String model, int cores, Map<String, String> sizes) {

    public Cell {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    public static Cell baseline(Map<String, String> cpuSizes) {
        return new Cell(WorkloadBenchmark.CPU_BASELINE, WorkloadBenchmark.BASELINE_MODEL, 1, cpuSizes);
    }

    public String workload() {
        return benchmark.workload();
    }

    /** {@code cpu: thread-pool at P=2}. */
    public String describe() {
        return workload() + ": " + model + " at P=" + cores;
    }
}
