package org.concurrencybench.benchmarks.bare;

import java.util.Arrays;
import java.util.Optional;

/**
 * The twins' benchmark of each workload that has one, the counterpart of {@code WorkloadBenchmark}:
 * what the comparison includes for a twin's cell and how the report knows a twin's result.
 */
public enum BareBenchmark {

    SPAWN("spawn", BareSpawnBenchmark.class, "startAndJoinTasks"),
    TREE("tree", BareTreeBenchmark.class, "fanOutAndSum"),
    HANDOFF("handoff", BareHandoffBenchmark.class, "passTheToken");

    private final String workload;
    private final Class<? extends TwinBenchmark> benchmarkClass;
    private final String method;

    BareBenchmark(String workload, Class<? extends TwinBenchmark> benchmarkClass, String method) {
        this.workload = workload;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    public String workload() {
        return workload;
    }

    public Class<? extends TwinBenchmark> benchmarkClass() {
        return benchmarkClass;
    }

    public String method() {
        return method;
    }

    /** JMH's name for it, such as {@code org.concurrencybench.benchmarks.bare.BareSpawnBenchmark.startAndJoinTasks}. */
    public String benchmarkName() {
        return benchmarkClass.getName() + "." + method;
    }

    /** A regular expression that JMH's include matches with this benchmark alone. */
    public String includePattern() {
        return "^" + benchmarkName().replace(".", "\\.") + "$";
    }

    /** The twins' benchmark of catalog workload {@code workload}, if the twins run it. */
    public static Optional<BareBenchmark> of(String workload) {
        return Arrays.stream(values()).filter(benchmark -> benchmark.workload.equals(workload)).findFirst();
    }

    /** The entry whose JMH name is {@code benchmarkName}, if it is a twin's. */
    public static Optional<BareBenchmark> byName(String benchmarkName) {
        return Arrays.stream(values()).filter(benchmark -> benchmark.benchmarkName().equals(benchmarkName)).findFirst();
    }
}
