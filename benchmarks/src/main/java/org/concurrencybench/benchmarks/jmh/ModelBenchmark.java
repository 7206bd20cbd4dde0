package org.concurrencybench.benchmarks.jmh;

import java.util.Optional;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workload;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One workload run by one model at P cores: what every workload's benchmark shares. The model
 * comes from the registry by id, so a benchmark never knows which implementation it drives;
 * it is built before the trial and closed after it, so pools and worker processes are not
 * timed. Each subclass names its workload's sizes as {@code @Param}s with the catalog's
 * defaults and has one {@code @Benchmark} method that calls {@link #runOnce()}.
 *
 * <p>{@code cores} is P for the model. {@code ./bench compare} also holds each fork to P
 * processors; run directly, a fork sees the machine's processors (and says so) unless it is
 * given them, for P = 2: {@code -p cores=2 -jvmArgsPrepend "-XX:ActiveProcessorCount=2
 * -Djdk.virtualThreadScheduler.parallelism=2 -Djdk.virtualThreadScheduler.maxPoolSize=2"}.
 */
@State(Scope.Benchmark)
public abstract class ModelBenchmark extends BenchmarkDefaults {

    /** Every model of the suite, in DESIGN.md's order; {@code -p model=...} picks some. */
    @Param({"threads", "thread-pool", "fork-join", "completable-future", "async", "virtual", "process-pool",
            "process-per-task"})
    public String model;

    /** P: the cores the model may use. */
    @Param("1")
    public int cores;

    private ConcurrencyModel concurrencyModel;
    private Workload workload;
    private AnswerCheck answers;

    /** The workload, built from this benchmark's {@code @Param} sizes through core's catalog. */
    protected abstract Workload workload();

    @Setup(Level.Trial)
    public final void createModel() {
        Workload created = workload();
        ConcurrencyModel candidate = ModelRegistry.create(model, cores);
        Optional<String> limit = candidate.limit(created);
        if (limit.isPresent()) {
            candidate.close();
            // Thrown, not skipped: run directly, JMH shows this reason (and with -foe true stops);
            // ./bench compare asks the same question first and reports the pair as n/a.
            throw new IllegalStateException("n/a: " + model + " cannot run " + created.describe() + ": " + limit.get());
        }
        concurrencyModel = candidate;
        workload = created;
        answers = new AnswerCheck(model, created);
        int visible = Runtime.getRuntime().availableProcessors();
        if (visible != cores) {
            System.out.println("# Note: " + model + " has P=" + cores + " but this JVM sees " + visible
                    + " processors; ./bench compare holds each fork to P (-XX:ActiveProcessorCount=P, taskset)");
        }
    }

    /** Runs the workload once and returns its answer, which is checked when the iteration ends. */
    protected final long runOnce() throws InterruptedException {
        return answers.record(concurrencyModel.run(workload));
    }

    @TearDown(Level.Iteration)
    public final void checkAnswers() {
        answers.verify();
    }

    @TearDown(Level.Trial)
    public final void closeModel() {
        if (concurrencyModel != null) {
            concurrencyModel.close();
            concurrencyModel = null;
        }
    }
}
