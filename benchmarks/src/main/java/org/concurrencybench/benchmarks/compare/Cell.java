package org.concurrencybench.benchmarks.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.benchmarks.bare.BareBenchmark;
import org.concurrencybench.benchmarks.bare.BareTwin;
import org.concurrencybench.benchmarks.bare.TwinBenchmark;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;

/**
 * One measurement of a comparison: a workload's benchmark, a model and P,
 * at one value of each of the workload's sizes. Each cell is its own JMH run with its own forks
 * and result file.
 *
 * @param variant the swept sizes that tell this cell's sizes from its siblings', such as
 *                {@code payload=65536}; empty when the workload's sizes are not swept
 * @param bare    whether the cell measures a bare twin ({@code model} is then the twin's id,
 *                such as {@code bare-threads}) with the twins' benchmark of the workload
 */
public record Cell(WorkloadBenchmark benchmark, String model, int cores, Map<String, String> sizes, String variant,
                   boolean bare) {

    public Cell {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    /** A model's cell. */
    public Cell(WorkloadBenchmark benchmark, String model, int cores, Map<String, String> sizes, String variant) {
        this(benchmark, model, cores, sizes, variant, false);
    }

    /** A model's cell on a workload whose sizes are not swept. */
    public Cell(WorkloadBenchmark benchmark, String model, int cores, Map<String, String> sizes) {
        this(benchmark, model, cores, sizes, "");
    }

    /** The cell of this model's bare twin at the same workload, sizes and P, if the model and the workload have one. */
    public Optional<Cell> twin() {
        if (bare) {
            return Optional.empty();
        }
        return BareTwin.of(model).filter(twin -> BareBenchmark.of(workload()).isPresent())
                .map(twin -> new Cell(benchmark, twin.id(), cores, sizes, variant, true));
    }

    public String workload() {
        return benchmark.workload();
    }

    /** The regular expression that JMH's include matches with this cell's benchmark alone. */
    String includePattern() {
        return bare ? BareBenchmark.of(workload()).orElseThrow().includePattern() : benchmark.includePattern();
    }

    /** The JMH parameter that names what runs: {@code model}, or {@code idiom} for a twin. */
    String selector() {
        return bare ? TwinBenchmark.IDIOM : "model";
    }

    /** {@code cpu: thread-pool at P=2}; {@code transfer, payload=65536: process-pool at P=2}; {@code spawn: bare-threads at P=1}. */
    public String describe() {
        return workload() + (variant.isEmpty() ? "" : ", " + variant) + ": " + model + " at P=" + cores;
    }
}
