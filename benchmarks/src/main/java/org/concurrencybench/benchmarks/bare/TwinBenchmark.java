package org.concurrencybench.benchmarks.bare;

import java.util.Map;
import java.util.Optional;
import org.concurrencybench.benchmarks.common.ForkPinning;
import org.concurrencybench.benchmarks.common.FreshHeap;
import org.concurrencybench.benchmarks.jmh.AnswerCheck;
import org.concurrencybench.benchmarks.jmh.BenchmarkDefaults;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Workloads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One workload run by one bare twin at P: what the twins' benchmarks share, the counterpart of
 * the models' {@code ModelBenchmark}. The same JMH defaults, the same catalog workload opened
 * from the same {@code @Param} sizes, the same answer check after every iteration; the twin's
 * pool is made in the trial's set-up and ended in its tear-down, neither timed. A twin runs only
 * what its model runs: a size its model refuses (its declared limit) is refused here with the
 * model's reason, so that no twin starts a million platform threads that its model would not.
 */
@State(Scope.Benchmark)
public abstract class TwinBenchmark extends BenchmarkDefaults {

    /** JMH's name for the parameter that picks the twin. */
    public static final String IDIOM = "idiom";

    /** Every twin, in {@link BareTwin}'s order (JMH needs constants; a test keeps the two equal). */
    @Param({"bare-threads", "bare-thread-pool", "bare-fork-join", "bare-completable-future", "bare-async", "bare-virtual"})
    public String idiom;

    /** P: the twin's pool size or parallelism, as its model's. */
    @Param("1")
    public int cores;

    private final String workloadId;
    private OpenWorkload openWorkload;
    private BareIdiom bare;
    private AnswerCheck answers;

    /** @param workloadId the catalog id of the workload this benchmark measures */
    protected TwinBenchmark(String workloadId) {
        this.workloadId = workloadId;
    }

    /** This benchmark's {@code @Param} sizes by the catalog's parameter names. */
    protected abstract Map<String, String> sizes();

    @Setup(Level.Trial)
    public final void openWorkloadAndCreateTwin() {
        // held to its CPUs before anything of the trial starts a thread or a process
        ForkPinning.applyIfAsked();
        BareTwin twin = BareTwin.byId(idiom).orElseThrow(() -> new IllegalArgumentException("unknown bare twin '" + idiom
                + "'; the twins: " + String.join(", ", BareTwin.ids())));
        OpenWorkload opened = Workloads.open(workloadId, sizes());
        try (ConcurrencyModel model = ModelRegistry.create(twin.model(), cores)) {
            Optional<String> limit = model.limit(opened.workload());
            if (limit.isPresent()) {
                throw new IllegalStateException("n/a: " + idiom + " runs only what " + twin.model() + " runs, and "
                        + twin.model() + " cannot run " + opened.workload().describe() + ": " + limit.get());
            }
        } catch (RuntimeException refused) {
            opened.close();
            throw refused;
        }
        openWorkload = opened;
        bare = twin.create(cores);
        answers = new AnswerCheck(idiom, opened.workload());
        FreshHeap.touchYoungGeneration();
    }

    /** Runs the workload once and returns its answer, which is checked when the iteration ends. */
    protected final long runOnce() throws Exception {
        return answers.record(bare.run(openWorkload.workload()));
    }

    @TearDown(Level.Iteration)
    public final void checkAnswers() {
        answers.verify();
    }

    @TearDown(Level.Trial)
    public final void closeTwinThenWorkload() {
        BareIdiom closing = bare;
        OpenWorkload closingWorkload = openWorkload;
        bare = null;
        openWorkload = null;
        try {
            if (closing != null) {
                closing.close();
            }
        } finally {
            if (closingWorkload != null) {
                closingWorkload.close();
            }
        }
    }
}
