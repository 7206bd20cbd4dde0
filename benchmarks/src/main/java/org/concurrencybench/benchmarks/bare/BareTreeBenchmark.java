package org.concurrencybench.benchmarks.bare;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * tree by each model's bare twin: a task per node, {@code width} children each, {@code depth}
 * levels, the leaves' ordinals summed; the counterpart of {@code TreeBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BareTreeBenchmark -p idiom=bare-fork-join},
 * or {@code ./bench compare --workloads tree --twins}.
 */
public class BareTreeBenchmark extends TwinBenchmark {

    @Param("10")
    public String width;

    @Param("6")
    public String depth;

    public BareTreeBenchmark() {
        super("tree");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("width", width, "depth", depth);
    }

    @Benchmark
    public long fanOutAndSum() throws Exception {
        return runOnce();
    }
}
