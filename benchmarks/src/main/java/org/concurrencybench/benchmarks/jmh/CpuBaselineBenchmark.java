package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Workloads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does the cpu workload cost with no concurrency model at all?
 *
 * <p>The same slices as {@link CpuBenchmark}, one after another in a plain loop on the
 * benchmark's own thread: no pool, no task, no hand-off. Thread-pool at P = 1 runs the same
 * slices on one pool thread, so the difference between the two is the cost of the harness and
 * of a pool (the suite's goal: within 3%). It has no model and no P; {@code ./bench compare}
 * runs it in a fork held to one core, next to the P = 1 column.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CpuBaselineBenchmark}, or with the
 * models: {@code ./bench compare --workloads cpu}.
 */
@State(Scope.Benchmark)
public class CpuBaselineBenchmark extends BenchmarkDefaults {

    @Param("2000000")
    public String limit;

    @Param("64")
    public String units;

    /** As {@link CpuBenchmark}'s: the same work, bytes included, as the models are measured on. */
    @Param("0")
    public String payload;

    private Batch batch;
    private AnswerCheck answers;

    @Setup(Level.Trial)
    public void buildWorkload() {
        batch = (Batch) Workloads.create("cpu", Map.of("limit", limit, "units", units, "payload", payload));
        answers = new AnswerCheck("baseline", batch);
    }

    @Benchmark
    public long plainLoop() throws InterruptedException {
        return answers.record(batch.runRange(0, batch.units()));
    }

    @TearDown(Level.Iteration)
    public void checkAnswers() {
        answers.verify();
    }
}
