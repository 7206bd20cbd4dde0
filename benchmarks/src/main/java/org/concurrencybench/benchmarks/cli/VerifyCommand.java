package org.concurrencybench.benchmarks.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.common.CoresWarning;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.verify.JvmCaveats;
import org.concurrencybench.benchmarks.verify.SelectedWorkload;
import org.concurrencybench.benchmarks.verify.Verification;
import org.concurrencybench.benchmarks.verify.VerifyReport;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench verify}: runs every selected model x workload x P once and checks each
 * answer against the one the workload expects; exit 1 if any run mismatched or failed.
 * Every option is checked before anything runs, so a typo costs nothing.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs every model x workload x P once and checks each answer; exit 1 on any mismatch or failure.")
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "a,b", description = "Models to verify (default: all); see: bench list.")
    private String models;

    @Option(names = "--workloads", paramLabel = "x,y", description = "Workloads to run (default: all); see: bench list.")
    private String workloads;

    @Option(names = "--cores", paramLabel = "1,2",
            description = "Values of P, or 'all' for 1, 2, 4, ... up to the available processors "
                    + "(default: 1 and the available processors).")
    private String cores;

    @Option(names = {"-p", "--param"}, paramLabel = "name=value",
            description = "A workload size: -p units=100 (every selected workload that has it), -p spawn.units=100"
                    + " (spawn alone), -p transfer.payload=0,65536 (a run per value); repeatable.")
    private List<String> parameters = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> modelIds = Selection.models(models);
        List<String> workloadIds = Selection.workloads(workloads);
        List<Integer> coreCounts = Selection.cores(cores, defaultCores());
        WorkloadSizes sizes = Selection.sizes(workloadIds, parameters);
        List<SelectedWorkload> selected = workloadIds.stream().flatMap(id -> sizes.variants(id).stream()
                .map(variant -> SelectedWorkload.of(id, variant.sizes()))).toList();
        List<Workload> described = selected.stream().map(SelectedWorkload::described).toList();
        if (modelIds.isEmpty()) {
            throw new IllegalStateException("no models on the class path to verify; build them with ./mvnw install");
        }

        PrintWriter out = spec.commandLine().getOut();
        out.println("verify: " + modelIds.size() + " models x " + described.size() + " workloads x P = "
                + coreCounts.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        out.println("workloads: " + described.stream().map(Workload::describe).collect(Collectors.joining(", ")));
        CoresWarning.of(coreCounts, Runtime.getRuntime().availableProcessors())
                .forEach(warning -> out.println("warning: " + warning));
        JvmCaveats.of(modelIds, coreCounts).forEach(note -> out.println("note: " + note));
        VerifyReport report = new VerifyReport(out, modelIds, described, coreCounts);
        report.header();
        long start = System.nanoTime();
        new Verification(ModelRegistry::create, report).run(modelIds, coreCounts, selected);
        return report.summary(System.nanoTime() - start).code();
    }

    /** P = 1 and the machine's available processors: the two ends of the ladder. */
    private static List<Integer> defaultCores() {
        return List.copyOf(new TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors())));
    }
}
