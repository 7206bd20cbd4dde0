package org.concurrencybench.benchmarks.compare;

import java.util.List;
import java.util.Locale;
import org.concurrencybench.benchmarks.Selection;
import org.concurrencybench.benchmarks.jmh.BenchmarkDefaults;
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
     * Blocking and mixed at 100 units rather than the catalog's 1,000: every model runs the same
     * 100 tasks, and process-per-task, which starts a JVM per task P at a time, needs seconds per
     * operation instead of minutes (a mixed task's slice of CPU does not change that: the JVM
     * start dwarfs it). Everything else runs at the catalog's sizes.
     */
    QUICK(1, 1, TimeValue.milliseconds(400), 3, TimeValue.milliseconds(400),
            List.of("blocking.units=100", "mixed.units=100")),
    FULL(BenchmarkDefaults.FORKS, BenchmarkDefaults.WARMUP_ITERATIONS, TimeValue.seconds(BenchmarkDefaults.ITERATION_SECONDS),
            BenchmarkDefaults.MEASUREMENT_ITERATIONS, TimeValue.seconds(BenchmarkDefaults.ITERATION_SECONDS), List.of());

    /** The most cores quick uses by default: P = 1 and 2 show whether a model scales at all. */
    private static final int QUICK_MAX_CORES = 2;

    /** What a fork costs besides its iterations: JVM start, JMH's set-up, the model's pools or workers. */
    private static final double FORK_OVERHEAD_SECONDS = 1.5;

    private final int forks;
    private final int warmupIterations;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;
    private final List<String> sizes;

    Profile(int forks, int warmupIterations, TimeValue warmupTime, int measurementIterations, TimeValue measurementTime,
            List<String> sizes) {
        this.sizes = sizes;
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

    /** Quick: P = 1, 2 (as far as the machine has them); full: the whole ladder 1, 2, 4, ... up to the processors. */
    public List<Integer> defaultCores(int processors) {
        List<Integer> ladder = Selection.ladder(processors);
        return this == QUICK ? ladder.stream().filter(cores -> cores <= QUICK_MAX_CORES).toList() : ladder;
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

    /** {@code 1 fork, warm-up 1 x 400 ms, measurement 3 x 400 ms}. */
    public String describe() {
        return forks + (forks == 1 ? " fork" : " forks") + ", warm-up " + warmupIterations + " x " + warmupTime
                + ", measurement " + measurementIterations + " x " + measurementTime;
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }
}
