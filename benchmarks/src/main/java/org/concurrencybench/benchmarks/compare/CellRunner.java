package org.concurrencybench.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one {@link Cell} through JMH's Runner, in this JVM; the measuring happens in JMH's forks,
 * each held to the cell's P cores. JMH writes the cell's results, its own JSON, to a file of
 * its own, and its console output to the comparison's log. failOnError is always on: a wrong
 * answer or a failed run is an exception here, never a missing line.
 */
final class CellRunner {

    private final Profile profile;
    private final Options extra;
    private final CoreHolding holding;
    private final ForkClassArchive archive;
    private final PrintStream log;

    /**
     * @param extra JMH options given with {@code --jmh}; they override the profile, not the cell
     * @param log   where JMH's console output goes
     */
    CellRunner(Profile profile, Options extra, CoreHolding holding, ForkClassArchive archive, PrintStream log) {
        this.profile = profile;
        this.extra = extra;
        this.holding = holding;
        this.archive = archive;
        this.log = log;
    }

    /** Measures {@code cell}; JMH writes its JSON to {@code resultFile}. */
    Collection<RunResult> run(Cell cell, Path resultFile) throws RunnerException, IOException {
        return new Runner(options(cell, resultFile), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
    }

    /** Measures {@code forks} forks of {@code cell}, one round's ({@link Rounds}); JMH writes its JSON to {@code resultFile}. */
    Collection<RunResult> run(Cell cell, Path resultFile, int forks) throws RunnerException, IOException {
        Options options = new OptionsBuilder().parent(options(cell, resultFile)).forks(forks).build();
        return new Runner(options, OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
    }

    Options options(Cell cell, Path resultFile) throws IOException {
        CoreHolding.ForkSettings fork = holding.forCores(cell.cores());
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(extra)
                .include(cell.includePattern())
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString());
        builder.param(cell.selector(), cell.model()).param("cores", String.valueOf(cell.cores()));
        for (Map.Entry<String, String> size : cell.sizes().entrySet()) {
            builder.param(size.getKey(), size.getValue());
        }
        List<String> prepend = new ArrayList<>(fork.jvmArgs());
        prepend.addAll(archive.jvmArgs());
        if (extra.getJvmArgsPrepend().hasValue()) {
            prepend.addAll(extra.getJvmArgsPrepend().get());
        }
        builder.jvmArgsPrepend(prepend.toArray(String[]::new));
        if (!extra.getForkCount().hasValue()) {
            builder.forks(profile.forks());
        }
        if (!extra.getWarmupIterations().hasValue()) {
            builder.warmupIterations(profile.warmupIterations(cell.workload()));
        }
        if (!extra.getWarmupTime().hasValue()) {
            builder.warmupTime(profile.warmupTime());
        }
        if (!extra.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(profile.measurementIterations());
        }
        if (!extra.getMeasurementTime().hasValue()) {
            builder.measurementTime(profile.measurementTime());
        }
        return builder.build();
    }
}
