package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import java.util.Optional;
import org.concurrencybench.benchmarks.common.ForkPinning;
import org.concurrencybench.benchmarks.common.FreshHeap;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One workload run by one model at P cores: what every workload's benchmark shares. The model
 * comes from the registry by id, so a benchmark never knows which implementation it drives.
 * The workload is opened before the trial (for io that starts its loopback server, bound to
 * 127.0.0.1 on a port the OS picks) and the model is built after it; after the trial the model
 * is closed first, so no unit still talks to the server, and then the workload. Neither is
 * timed. Each subclass gives its catalog id to the constructor, names the workload's sizes as
 * {@code @Param}s with the catalog's defaults, returns them from {@link #sizes()}, and has one
 * {@code @Benchmark} method that calls {@link #runOnce()}.
 *
 * <p>{@code cores} is P for the model. {@code ./bench compare} also holds each fork to P
 * processors; run directly, a fork sees the machine's processors (and says so) unless it is
 * given them, for P = 2: {@code -p cores=2 -jvmArgsPrepend "-XX:ActiveProcessorCount=2
 * -Djdk.virtualThreadScheduler.parallelism=2 -Djdk.virtualThreadScheduler.maxPoolSize=2"}.
 *
 * <p>What the set-up, a run, the answer check or the tear-down throws reaches JMH's host
 * serialisable: as it is, or as its {@link StandInException} when it cannot be serialised.
 */
@State(Scope.Benchmark)
public abstract class ModelBenchmark extends BenchmarkDefaults {

    /**
     * Every registered model, in the registry's order (JMH needs its parameter values as
     * constants; a test keeps this list equal to the registry); {@code -p model=...} picks some,
     * and may name a model that is not listed here.
     */
    @Param({"sequential", "threads", "thread-pool", "fork-join", "completable-future", "async", "virtual",
            "process-pool", "process-pool-shm", "process-per-task"})
    public String model;

    /** P: the cores the model may use. */
    @Param("1")
    public int cores;

    private final String workloadId;
    private OpenWorkload openWorkload;
    private ConcurrencyModel concurrencyModel;
    private AnswerCheck answers;

    /** @param workloadId the catalog id of the workload this benchmark measures */
    protected ModelBenchmark(String workloadId) {
        this.workloadId = workloadId;
    }

    /** This benchmark's {@code @Param} sizes by the catalog's parameter names. */
    protected abstract Map<String, String> sizes();

    @Setup(Level.Trial)
    public final void openWorkloadAndCreateModel() {
        try {
            openAndCreate();
        } catch (RuntimeException failed) {
            throw StandInException.sendable(failed);
        }
    }

    private void openAndCreate() {
        // held to its CPUs before anything of the trial starts a thread or a process
        ForkPinning.applyIfAsked();
        // the sizes are checked (and io's server started) before any worker JVM is spent on them
        OpenWorkload opened = Workloads.open(workloadId, sizes());
        try {
            concurrencyModel = modelFor(opened.workload());
        } catch (RuntimeException refused) {
            closeAfter(refused, opened);
            throw refused;
        }
        openWorkload = opened;
        answers = new AnswerCheck(model, opened.workload());
        int visible = Runtime.getRuntime().availableProcessors();
        if (visible != cores) {
            System.out.println("# Note: " + model + " has P=" + cores + " but this JVM sees " + visible
                    + " processors; ./bench compare holds each fork to P (-XX:ActiveProcessorCount=P, taskset)");
        }
        // after the set-up, which allocates too: the first iteration starts on a young generation written once
        FreshHeap.touchYoungGeneration();
    }

    private ConcurrencyModel modelFor(Workload workload) {
        ConcurrencyModel candidate = ModelRegistry.create(model, cores);
        Optional<String> limit = candidate.limit(workload);
        if (limit.isPresent()) {
            candidate.close();
            // Thrown, not skipped: run directly, JMH shows this reason (and with -foe true stops);
            // ./bench compare asks the same question first and reports the pair as n/a.
            throw new IllegalStateException("n/a: " + model + " cannot run " + workload.describe() + ": " + limit.get());
        }
        return candidate;
    }

    /** Runs the workload once and returns its answer, which is checked when the iteration ends. */
    protected final long runOnce() throws InterruptedException {
        try {
            return answers.record(concurrencyModel.run(openWorkload.workload()));
        } catch (RuntimeException failed) {
            throw StandInException.sendable(failed);
        }
    }

    @TearDown(Level.Iteration)
    public final void checkAnswers() {
        try {
            answers.verify();
        } catch (RuntimeException failed) {
            throw StandInException.sendable(failed);
        }
    }

    /** The model first: its units may still hold connections to the workload's server. */
    @TearDown(Level.Trial)
    public final void closeModelThenWorkload() {
        try {
            closeBoth();
        } catch (RuntimeException failed) {
            throw StandInException.sendable(failed);
        }
    }

    private void closeBoth() {
        ConcurrencyModel closingModel = concurrencyModel;
        OpenWorkload closingWorkload = openWorkload;
        concurrencyModel = null;
        openWorkload = null;
        try {
            if (closingModel != null) {
                closingModel.close();
            }
        } catch (RuntimeException failed) {
            closeAfter(failed, closingWorkload);
            throw failed;
        }
        if (closingWorkload != null) {
            closingWorkload.close();
        }
    }

    /** The workload this trial runs, while it is open; null before the set-up and after the tear-down. */
    OpenWorkload openWorkload() {
        return openWorkload;
    }

    private static void closeAfter(RuntimeException failure, OpenWorkload workload) {
        if (workload == null) {
            return;
        }
        try {
            workload.close();
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
