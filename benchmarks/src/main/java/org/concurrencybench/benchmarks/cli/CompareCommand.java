package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import java.util.Locale;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.load.LoadPlan;
import org.concurrencybench.benchmarks.load.LoadProfile;
import org.concurrencybench.benchmarks.load.LoadSweep;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.benchmarks.report.Report;
import org.concurrencybench.benchmarks.report.ReportBuilder;
import org.concurrencybench.benchmarks.report.ReportWriter;
import org.concurrencybench.benchmarks.report.TextRenderer;
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
 * report. A whole comparison (or one asked with {@code --load}) ends with servers under an
 * open-loop load ({@link LoadProfile}) and joins them to the report. Results go to
 * {@code results/<timestamp>/}: jmh.json, environment.json, run.json, report.md, report.html, a
 * chart per workload, JMH's console output in jmh.log, and the load run's load.json, .hgrm
 * files and charts.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"JMH across the core ladder; writes the report.",
                "Each model x workload x P is its own JMH run, with its forks held to P cores."})
public final class CompareCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "IDS", description = "models to compare, comma-separated, Java's and"
            + " Python's (python-threads, ...; see bench list) (default: every Java model, and the Python models on cpu,"
            + " blocking and spawn at P = 1 and 2; --quick leaves out a model that starts a process per task)")
    private String models;

    @Option(names = "--workloads", paramLabel = "IDS", description = "workloads to run, comma-separated (default: every workload)")
    private String workloads;

    @Option(names = "--cores", paramLabel = "LIST",
            description = "P values, such as 1,2,4, or 'all' for 1, 2, 4, ... and the processor count itself"
                    + " (default: all for --full; for --quick 1, the processors and the power of two nearest"
                    + " their geometric mean between them: 1,2 on 2 processors, 1,2,6 on 6, 1,4,16 on 16, 1,8,64 on 64)")
    private String cores;

    @ArgGroup(exclusive = true)
    private Length length;

    /** --quick or --full. */
    static final class Length {
        @Option(names = "--quick", description = "1 fork, 2 + 5 iterations of 100 ms (5 warm-up on spawn, tree,"
                + " handoff and transfer, 1 on blocking, mixed and pinning), smaller sizes and shorter sweeps"
                + " for the slow workloads, a model that starts a process per task only if named, one that differs"
                + " only in how payloads travel only where a payload moves, at most 3 P from 1 to the processors"
                + " (the default)")
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

    @Option(names = "--load", negatable = true, description = "end with servers under an open-loop load, joined to the"
            + " report: quick loads the models that describe themselves as common servers at the highest P, 4 rates"
            + " of 4 s each, under 2 minutes on 2 cores;"
            + " full every model at every P, rates doubling until each saturates (default: on,"
            + " unless --workloads narrows the run)")
    private Boolean load;

    @Option(names = "--twins", negatable = true, description = "after each in-JVM model's cell on spawn, tree and"
            + " handoff, its bare twin's: the same idiom without the suite's bookkeeping, at the same sizes and P; the"
            + " report divides one by the other (default: on, unless --workloads narrows the run)")
    private Boolean twins;

    @Option(names = "--jmh", paramLabel = "\"OPTIONS\"",
            description = "more JMH options for every run, such as --jmh \"-prof gc\" or --jmh \"-f 2 -i 10\"")
    private String jmh;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Profile profile = length != null && length.full ? Profile.FULL : Profile.QUICK;
        boolean named = models != null && !models.isBlank();
        List<String> chosenModels = new ArrayList<>();
        if (named) {
            chosenModels.addAll(Selection.models(models, PythonModels.ids()));
        } else {
            // the Python models join the default run on its small set (PythonModels.DEFAULT_WORKLOADS)
            chosenModels.addAll(profile.defaultModels(Selection.models(null)));
            chosenModels.addAll(profile.defaultPythonModels());
        }
        if (chosenModels.isEmpty()) {
            throw new IllegalStateException("no models are installed: the class path holds no ModelProvider;"
                    + " build the model modules, then the benchmarks");
        }
        List<String> chosenWorkloads = Selection.workloads(workloads);
        List<Integer> chosenCores = Selection.cores(cores, profile.defaultCores(Runtime.getRuntime().availableProcessors()));
        WorkloadSizes sizes = profile.sizesOf(chosenWorkloads, params);
        WorkloadSizes pythonSizes = profile.pythonSizesOf(chosenWorkloads, params);
        Path folder = out != null ? out : ResultsFolders.timestamped("");
        Comparison.Settings settings = new Comparison.Settings(chosenModels, chosenWorkloads, chosenCores, sizes, profile,
                folder, jmh, withTwins(), pythonSizes, !named);
        Comparison comparison = new Comparison(settings, spec.commandLine().getOut(), Limits.fromRegistry());
        LoadProfile loadProfile = profile == Profile.FULL ? LoadProfile.FULL : LoadProfile.QUICK;
        // servers under load are the Java models'
        List<String> servers = chosenModels.stream().filter(model -> !PythonModels.has(model)).toList();
        LoadPlan loadPlan = withLoad() ? loadProfile.plan(servers, named, chosenCores, folder) : null;
        OutputFolder.ready(folder, out != null);
        ExitCode compared = comparison.run();
        // failed cells do not keep the servers from their load; an interruption ends everything
        if (comparison.wasInterrupted() || loadPlan == null) {
            return compared.code();
        }
        PrintWriter console = spec.commandLine().getOut();
        console.println();
        if (loadPlan.models().isEmpty()) {
            console.println("No servers under load: none of " + String.join(", ", servers) + " is one the "
                    + loadProfile.name().toLowerCase(Locale.ROOT) + " sweep loads; name them with --models.");
            return compared.code();
        }
        ExitCode loaded = new LoadSweep(loadPlan, console).run();
        Report report = SuiteReport.rewrite(folder);
        console.println();
        console.print(TextRenderer.section(report.document(), ReportBuilder.SUMMARY));
        console.println();
        console.println("Report, with the servers joined: " + folder.resolve(ReportWriter.MARKDOWN) + " (and "
                + ReportWriter.HTML + ")");
        return (loaded == ExitCode.OK ? compared : loaded).code();
    }

    /** The bare twins run with a whole comparison, and with a narrowed one only when asked for. */
    private boolean withTwins() {
        return twins != null ? twins : workloads == null || workloads.isBlank();
    }

    /** The load sweep runs with a whole comparison, and with a narrowed one only when asked for. */
    private boolean withLoad() {
        return load != null ? load : workloads == null || workloads.isBlank();
    }
}
