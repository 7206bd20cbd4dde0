package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.compare.Comparison;
import org.concurrencybench.benchmarks.compare.Limits;
import org.concurrencybench.benchmarks.compare.Profile;
import org.concurrencybench.core.WorkloadSizes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench compare} (what {@code ./bench} alone runs): every selected model on every
 * selected workload at every P, each through JMH with its forks held to P cores; then the
 * report. Results go to {@code results/<timestamp>/}: jmh.json, environment.json, run.json,
 * report.md, report.html, a chart per workload, and JMH's console output in jmh.log.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"JMH across the core ladder; writes the report.",
                "Each model x workload x P is its own JMH run, with its forks held to P cores."})
public final class CompareCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "IDS", description = "models to compare, comma-separated (default: every"
            + " model; --quick leaves out a model that starts a process per task)")
    private String models;

    @Option(names = "--workloads", paramLabel = "IDS", description = "workloads to run, comma-separated (default: every workload)")
    private String workloads;

    @Option(names = "--cores", paramLabel = "LIST",
            description = "P values, such as 1,2,4, or 'all' for 1, 2, 4, ... up to the processors"
                    + " (default: 1,2 for --quick, all for --full, as far as the machine has them)")
    private String cores;

    @ArgGroup(exclusive = true)
    private Length length;

    /** --quick or --full. */
    static final class Length {
        @Option(names = "--quick", description = "1 fork, 1 + 3 iterations of 200 ms, smaller sizes for the slow workloads,"
                + " a model that starts a process per task only if named: 6 to 7 minutes on 2 cores (the default)")
        boolean quick;

        @Option(names = "--full", description = "the benchmarks' own settings: 3 forks, 3 + 5 iterations of 1 s")
        boolean full;
    }

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "a workload size: -p units=100 (every selected workload that has it), -p spawn.units=100"
                    + " (spawn alone), -p transfer.payload=0,65536 (a cell per value); repeatable")
    private List<String> params = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: results/<timestamp>/)")
    private Path out;

    @Option(names = "--twins", description = "after each in-JVM model's cell on spawn, tree and handoff, its bare twin's:"
            + " the same idiom without the suite's bookkeeping, at the same sizes and P; the report divides one by the other")
    private boolean twins;

    @Option(names = "--jmh", paramLabel = "\"OPTIONS\"",
            description = "more JMH options for every run, such as --jmh \"-prof gc\" or --jmh \"-f 2 -i 10\"")
    private String jmh;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Profile profile = length != null && length.full ? Profile.FULL : Profile.QUICK;
        List<String> chosenModels = models == null || models.isBlank() ? profile.defaultModels(Selection.models(null))
                : Selection.models(models);
        if (chosenModels.isEmpty()) {
            throw new IllegalStateException("no models are installed: the class path holds no ModelProvider;"
                    + " build the model modules, then the benchmarks");
        }
        List<String> chosenWorkloads = Selection.workloads(workloads);
        List<Integer> chosenCores = Selection.cores(cores, profile.defaultCores(Runtime.getRuntime().availableProcessors()));
        WorkloadSizes sizes = profile.sizesOf(chosenWorkloads, params);
        Path folder = out != null ? out : ResultsFolders.timestamped("");
        Comparison.Settings settings = new Comparison.Settings(chosenModels, chosenWorkloads, chosenCores, sizes, profile,
                folder, jmh, twins);
        Comparison comparison = new Comparison(settings, spec.commandLine().getOut(), Limits.fromRegistry());
        OutputFolder.ready(folder, out != null);
        return comparison.run().code();
    }
}
