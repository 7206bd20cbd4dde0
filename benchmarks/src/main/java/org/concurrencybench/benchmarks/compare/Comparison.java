package org.concurrencybench.benchmarks.compare;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.CoresWarning;
import org.concurrencybench.benchmarks.common.Environment;
import org.concurrencybench.benchmarks.common.EnvironmentProbe;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.jmh.BenchmarkDefaults;
import org.concurrencybench.benchmarks.python.Python;
import org.concurrencybench.benchmarks.python.PythonHarness;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.benchmarks.report.CatalogSizes;
import org.concurrencybench.benchmarks.report.Measurement;
import org.concurrencybench.benchmarks.report.Report;
import org.concurrencybench.benchmarks.report.ReportBuilder;
import org.concurrencybench.benchmarks.report.ReportWriter;
import org.concurrencybench.benchmarks.report.RunRecord;
import org.concurrencybench.benchmarks.report.Source;
import org.concurrencybench.benchmarks.report.TextRenderer;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSizes;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * One run of {@code bench compare}: every cell of the plan through JMH, one after another,
 * each cell's results added to jmh.json as soon as it finishes; then the report.
 *
 * <p>A failed cell stops the comparison (JMH's failOnError, applied to the whole comparison):
 * what finished is kept, the failure is recorded with its reason, the rest is marked not run,
 * and the report is written. Ctrl-C does the same from a shutdown hook, after ending JMH's
 * forks and their worker processes. Whichever of the two ends the run does so under one lock,
 * so the files are written once, by one of them, and never half.
 */
public final class Comparison {

    /** The file of JMH's results in a comparison's folder. */
    public static final String JMH_JSON = ResultsFolder.JMH_JSON;

    /** The grace a fork gets to close its model and workers when the comparison is interrupted. */
    private static final long STOP_GRACE_SECONDS = 10;

    /**
     * What to compare and how.
     *
     * @param models       the Java models and the Python models ({@link PythonModels}), in the order given
     * @param sizes        each workload's sizes, as {@link Profile#sizesOf} reads them
     * @param jmhArguments JMH options from {@code --jmh}, as typed; null for none
     * @param pythonSizes  the Python cells' sizes, as {@link Profile#pythonSizesOf} reads them
     * @param pythonDefaultSet whether the Python models run only the default run's small set
     *                     ({@link PythonModels#DEFAULT_WORKLOADS} at {@link PythonModels#DEFAULT_CORES}),
     *                     as when the run did not name them
     */
    public record Settings(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                           Profile profile, Path out, String jmhArguments, WorkloadSizes pythonSizes,
                           boolean pythonDefaultSet) {

        /** A comparison whose Python models, if any, run every workload at every P at the run's sizes. */
        public Settings(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                        Profile profile, Path out, String jmhArguments) {
            this(models, workloads, cores, sizes, profile, out, jmhArguments, sizes, false);
        }

        /** The Java models, measured by JMH. */
        List<String> javaModels() {
            return models.stream().filter(model -> !PythonModels.has(model)).toList();
        }

        /** The Python models, measured by the Python harness. */
        List<String> pythonModels() {
            return models.stream().filter(PythonModels::has).toList();
        }

        /**
         * The profile's settings in words, the models it left out (when the models are the ones it
         * picks, not a list given with --models), what the Python models run, and the JMH options
         * that override them.
         */
        String describe() {
            List<String> registered = ModelRegistry.ids();
            boolean defaults = javaModels().equals(profile.defaultModels(registered))
                    && (pythonModels().isEmpty() || pythonModels().equals(profile.defaultPythonModels()));
            List<String> leftOut = new ArrayList<>();
            if (defaults) {
                leftOut.addAll(profile.leftOut(registered));
                if (!pythonModels().isEmpty()) {
                    leftOut.addAll(profile.leftOutPython());
                }
            }
            return profile.describe()
                    + (leftOut.isEmpty() ? "" : "; " + String.join(", ", leftOut) + " left out (" + profile.id()
                            + "; name it with --models to measure it)")
                    + (pythonModels().isEmpty() ? "" : pythonDefaultSet ? "; the Python models on "
                            + String.join(", ", PythonModels.DEFAULT_WORKLOADS) + " at P = "
                            + PythonModels.DEFAULT_CORES.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " (name them with --models for every workload and P)" : "")
                    + (jmhArguments == null || jmhArguments.isBlank() ? "" : "; with JMH options " + jmhArguments.strip());
        }
    }

    private record Status(CellOutcome outcome, String reason) {
    }

    private final Settings settings;
    private final PrintWriter out;
    private final Limits limits;
    private final Options jmh;
    private final Object lock = new Object();
    private final Map<Cell, Status> statuses = new LinkedHashMap<>();
    private boolean ended;
    private ResultsFolder folder;
    private CoreHolding holding;
    private PythonHarness python;

    public Comparison(Settings settings, PrintWriter out, Limits limits) {
        this.settings = settings;
        this.out = out;
        this.limits = limits;
        this.jmh = JmhArguments.parse(settings.jmhArguments());
    }

    /** Runs the comparison; returns OK when every cell was measured or is n/a, FAILED when one failed. */
    public ExitCode run() throws IOException {
        holding = CoreHolding.detect();
        Thread interruption = new Thread(this::interrupted, "bench-compare-interrupted");
        try {
            folder = ResultsFolder.create(settings.out());
            // now, while it can: Java's graphics register shutdown hooks of their own when first used,
            // which is refused while the JVM shuts down, so a chart could not be drawn after Ctrl-C
            ReportWriter.prepareGraphics();
            Runtime.getRuntime().addShutdownHook(interruption);
            folder.write(environment());
            printHeader();
            Plan plan = plan();
            synchronized (lock) {
                plan.toMeasure().forEach(cell -> statuses.put(cell, new Status(CellOutcome.NOT_RUN, "not measured yet")));
                plan.notApplicable().forEach((cell, reason) -> statuses.put(cell, new Status(CellOutcome.NOT_APPLICABLE, reason)));
                writeRun("running");
            }
            printNotApplicable(plan);
            Cell failed = measure(plan);
            Report report;
            synchronized (lock) {
                if (ended) {
                    return ExitCode.FAILED;
                }
                ended = true;
                writeRun(failed == null ? "complete" : "failed");
                report = writeReport();
            }
            removeHook(interruption);
            out.print(TextRenderer.tables(report.document(), ReportBuilder.SUMMARY));
            out.println();
            out.println("Report: " + folder.path().resolve(ReportWriter.MARKDOWN) + " (and " + ReportWriter.HTML + ", "
                    + ReportWriter.charts(report.charts().size()) + "); JMH's results: " + folder.jmhJson());
            endLeftoverProcesses();
            return failed == null ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            removeHook(interruption);
            holding.close();
            if (python != null) {
                python.close();
            }
        }
    }

    /** The Java models' cells and the Python models', workload by workload. */
    private Plan plan() {
        Plan java = Plan.of(settings.javaModels(), settings.workloads(), settings.cores(), settings.sizes(), limits);
        if (settings.pythonModels().isEmpty()) {
            return java;
        }
        Python interpreter = Python.find();
        PythonLimits pythonLimits;
        if (interpreter.unavailable().isPresent()) {
            pythonLimits = PythonLimits.unavailable(interpreter);
        } else {
            python = PythonHarness.open(interpreter);
            pythonLimits = PythonLimits.from(python);
        }
        return java.merged(PythonPlan.of(settings.pythonModels(), settings.workloads(), settings.cores(),
                settings.pythonSizes(), settings.pythonDefaultSet(), pythonLimits, settings.javaModels(), settings.sizes(),
                limits), settings.workloads());
    }

    /**
     * Measures the plan's cells in order; returns the cell that failed, or null when none did or
     * when the shutdown hook ended the run (which then writes the files itself).
     */
    private Cell measure(Plan plan) throws IOException {
        Progress progress = new Progress(out, plan.toMeasure().size(), settings.profile().plannedSeconds(jmh));
        try (PrintStream log = new PrintStream(new FileOutputStream(folder.log().toFile(), true), true, StandardCharsets.UTF_8)) {
            CellRunner runner = new CellRunner(settings.profile(), jmh, holding, log);
            PythonCellRunner pythonRunner = python == null ? null : new PythonCellRunner(python, settings.profile(), jmh, log);
            int index = 0;
            for (Cell cell : plan.toMeasure()) {
                synchronized (lock) {
                    if (ended) {
                        return null;
                    }
                }
                index++;
                progress.starting(index, cell);
                long started = System.nanoTime();
                long logStart = Files.size(folder.log());
                Path part = folder.partFile(index);
                try {
                    Collection<RunResult> results = List.of();
                    Measurement measured = null;
                    if (PythonModels.has(cell.model())) {
                        measured = pythonRunner.run(cell, part);
                    } else {
                        results = runner.run(cell, part);
                    }
                    synchronized (lock) {
                        if (ended) {
                            return null;
                        }
                        folder.addPart(part);
                        statuses.put(cell, new Status(CellOutcome.MEASURED, null));
                        writeRun("running");
                    }
                    if (measured != null) {
                        progress.finished(measured, System.nanoTime() - started);
                    } else {
                        progress.finished(results, System.nanoTime() - started);
                    }
                } catch (RunnerException | RuntimeException failure) {
                    log.flush();
                    String reason = FailureReason.of(failure, logSince(logStart));
                    synchronized (lock) {
                        if (ended) {
                            return null;
                        }
                        statuses.put(cell, new Status(CellOutcome.FAILED, reason));
                        markUnrun("the comparison stopped when " + cell.describe() + " failed");
                        folder.deleteParts();
                    }
                    out.println("      FAILED: " + reason);
                    out.println("      (JMH's output, with the fork's stack trace: " + folder.log() + ")");
                    out.flush();
                    return cell;
                }
            }
        }
        return null;
    }

    /** What JMH printed to the log from {@code position} on. */
    private String logSince(long position) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(folder.log())) {
            channel.position(position);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The shutdown hook: Ctrl-C or a kill ends the forks and writes what finished. */
    private void interrupted() {
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
        }
        // twice: a fork the main thread started just before it saw the run end is caught by the second
        int killed = ChildProcesses.endAll(STOP_GRACE_SECONDS, TimeUnit.SECONDS)
                + ChildProcesses.endAll(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        synchronized (lock) {
            try {
                if (folder != null && !statuses.isEmpty()) {
                    folder.deleteParts();
                    markUnrun("the comparison was interrupted");
                    writeRun("interrupted");
                    writeReport();
                }
                out.println();
                out.println("Interrupted" + (killed > 0 ? " (" + killed + " processes had to be killed)" : "")
                        + "; what finished is in " + (folder == null ? settings.out() : folder.path()));
            } catch (IOException | RuntimeException cannotWrite) {
                out.println("Interrupted; the results could not be completed: " + cannotWrite);
            }
            out.flush();
        }
        holding.close();
    }

    private void markUnrun(String reason) {
        statuses.replaceAll((cell, status) -> status.outcome() == CellOutcome.NOT_RUN
                ? new Status(CellOutcome.NOT_RUN, reason) : status);
    }

    private void writeRun(String status) throws IOException {
        List<RunRecord.Cell> cells = new ArrayList<>();
        statuses.forEach((cell, outcome) -> cells.add(new RunRecord.Cell(cell.workload(), cell.model(), cell.cores(),
                outcome.outcome(), outcome.reason(), cell.sizes())));
        folder.write(new RunRecord(status, settings.profile().id(), settings.describe(), settings.models(),
                settings.workloads(), settings.cores(), settings.sizes().written(), cells));
    }

    private Report writeReport() throws IOException {
        Source source = Source.labelled(List.of(Source.load(folder.jmhJson()))).getFirst();
        Report report = ReportBuilder.build(List.of(source), null);
        ReportWriter.write(report, folder.path());
        return report;
    }

    private Environment environment() {
        List<String> forkArgs = new ArrayList<>(List.of("-XX:ActiveProcessorCount=P", "-Djdk.virtualThreadScheduler.parallelism=P",
                "-Djdk.virtualThreadScheduler.maxPoolSize=P"));
        forkArgs.addAll(jmh.getJvmArgsPrepend().orElse(List.of()));
        forkArgs.addAll(jmh.getJvmArgs().orElse(List.of(BenchmarkDefaults.HEAP_MIN, BenchmarkDefaults.HEAP_MAX)));
        forkArgs.addAll(jmh.getJvmArgsAppend().orElse(List.of()));
        return EnvironmentProbe.capture(holding.describe(), forkArgs);
    }

    private void printHeader() {
        out.println("bench compare, " + settings.profile().id() + ": " + settings.describe());
        out.println("  models:    " + String.join(", ", settings.models()));
        out.println("  workloads: " + settings.sizes().written().entrySet().stream()
                .map(entry -> entry.getKey() + entry.getValue()).collect(Collectors.joining(", ")));
        List<String> changed = CatalogSizes.offTheCatalog(settings.sizes().written());
        if (!changed.isEmpty()) {
            out.println("  sizes:     " + String.join(", ", changed));
        }
        out.println("  cores:     P = " + settings.cores().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ", each fork held by " + holding.describe());
        CoresWarning.of(settings.cores(), holding.processors()).forEach(warning -> out.println("  warning:   " + warning));
        if (!settings.pythonModels().isEmpty()) {
            out.println("  python:    " + Python.find().describe() + ", through the suite's Python harness (outside JMH),"
                    + " each fork held to P cores by os.sched_setaffinity"
                    + (pythonSizes().isEmpty() ? "" : "; its own sizes: " + String.join(", ", pythonSizes())));
        }
        out.println("  output:    " + folder.path() + " (JMH's own output: " + ResultsFolder.JMH_LOG + ")");
        out.flush();
    }

    /** The Python cells' sizes that differ from the Java cells'. */
    private List<String> pythonSizes() {
        List<String> java = CatalogSizes.offTheCatalog(settings.sizes().written());
        return CatalogSizes.offTheCatalog(settings.pythonSizes().written()).stream().filter(size -> !java.contains(size))
                .toList();
    }

    private record Pair(String workload, String model, String reason) {
    }

    private void printNotApplicable(Plan plan) {
        Map<Pair, TreeSet<Integer>> byPair = new LinkedHashMap<>();
        plan.notApplicable().forEach((cell, reason) -> byPair.computeIfAbsent(new Pair(
                cell.workload() + (cell.variant().isEmpty() ? "" : ", " + cell.variant()), cell.model(), reason),
                ignored -> new TreeSet<>()).add(cell.cores()));
        byPair.forEach((pair, cores) -> out.println("  n/a:       " + pair.workload() + ": " + pair.model() + " at P = "
                + cores.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ": " + pair.reason()));
        out.println("Measuring " + plan.toMeasure().size() + " cells, each its own JMH run ("
                + Progress.duration(plan.toMeasure().size() * settings.profile().plannedSeconds(jmh))
                + " if every operation fits in an iteration; slow operations take longer)");
        out.flush();
    }

    /** Forks end when JMH is done with them; this only guards against a worker left by a broken model. */
    private void endLeftoverProcesses() {
        List<String> alive = ChildProcesses.alive();
        if (!alive.isEmpty()) {
            out.println("warning: processes left behind by the forks, now ended: " + alive);
            ChildProcesses.endAll(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it ends the run
        }
    }
}
