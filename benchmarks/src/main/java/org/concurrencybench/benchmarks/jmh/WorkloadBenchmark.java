package org.concurrencybench.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.openjdk.jmh.annotations.Param;

/**
 * The benchmark method that measures each catalog workload: what the command line includes for
 * a workload and how the report names a result it reads back.
 */
public enum WorkloadBenchmark {

    CPU("cpu", CpuBenchmark.class, "countPrimes"),
    BLOCKING("blocking", BlockingBenchmark.class, "sleepInEveryTask"),
    SPAWN("spawn", SpawnBenchmark.class, "startAndJoinTasks"),
    TREE("tree", TreeBenchmark.class, "fanOutAndSum"),
    HANDOFF("handoff", HandoffBenchmark.class, "passTheToken"),
    MIXED("mixed", MixedBenchmark.class, "computeThenWaitInEveryTask"),
    IO("io", IoBenchmark.class, "requestOverLoopbackInEveryTask"),
    TRANSFER("transfer", TransferBenchmark.class, "returnPayloadFromEveryTask"),
    CONTENTION("contention", ContentionBenchmark.class, "updateOneSharedCounter"),
    PINNING("pinning", PinningBenchmark.class, "waitInsideEachWorkersOwnLock");

    private final String workload;
    private final Class<?> benchmarkClass;
    private final String method;

    WorkloadBenchmark(String workload, Class<?> benchmarkClass, String method) {
        this.workload = workload;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    public String workload() {
        return workload;
    }

    public Class<?> benchmarkClass() {
        return benchmarkClass;
    }

    public String method() {
        return method;
    }

    /** {@code org.concurrencybench.benchmarks.jmh.CpuBenchmark.countPrimes}: JMH's name for it. */
    public String benchmarkName() {
        return benchmarkClass.getName() + "." + method;
    }

    /**
     * The values of the benchmark's size {@code @Param}s, in the catalog's order: one value for
     * most, the catalog's default; several where the benchmark sweeps a parameter (transfer's
     * payloads, the kinds of lock). They are what {@code java -jar benchmarks.jar} runs and
     * what {@code bench compare} runs unless told otherwise.
     */
    public Map<String, List<String>> declaredSizes() {
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        for (WorkloadSpec.Parameter parameter : Workloads.spec(workload).parameters()) {
            try {
                Param values = benchmarkClass.getField(parameter.name()).getAnnotation(Param.class);
                if (values != null) {
                    sizes.put(parameter.name(), List.of(values.value()));
                }
            } catch (NoSuchFieldException undeclared) {
                // the catalog's default applies; BenchmarkParametersTest keeps every size declared
            }
        }
        return sizes;
    }

    /**
     * {@link #declaredSizes()} as {@code -p} options, such as {@code transfer.payload=0,1024,65536,1048576}:
     * what a comparison runs before its profile and the command line say otherwise.
     */
    public List<String> declaredOptions() {
        List<String> options = new ArrayList<>();
        declaredSizes().forEach((name, values) -> options.add(workload + "." + name + "=" + String.join(",", values)));
        return options;
    }

    /** A regular expression that JMH's include matches with this benchmark alone. */
    public String includePattern() {
        return "^" + benchmarkName().replace(".", "\\.") + "$";
    }

    /** The model benchmark of catalog workload {@code workload}. */
    public static WorkloadBenchmark of(String workload) {
        return Arrays.stream(values()).filter(benchmark -> benchmark.workload.equals(workload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark measures workload '" + workload
                        + "'; measured: " + String.join(", ", Arrays.stream(values()).map(WorkloadBenchmark::workload)
                                .toList())));
    }

    /** The entry whose JMH name is {@code benchmarkName}, if it is one of this suite's. */
    public static Optional<WorkloadBenchmark> byName(String benchmarkName) {
        return Arrays.stream(values()).filter(benchmark -> benchmark.benchmarkName().equals(benchmarkName))
                .findFirst();
    }
}
