package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
     * A first look at every workload in about ten minutes on two cores, the servers under load
     * and the Python set included: that budget sets what quick shortens and leaves out. A cell
     * costs a JMH fork, about a second on two cores besides its iterations, so quick keeps the
     * cells few and the iterations short: five measured iterations of 100 ms, which give JMH's
     * 99.9% interval four degrees of freedom (t = 8.6) rather than the two of three iterations
     * (t = 31.6). Warm-up is as many iterations of 100 ms as the workload needs for the compiler to
     * finish its climb in a fork held to one core: five on spawn, tree, transfer and handoff, whose
     * operations start or wake thousands of tasks and allocate as they go (after two, their
     * first measured iteration was still a third above their last in half the cells, and their
     * median interval was 73% of the figure, against 40% after five); one on blocking, mixed
     * and pinning, which wait rather than compute and are flat from the first; two elsewhere. An
     * operation longer than an iteration makes the iteration its own length, so warm-up counts
     * operations there.
     *
     * <p>Its sizes are smaller where an operation would take most of a second: blocking, mixed
     * and io run 16 tasks rather than the catalog's 1,000, so that a pool of P threads, which
     * waits for its tasks P at a time, needs 160 ms per operation at P = 1 instead of ten seconds,
     * and still waits 16 times as long as a model that overlaps every wait; spawn
     * starts 1,000 tasks rather than 10,000, since 10,000 platform threads take two seconds here;
     * tree is five levels deep (111,111 nodes) rather than six; handoff passes its token 10,000
     * times, since a hop of the process models is a round trip through two pipes and 100,000 of
     * them take seconds; contention makes 10,000 updates per worker rather than 100,000. Its
     * sweeps are shorter: transfer runs two payloads of its four (none, which is the fixed cost
     * of a unit, and 64 KiB, which is the cost of its bytes: 6.4 MB an operation), and contention two locks of its
     * three (synchronized and atomic: a lock against none). Pinning runs 16 workers, each with its
     * own lock, rather than 64: a pool that waits P at a time still takes 16 waits of 5 ms where a
     * thread per worker takes one, and a pinned virtual thread would show the same. Transfer's
     * 1 MiB is left to full: arrays that large are G1's humongous objects, allocated outside the
     * young generation in regions a fresh fork has not written yet, and its first five
     * operations (2.3 s) ran at 500 ms against 30 ms afterwards, so a quick cell measured that
     * first pass alone; 64 KiB arrays are allocated in the young generation like everything else.
     * Every model runs the same sizes. It runs at P = 1, the processors and one rung between
     * ({@link #defaultCores(int)}): P = 1, 2 on two cores, a third P and half again the time on
     * three or more.
     *
     * <p>A model that starts a process per task ({@link ModelTrait#PROCESS_PER_TASK}) is left
     * out unless {@code --models} names it: on each batch its operation is a JVM start-up per
     * task, seconds each, which alone would double the run and say nothing cpu's and handoff's
     * cells do not. A model that differs from another only in how payload bytes travel
     * ({@link ModelTrait#PAYLOAD_VARIANT}) runs only the cells where a unit carries a payload,
     * unless {@code --models} names it: elsewhere its figures are the other model's.
     */
    QUICK(1, 2, Map.of("spawn", 5, "tree", 5, "transfer", 5, "handoff", 5, "blocking", 1, "mixed", 1, "pinning", 1),
            TimeValue.milliseconds(100), 5, TimeValue.milliseconds(100),
            List.of("blocking.units=16", "spawn.units=1000", "tree.depth=5", "handoff.hops=10000", "mixed.units=16", "io.units=16",
                    "transfer.payload=0,65536", "contention.updates=10000", "contention.lock=synchronized,atomic",
                    "pinning.workers=16", "pinning.locks=16"),
            EnumSet.of(ModelTrait.PROCESS_PER_TASK), EnumSet.of(ModelTrait.PAYLOAD_VARIANT)),
    FULL(BenchmarkDefaults.FORKS, BenchmarkDefaults.WARMUP_ITERATIONS, Map.of(),
            TimeValue.seconds(BenchmarkDefaults.ITERATION_SECONDS), BenchmarkDefaults.MEASUREMENT_ITERATIONS,
            TimeValue.seconds(BenchmarkDefaults.ITERATION_SECONDS), List.of(), EnumSet.noneOf(ModelTrait.class),
            EnumSet.noneOf(ModelTrait.class));

    /**
     * What a cell costs besides its iterations: JMH's run, the fork's JVM start on the cores it
     * is held to, and the model's pools or workers (0.9 s for an in-JVM model on a two-core
     * machine, more for worker JVMs).
     */
    private static final double FORK_OVERHEAD_SECONDS = 0.9;

    private final int forks;
    private final int warmupIterations;
    private final Map<String, Integer> warmupByWorkload;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;
    private final List<String> sizes;
    private final Set<ModelTrait> leftOut;
    private final Set<ModelTrait> onlyWithPayload;

    Profile(int forks, int warmupIterations, Map<String, Integer> warmupByWorkload, TimeValue warmupTime,
            int measurementIterations, TimeValue measurementTime, List<String> sizes, Set<ModelTrait> leftOut,
            Set<ModelTrait> onlyWithPayload) {
        this.warmupByWorkload = new TreeMap<>(warmupByWorkload);
        this.sizes = sizes;
        this.leftOut = leftOut;
        this.onlyWithPayload = onlyWithPayload;
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

    /** The warm-up iterations of a workload this profile does not warm up for longer or shorter. */
    public int warmupIterations() {
        return warmupIterations;
    }

    /** The warm-up iterations on {@code workload}: more where the compiler climbs for longer, fewer where it waits. */
    public int warmupIterations(String workload) {
        return warmupByWorkload.getOrDefault(workload, warmupIterations);
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
        return hasAny(model, leftOut);
    }

    /** Whether the registered model {@code model} has one of {@code traits}. */
    private static boolean hasAny(String model, Set<ModelTrait> traits) {
        return traits.stream().anyMatch(ModelRegistry.provider(model).description()::has);
    }

    /**
     * The registered models this profile measures only where a unit carries a payload, unless
     * they are named: those that differ from another model only in how payload bytes travel.
     */
    public List<String> onlyWithPayload(List<String> registered) {
        return registered.stream().filter(model -> hasAny(model, onlyWithPayload)).toList();
    }

    /**
     * Whether a cell of sizes {@code sizes} moves a payload: it has a {@code payload} size above
     * zero, or one that is not a number the run could read as zero. A model of
     * {@link #onlyWithPayload} runs only such cells.
     */
    public static boolean carriesPayload(Map<String, String> sizes) {
        String payload = sizes.get("payload");
        if (payload == null) {
            return false;
        }
        OptionalLong bytes = WorkloadSizes.number(payload);
        return bytes.isEmpty() || bytes.getAsLong() > 0;
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
     * Seconds one cell of {@code workload} takes if each operation fits in an iteration (slower operations take
     * longer), with the settings of {@code overrides} (JMH options from --jmh) where it has them.
     */
    public double plannedSeconds(Options overrides, String workload) {
        int cellForks = overrides.getForkCount().orElse(forks);
        double iterations = overrides.getWarmupIterations().orElse(warmupIterations(workload))
                * seconds(overrides.getWarmupTime().orElse(warmupTime))
                + overrides.getMeasurementIterations().orElse(measurementIterations)
                * seconds(overrides.getMeasurementTime().orElse(measurementTime));
        return Math.max(1, cellForks) * (FORK_OVERHEAD_SECONDS + iterations);
    }

    /** {@code 1 fork, warm-up 2 x 100 ms (1 on blocking, mixed; 5 on spawn, tree), measurement 5 x 100 ms}. */
    public String describe() {
        return describe(Arrays.stream(WorkloadBenchmark.values()).map(WorkloadBenchmark::workload).toList());
    }

    /**
     * As {@link #describe()}, naming only the warm-ups of {@code workloads}: {@code 1 fork,
     * warm-up 5 x 100 ms, measurement 5 x 100 ms} for spawn alone. The count said first is the
     * profile's own where one of them warms up for it, else the least; the others follow by workload.
     */
    public String describe(List<String> workloads) {
        Map<Integer, List<String>> byCount = new TreeMap<>();
        workloads.stream().filter(warmupByWorkload::containsKey).sorted().forEach(workload -> byCount
                .computeIfAbsent(warmupByWorkload.get(workload), ignored -> new ArrayList<>()).add(workload));
        boolean someAtTheDefault = workloads.isEmpty() || workloads.stream().anyMatch(workload ->
                !warmupByWorkload.containsKey(workload));
        int first = someAtTheDefault ? warmupIterations : byCount.keySet().iterator().next();
        byCount.remove(first);
        String others = byCount.entrySet().stream().map(entry -> entry.getKey() + " on " + String.join(", ",
                entry.getValue())).collect(Collectors.joining("; "));
        return forks + (forks == 1 ? " fork" : " forks") + ", warm-up " + first + " x " + warmupTime
                + (others.isEmpty() ? "" : " (" + others + ")") + ", measurement " + measurementIterations + " x "
                + measurementTime;
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }
}
