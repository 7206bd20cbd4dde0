package org.concurrencybench.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's JMH defaults, in one place: every benchmark class extends this one, and JMH reads
 * the annotations through inheritance. They are what {@code java -jar benchmarks.jar} and
 * {@code ./bench compare --full} run with; {@code --quick} overrides them with shorter settings.
 *
 * <p>Average time per operation in milliseconds: one operation is a whole workload (thousands
 * of tasks), which takes milliseconds to seconds, so throughput in ops/s would read as
 * fractions. Three forks, because a JVM's JIT and memory layout differ from one start to the
 * next more than iterations within one JVM do.
 *
 * <p>The heap is fixed ({@code -Xms} = {@code -Xmx}) so that no fork times a heap resize, and
 * large enough for the one-task-per-node models on the tree workload (a million tasks alive).
 * The collector is G1 at every P: left to its ergonomics, a JVM that sees one processor picks
 * the Serial collector, so a speed-up from P = 1 to P = 2 would also have measured a change of
 * collector.
 * Setting {@code jvmArgs} also keeps the forks from inheriting the flags of whatever JVM
 * started JMH (a test runner, an IDE).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = BenchmarkDefaults.WARMUP_ITERATIONS, time = BenchmarkDefaults.ITERATION_SECONDS)
@Measurement(iterations = BenchmarkDefaults.MEASUREMENT_ITERATIONS, time = BenchmarkDefaults.ITERATION_SECONDS)
@Fork(value = BenchmarkDefaults.FORKS, jvmArgs = {BenchmarkDefaults.HEAP_MIN, BenchmarkDefaults.HEAP_MAX,
        BenchmarkDefaults.COLLECTOR})
public abstract class BenchmarkDefaults {

    public static final int FORKS = 3;
    public static final int WARMUP_ITERATIONS = 3;
    public static final int MEASUREMENT_ITERATIONS = 5;
    public static final int ITERATION_SECONDS = 1;
    public static final String HEAP_MIN = "-Xms2g";
    public static final String HEAP_MAX = "-Xmx2g";
    public static final String COLLECTOR = "-XX:+UseG1GC";

    /** The JVM options of {@code @Fork} above, for the record of what a fork was given. */
    public static final List<String> JVM_ARGS = List.of(HEAP_MIN, HEAP_MAX, COLLECTOR);

    /** The benchmark classes' package, for include patterns. */
    public static final String PACKAGE = BenchmarkDefaults.class.getPackageName();
}
