package org.concurrencybench.benchmarks.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;

/**
 * One measurement of a comparison: a workload's benchmark, a model and P,
 * at one value of each of the workload's sizes. Each cell is its own JMH run with its own forks
 * and result file.
 *
 * @param variant the swept sizes that tell this cell's sizes from its siblings', such as
 *                {@code payload=65536}; empty when the workload's sizes are not swept
 */
public record Cell(WorkloadBenchmark benchmark, String model, int cores, Map<String, String> sizes, String variant) {

    public Cell {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    /** A cell of a workload whose sizes are not swept. */
    public Cell(WorkloadBenchmark benchmark, String model, int cores, Map<String, String> sizes) {
        this(benchmark, model, cores, sizes, "");
    }

    public String workload() {
        return benchmark.workload();
    }

    /** {@code cpu: thread-pool at P=2}; {@code transfer, payload=65536: process-pool at P=2}. */
    public String describe() {
        return workload() + (variant.isEmpty() ? "" : ", " + variant) + ": " + model + " at P=" + cores;
    }
}
