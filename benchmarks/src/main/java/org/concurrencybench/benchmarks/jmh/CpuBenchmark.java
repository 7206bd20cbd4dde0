package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Which model turns P cores into the most speed-up on pure computation?
 *
 * <p>One operation counts the primes below {@code limit} by trial division, split into
 * {@code units} slices of one task each, and returns the count, pi(limit). Nothing waits, so a
 * model at P cores should approach P times its speed at P = 1; what it loses is the cost of
 * its tasks, its hand-offs and, for the process models, its pipes and worker JVMs. The
 * {@code sequential} model runs the same slices in a plain loop on one thread: a model at
 * P = 1 against it shows what the harness and the model cost on their own.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CpuBenchmark -p model=thread-pool,virtual}, or
 * across the cores with the forks held to P: {@code ./bench compare --workloads cpu --cores all}.
 */
public class CpuBenchmark extends ModelBenchmark {

    @Param("2000000")
    public String limit;

    @Param("64")
    public String units;

    /** Bytes each task returns besides its number; 0: none, so the figure is the workload's own. */
    @Param("0")
    public String payload;

    public CpuBenchmark() {
        super("cpu");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("limit", limit, "units", units, "payload", payload);
    }

    @Benchmark
    public long countPrimes() throws InterruptedException {
        return runOnce();
    }
}
