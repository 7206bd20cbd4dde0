package org.concurrencybench.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.common.FreshHeap;
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
 * Its young generation is fixed too, at 64 MB ({@code -Xmn}), and each trial writes it through
 * once before its first iteration ({@link FreshHeap}): left to itself, G1 grows the young
 * generation into pages no one has written yet, and a first write to a page is a fault that a
 * virtual machine may take milliseconds per megabyte to serve, so an allocating workload ran
 * several times slower for seconds and a fork's figures depended on how far it had got. Measured
 * on two cores with every heap written once: spawning 10,000 tasks and a tree of 111,111 took
 * 13 to 26% longer with 64 MB than with 256 MB, for the collections that the smaller young
 * generation takes more often; 256 MB would cost a fork a second to write through here.
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
        BenchmarkDefaults.YOUNG_GENERATION, BenchmarkDefaults.COLLECTOR})
public abstract class BenchmarkDefaults {

    public static final int FORKS = 3;
    public static final int WARMUP_ITERATIONS = 3;
    public static final int MEASUREMENT_ITERATIONS = 5;
    public static final int ITERATION_SECONDS = 1;
    public static final String HEAP_MIN = "-Xms2g";
    public static final String HEAP_MAX = "-Xmx2g";
    public static final String YOUNG_GENERATION = "-Xmn64m";
    public static final String COLLECTOR = "-XX:+UseG1GC";

    /** The JVM options of {@code @Fork} above, for the record of what a fork was given. */
    public static final List<String> JVM_ARGS = List.of(HEAP_MIN, HEAP_MAX, YOUNG_GENERATION, COLLECTOR);

    /** The benchmark classes' package, for include patterns. */
    public static final String PACKAGE = BenchmarkDefaults.class.getPackageName();
}
