package org.concurrencybench.benchmarks.bare;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * spawn by each model's bare twin: {@code units} tasks that return their index, started and
 * joined the plain way. Beside {@code SpawnBenchmark}'s figure for the twin's model it shows
 * what the model's bookkeeping costs per task.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BareSpawnBenchmark -p idiom=bare-virtual},
 * or {@code ./bench compare --workloads spawn --twins}.
 */
public class BareSpawnBenchmark extends TwinBenchmark {

    @Param("10000")
    public String units;

    @Param("0")
    public String payload;

    public BareSpawnBenchmark() {
        super("spawn");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("units", units, "payload", payload);
    }

    @Benchmark
    public long startAndJoinTasks() throws Exception {
        return runOnce();
    }
}
