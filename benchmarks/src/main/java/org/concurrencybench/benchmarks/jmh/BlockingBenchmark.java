package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * How many waits does each model overlap, and what does a waiting task cost it?
 *
 * <p>One operation runs {@code units} tasks that each sleep {@code delayMs} and return their
 * index (the notebook's {@code time.sleep}); nothing computes. A model that holds a thread
 * while its task sleeps overlaps at most as many sleeps as it has threads, so at P cores a
 * pool of P threads needs about {@code units / P} sleeps one after another, while a model
 * that starts a thread per task, or waits without holding one (virtual, async), needs about
 * one sleep plus the cost of its tasks; fork-join sits between, adding spare threads while
 * its workers block. The figures therefore compare the caps of the models as much as the
 * cost of a thread; the report says which is which.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BlockingBenchmark -p model=virtual,async -p units=100},
 * or {@code ./bench compare --workloads blocking}.
 */
public class BlockingBenchmark extends ModelBenchmark {

    @Param("1000")
    public String units;

    @Param("10")
    public String delayMs;

    /** Bytes each task returns besides its number; 0: none, so the figure is the workload's own. */
    @Param("0")
    public String payload;

    public BlockingBenchmark() {
        super("blocking");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("units", units, "delayMs", delayMs, "payload", payload);
    }

    @Benchmark
    public long sleepInEveryTask() throws InterruptedException {
        return runOnce();
    }
}
