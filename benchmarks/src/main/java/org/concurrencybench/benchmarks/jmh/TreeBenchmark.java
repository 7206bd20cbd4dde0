package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * How well does each model handle tasks that start tasks (the "skynet" benchmark)?
 *
 * <p>One operation fans out {@code width} children per node, {@code depth} levels down, and
 * sums the ordinals of the {@code width^depth} leaves (a million at the defaults; answer
 * 499,999,500,000). A model that starts a task per node starts over a million tasks and joins
 * them from inside other tasks; process-pool instead cuts the tree into a few subtrees that its
 * workers walk sequentially. Models that cannot start this many tasks honestly declare a
 * limit, and the report shows it as n/a.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TreeBenchmark -p model=fork-join,virtual},
 * or {@code ./bench compare --workloads tree}.
 */
public class TreeBenchmark extends ModelBenchmark {

    @Param("10")
    public String width;

    @Param("6")
    public String depth;

    public TreeBenchmark() {
        super("tree");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("width", width, "depth", depth);
    }

    @Benchmark
    public long fanOutAndSum() throws InterruptedException {
        return runOnce();
    }
}
