package org.concurrencybench.benchmarks.bare;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * handoff by each model's bare twin: the token round a ring of {@code workers} for {@code hops}
 * hops, handed over the plain way; the counterpart of {@code HandoffBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BareHandoffBenchmark -p idiom=bare-thread-pool},
 * or {@code ./bench compare --workloads handoff --twins}.
 */
public class BareHandoffBenchmark extends TwinBenchmark {

    @Param("2")
    public String workers;

    @Param("100000")
    public String hops;

    public BareHandoffBenchmark() {
        super("handoff");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("workers", workers, "hops", hops);
    }

    @Benchmark
    public long passTheToken() throws Exception {
        return runOnce();
    }
}
