package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * What does it cost to start a task and collect its result?
 *
 * <p>One operation runs {@code units} tasks that only return their index, so the time is
 * the model's own: creating and starting each task (a platform thread, a virtual thread, a
 * pool submission, a future, a worker JVM for process-per-task) and joining it. Creating the
 * tasks is what is measured here, which is why it happens inside the timed method.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SpawnBenchmark -p model=threads,virtual},
 * or {@code ./bench compare --workloads spawn}.
 */
public class SpawnBenchmark extends ModelBenchmark {

    @Param("10000")
    public String units;

    /** Bytes each task returns besides its number; 0: none, so the figure is the workload's own. */
    @Param("0")
    public String payload;

    public SpawnBenchmark() {
        super("spawn");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("units", units, "payload", payload);
    }

    @Benchmark
    public long startAndJoinTasks() throws InterruptedException {
        return runOnce();
    }
}
