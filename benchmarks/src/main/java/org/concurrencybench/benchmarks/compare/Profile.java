package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.jmh.BenchmarkDefaults;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.WorkloadSizes;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long a comparison measures. Full is the benchmarks' own defaults ({@link BenchmarkDefaults},
 * what {@code java -jar benchmarks.jar} runs); quick is one fork and short iterations, enough
 * for a first look at every model and workload in minutes, with error bars that say how rough
 * it is.
 */
public enum Profile {

    /**
     * A first look at every workload in six to seven minutes on two cores: that budget sets what
     * quick shortens and leaves out. Each cell is a JMH fork (0.3 to 0.5 s besides its
     * iterations), so the iterations are 200 ms. Blocking, mixed and io run 100 tasks rather than
     * the catalog's 1,000, so that a pool of P threads, which waits for its tasks P at a time,
     * needs a second per operation instead of ten; handoff passes its token 10,000 times, since
     * a hop of the process models is a round trip through two pipes and 100,000 of them take
     * seconds; transfer runs three payloads of its four (none, 64 KiB, 1 MiB: both sides of the
     * goal's 64 KiB); contention makes 10,000 updates per worker rather than 100,000. Pinning
     * runs as the benchmark does. Every model runs the same sizes. It runs at P = 1, the
     * processors and one rung between ({@link #defaultCores(int)}): P = 1, 2 on two cores, a
     * third P and half again the time on three or more.
     *
     * <p>A model that starts a process per task ({@link ModelTrait#PROCESS_PER_TASK}) is left
     * out unless {@code --models} names it: on each batch of 100 tasks its operation is 100 JVM
     * start-ups, seconds each, which alone would double the run and say nothing cpu's and
     * handoff's cells do not.
     */
    QUICK(1, 1, TimeValue.milliseconds(200), 3, TimeValue.milliseconds(200),
            List.of("blocking.units=100", "handoff.hops=10000", "mixed.units=100", "io.units=100",
                    "transfer.payload=0,65536,1048576", "contention.updates=10000"),
            EnumSet.of(ModelTrait.PROCESS_PER_TASK)),
    FULL(BenchmarkDefaults.FORKS, BenchmarkDefaults.WARMUP_ITERATIONS, TimeValue.seconds(BenchmarkDefaults.ITERATION_SECONDS),
            BenchmarkDefaults.MEASUREMENT_ITERATIONS, TimeValue.seconds(BenchmarkDefaults.ITERATION_SECONDS), List.of(),
            EnumSet.noneOf(ModelTrait.class));

    /**
     * What a cell costs besides its iterations: JMH's run, the fork's JVM start and set-up, the
     * model's pools or workers (0.3 s for an in-JVM model on the reference machine, more for
     * worker JVMs).
     */
    private static final double FORK_OVERHEAD_SECONDS = 0.5;

    private final int forks;
    private final int warmupIterations;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;
    private final List<String> sizes;
    private final Set<ModelTrait> leftOut;

    Profile(int forks, int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime,
            List<String> sizes, Set<ModelTrait> leftOut) {
        this.sizes = sizes;
        this.leftOut = leftOut;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return warmupTime;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return measurementTime;
    }

    /**
     * The sizes this profile sets where they differ from the catalog, as {@code workload.name=value}
     * for the selected workloads; the command line's {@code -p} overrides them.
     */
    public List<String> sizes(List<String> workloads) {
        return sizes.stream().filter(size -> workloads.contains(size.substring(0, size.indexOf('.')))).toList();
    }

    /**
     * The sizes a comparison of {@code workloads} runs: each benchmark's own {@code @Param}
     * values (the catalog's defaults, and its sweeps: transfer's payloads, the kinds of lock),
     * then this profile's, then {@code options} (the command line's {@code -p}), a later one
     * replacing an earlier one.
     */
    public WorkloadSizes sizesOf(List<String> workloads, List<String> options) {
        List<String> all = new ArrayList<>();
        workloads.forEach(workload -> all.addAll(WorkloadBenchmark.of(workload).declaredOptions()));
        all.addAll(sizes(workloads));
        all.addAll(options);
        return Selection.sizes(workloads, all);
    }

    /**
     * The sizes the Python cells of a comparison run: as {@link #sizesOf}, with the Python
     * models' own ({@link PythonModels#SIZES}) before {@code options}, so that the command line
     * still has the last word.
     */
    public WorkloadSizes pythonSizesOf(List<String> workloads, List<String> options) {
        List<String> all = new ArrayList<>();
        workloads.forEach(workload -> all.addAll(WorkloadBenchmark.of(workload).declaredOptions()));
        all.addAll(sizes(workloads));
        PythonModels.SIZES.stream().filter(size -> workloads.contains(size.substring(0, size.indexOf('.'))))
                .forEach(all::add);
        all.addAll(options);
        return Selection.sizes(workloads, all);
    }

    /**
     * The Python models this profile runs when {@code --models} does not say: the default run's
     * ({@link PythonModels#DEFAULT_MODELS}), less those it leaves out.
     */
    public List<String> defaultPythonModels() {
        return PythonModels.DEFAULT_MODELS.stream().filter(model -> !leavesOutPython(model)).toList();
    }

    /** The Python models this profile leaves out unless they are named. */
    public List<String> leftOutPython() {
        return PythonModels.ids().stream().filter(model -> !defaultPythonModels().contains(model)).toList();
    }

    private boolean leavesOutPython(String model) {
        return leftOut.stream().anyMatch(PythonModels.description(model).orElseThrow()::has);
    }

    /** The models this profile runs when {@code --models} does not say: the registered ones, less those it leaves out. */
    public List<String> defaultModels(List<String> registered) {
        return registered.stream().filter(model -> !leavesOut(model)).toList();
    }

    /** The registered models this profile leaves out unless they are named. */
    public List<String> leftOut(List<String> registered) {
        return registered.stream().filter(this::leavesOut).toList();
    }

    private boolean leavesOut(String model) {
        return leftOut.stream().anyMatch(ModelRegistry.provider(model).description()::has);
    }

    /**
     * The P values this profile runs when {@code --cores} does not say, across the {@code processors}
     * the machine has. Full climbs {@link Selection#ladder(int) the whole ladder}: 1, 2, 4, ...
     * doubling, and the processor count itself when it is not a power of two (1, 2, 4, 6 on six).
     * Quick runs at most three rungs of it: P = 1, the processor count, and between them the
     * power of two nearest their geometric mean &radic;processors (the lower one when two are as
     * near), if one lies strictly between: 1 on one processor; 1, 2 on two; 1, 2, 3 on three;
     * 1, 2, 4 on four; 1, 2, 6 on six; 1, 2, 8 on eight; 1, 4, 12 on twelve; 1, 4, 16 on sixteen;
     * 1, 8, 64 on sixty-four; 1, 8, 128 on 128. So quick says how a model goes from one core to
     * all of them on any machine, in at most half again the cells of P = 1, 2 alone (its two-core
     * budget), and each of its P is one that full measures too.
     */
    public List<Integer> defaultCores(int processors) {
        List<Integer> ladder = Selection.ladder(processors);
        if (this == FULL) {
            return ladder;
        }
        int all = Math.max(1, processors);
        Set<Integer> quick = new TreeSet<>(List.of(1, all));
        nearestGeometricMean(all).ifPresent(quick::add);
        return List.copyOf(quick);
    }

    /**
     * The power of two strictly between 1 and {@code processors} whose distance from &radic;processors,
     * as a ratio, is the least; the lower of two equally near. Powers of two square exactly, so
     * a tie (eight processors: 2 and 4 are both a factor &radic;2 away) is an exact tie.
     */
    private static Optional<Integer> nearestGeometricMean(int processors) {
        Integer nearest = null;
        double nearestRatio = Double.POSITIVE_INFINITY;
        for (int p = 2; p < processors; p *= 2) {
            double square = (double) p * p;
            double ratio = Math.max(square / processors, processors / square);
            if (ratio < nearestRatio) {
                nearest = p;
                nearestRatio = ratio;
            }
        }
        return Optional.ofNullable(nearest);
    }

    /**
     * Seconds one cell takes if each operation fits in an iteration (slower operations take
     * longer), with the settings of {@code overrides} (JMH options from --jmh) where it has them.
     */
    public double plannedSeconds(Options overrides) {
        int cellForks = overrides.getForkCount().orElse(forks);
        double iterations = overrides.getWarmupIterations().orElse(warmupIterations) * seconds(overrides.getWarmupTime().orElse(warmupTime))
                + overrides.getMeasurementIterations().orElse(measurementIterations)
                * seconds(overrides.getMeasurementTime().orElse(measurementTime));
        return Math.max(1, cellForks) * (FORK_OVERHEAD_SECONDS + iterations);
    }

    /** {@code 1 fork, warm-up 1 x 200 ms, measurement 3 x 200 ms}. */
    public String describe() {
        return forks + (forks == 1 ? " fork" : " forks") + ", warm-up " + warmupIterations + " x " + warmupTime
                + ", measurement " + measurementIterations + " x " + measurementTime;
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }
}
