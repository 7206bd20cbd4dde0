package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.footprint.FootprintRun;
import org.concurrencybench.benchmarks.footprint.TaskCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench footprint}: the memory each task costs while N of them are alive at once, for
 * every selected model and N, each in a fresh JVM against a baseline JVM with none. Results go
 * to {@code results/footprint-<timestamp>/}: footprint.json, footprint.md and footprint.png.
 * Every option is checked before anything starts or is written.
 */
@Command(name = "footprint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Memory per task: peak RSS and heap per task with N tasks alive at once, for every model.",
                "Each model and N runs in a JVM of its own, against a baseline JVM with no tasks."})
public final class FootprintCommand implements Callable<Integer> {

    @Option(names = "--tasks", paramLabel = "N,N",
            description = "Values of N, tasks alive at once, from 1 to 10,000,000 (default: 1000,10000,100000;"
                    + " with --full also 1000000).")
    private String tasks;

    @Option(names = "--models", paramLabel = "a,b", description = "Models to measure (default: all); see: bench list.")
    private String models;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder (default: results/footprint-<timestamp>/).")
    private Path out;

    @Option(names = "--full", description = "Also N = 1,000,000, unless --tasks says otherwise.")
    private boolean full;

    @Option(names = "--twins", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "after each model that holds a task in a thread or a timer of its own, its bare twin: the"
                    + " same tasks started the plain way and kept in a list, at the N the model held; the report"
                    + " divides one by the other (default: on)")
    private boolean twins;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Integer> counts = TaskCounts.parse(tasks, full);
        List<String> modelIds = Selection.models(models);
        if (modelIds.isEmpty()) {
            throw new IllegalStateException("no models are installed: the class path holds no ModelProvider;"
                    + " build the model modules, then the benchmarks");
        }
        Path folder = OutputFolder.ready(out != null ? out : ResultsFolders.timestamped("footprint-"), out != null);
        return new FootprintRun(new FootprintRun.Settings(modelIds, counts, folder, twins), spec.commandLine().getOut()).run().code();
    }
}
