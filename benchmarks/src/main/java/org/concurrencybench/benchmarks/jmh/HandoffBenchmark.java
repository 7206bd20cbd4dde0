package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * How long does it take one task to wake another?
 *
 * <p>One operation passes a token round a ring of {@code workers} workers for {@code hops}
 * hops (two workers: ping-pong). Only one worker runs at a time, so extra cores cannot help:
 * the figure is {@code hops} times the latency of one hand-off, which is parking and unparking
 * a thread, mounting a virtual thread, completing a future, or a round trip over a pipe.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HandoffBenchmark -p model=threads,virtual,async},
 * or {@code ./bench compare --workloads handoff}.
 */
public class HandoffBenchmark extends ModelBenchmark {

    @Param("2")
    public String workers;

    @Param("100000")
    public String hops;

    public HandoffBenchmark() {
        super("handoff");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("workers", workers, "hops", hops);
    }

    @Benchmark
    public long passTheToken() throws InterruptedException {
        return runOnce();
    }
}
