package org.concurrencybench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark class through JMH's Runner, in a real fork, with tiny sizes and one short
 * iteration, failOnError on: the fixtures, the answer checks and the registry lookups work as
 * JMH drives them. The figures mean nothing at these settings and are not looked at.
 */
class BenchmarksUnderJmhTest {

    /** Models that start quickly, measured on every workload; the others are covered by bench compare's test. */
    private static final List<String> FAST_MODELS = List.of("thread-pool", "virtual");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyBenchmarkClassRunsItsWorkloadAndChecksItsAnswers() throws RunnerException {
        List<String> models = FAST_MODELS.stream().filter(ModelRegistry.ids()::contains).toList();
        Assumptions.assumeFalse(models.isEmpty(), "none of " + FAST_MODELS + " is installed");
        ChainedOptionsBuilder options = tiny().include("^" + BenchmarkDefaults.PACKAGE.replace(".", "\\.") + "\\.")
                .param("model", models.toArray(String[]::new));
        tinySizes().forEach(options::param);

        Collection<RunResult> results = new Runner(options.build()).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String model = result.getParams().getParam("model");
            ran.add(benchmark + " " + model);
            assertTrue(result.getPrimaryResult().getScore() > 0, benchmark + " " + model + " has no score");
        }
        Set<String> expected = new TreeSet<>();
        for (WorkloadBenchmark benchmark : WorkloadBenchmark.values()) {
            models.forEach(model -> expected.add(benchmark.benchmarkName() + " " + model));
        }
        assertEquals(expected, ran);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aModelsDeclaredLimitFailsTheRunWithItsReasonInsteadOfLeavingAGap() {
        Workload tree = Workloads.create("tree");
        Optional<String[]> limited = ModelRegistry.ids().stream().map(model -> {
            try (ConcurrencyModel created = ModelRegistry.create(model, 1)) {
                return created.limit(tree).map(reason -> new String[] {model, reason});
            }
        }).flatMap(Optional::stream).findFirst();
        Assumptions.assumeTrue(limited.isPresent(), "no installed model declares a limit for " + tree.describe());
        String model = limited.get()[0];
        String reason = limited.get()[1];

        RunnerException failed = assertThrows(RunnerException.class, () -> new Runner(tiny()
                .include(WorkloadBenchmark.TREE.includePattern()).param("model", model).build()).run());

        assertTrue(messages(failed).stream().anyMatch(message -> message.contains(reason)),
                "the run should fail with the model's reason '" + reason + "', was: " + messages(failed));
    }

    private static ChainedOptionsBuilder tiny() {
        return new OptionsBuilder().forks(1).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20)).param("cores", "1")
                .jvmArgsPrepend("-XX:ActiveProcessorCount=1").shouldFailOnError(true).verbosity(VerboseMode.SILENT);
    }

    /**
     * Small sizes for every workload parameter; a name shared by several workloads gets one
     * value for all (two workers, two locks: one each for pinning, a stripe each for contention).
     */
    private static Map<String, String> tinySizes() {
        return Map.ofEntries(Map.entry("limit", "2000"), Map.entry("units", "4"), Map.entry("work", "50"),
                Map.entry("delayMs", "1"), Map.entry("width", "3"), Map.entry("depth", "2"), Map.entry("workers", "2"),
                Map.entry("hops", "50"), Map.entry("payload", "100"), Map.entry("updates", "3"),
                Map.entry("lock", "synchronized"), Map.entry("holdMs", "1"), Map.entry("locks", "2"));
    }

    private static List<String> messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable next = pending.removeFirst();
            messages.add(String.valueOf(next.getMessage()));
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return messages;
    }
}
