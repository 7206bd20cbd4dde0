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
import org.concurrencybench.benchmarks.bare.BareBenchmark;
import org.concurrencybench.benchmarks.bare.BareTwin;
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
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * One run of {@code bench compare}: every cell of the plan through JMH, one after another,
 * each cell's results added to jmh.json as soon as it finishes; then the report.
 *
 * <p>A failed cell is marked failed with its reason, one line (for a worker process that died:
 * its pid, exit code and the end of its stderr), and the comparison goes on with the next cell;
 * the report lists the failed cells with their reasons, and the run ends with exit code 1. JMH's
 * failOnError applies within a cell: a wrong answer or a failed run fails the cell, never leaves
 * a gap in it. When JMH refuses to run at all (another JMH run holds its lock), every cell would
 * fail alike, so the comparison stops there and marks the rest not run.
 *
 * <p>Ctrl-C stops everything from a shutdown hook: it ends JMH's forks and their worker
 * processes, keeps what finished, marks the rest not run and writes the report. The main thread
 * and the hook finish the run under one lock, so the files are written once, by one of them, and
 * never half.
 */
public final class Comparison {

    /** The file of JMH's results in a comparison's folder. */
    public static final String JMH_JSON = ResultsFolder.JMH_JSON;

    /** The grace a fork gets to close its model and workers when the comparison is interrupted. */
    private static final long STOP_GRACE_SECONDS = 10;

    /**
     * What to compare and how.
     *
     * @param sizes        each workload's sizes, as {@link Profile#sizesOf} reads them
     * @param jmhArguments JMH options from {@code --jmh}, as typed; null for none
     * @param twins        whether each model's cell that has a bare twin is followed by the twin's
     * @param defaultSet   whether the models are the profile's own choice, not named with --models:
     *                     the Python models then run only the default run's small set, and a model
     *                     the profile measures {@link Profile#onlyWithPayload only with a payload}
     *                     only the cells that carry one
     */
    public record Settings(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                           Profile profile, Path out, String jmhArguments, boolean twins, WorkloadSizes pythonSizes,
                           boolean defaultSet) {

        /** Settings without the bare twins, whose Python models, if any, run every workload at every P at the run's sizes. */
        public Settings(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                        Profile profile, Path out, String jmhArguments) {
            this(models, workloads, cores, sizes, profile, out, jmhArguments, false, sizes, false);
        }

        /** Settings whose Python models, if any, run every workload at every P at the run's sizes. */
        public Settings(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                        Profile profile, Path out, String jmhArguments, boolean twins) {
            this(models, workloads, cores, sizes, profile, out, jmhArguments, twins, sizes, false);
        }

        /** The Java models, measured by JMH. */
        List<String> javaModels() {
            return models.stream().filter(model -> !PythonModels.has(model)).toList();
        }

        /**
         * The Java models the profile measures only where a unit carries a payload: none when the
         * models were named with --models.
         */
        List<String> onlyWithPayload() {
            return defaultSet ? profile.onlyWithPayload(javaModels()) : List.of();
        }

        /** The Python models, measured by the Python harness. */
        List<String> pythonModels() {
            return models.stream().filter(PythonModels::has).toList();
        }

        /**
         * The profile's settings in words, the models it left out (when the models are the ones it
         * picks, not a list given with --models), what the Python models run, the JMH options that
         * override them, and whether the bare twins run.
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
            List<String> onlyWithPayload = onlyWithPayload();
            Rounds rounds = Rounds.of(profile, JmhArguments.parse(jmhArguments));
            return profile.describe(workloads())
                    + (rounds.count() > 1 ? ", in " + rounds.count() + " rounds of one fork of every cell each" : "")
                    + (leftOut.isEmpty() ? "" : "; " + String.join(", ", leftOut) + " left out (" + profile.id()
                            + "; name it with --models to measure it)")
                    + (onlyWithPayload.isEmpty() ? "" : "; " + String.join(", ", onlyWithPayload)
                            + " only where a unit carries a payload (" + profile.id() + "; elsewhere it runs as the"
                            + " model it varies; name it with --models to measure it everywhere)")
                    + (pythonModels().isEmpty() ? "" : defaultSet ? "; the Python models on "
                            + String.join(", ", PythonModels.DEFAULT_WORKLOADS) + " at P = "
                            + PythonModels.DEFAULT_CORES.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " (name them with --models for every workload and P)" : "")
                    + (jmhArguments == null || jmhArguments.isBlank() ? "" : "; with JMH options " + jmhArguments.strip())
                    + (twins ? "; each model's bare twin measured after it where it has one" : "");
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
    /** Set by the shutdown hook when it ends the run. */
    private boolean interrupted;
    private ResultsFolder folder;
    private CoreHolding holding;
    private ForkClassArchive archive;
    private PythonHarness python;

    public Comparison(Settings settings, PrintWriter out, Limits limits) {
        this.settings = settings;
        this.out = out;
        this.limits = limits;
        this.jmh = JmhArguments.parse(settings.jmhArguments());
    }

    /**
     * Runs the comparison; returns OK when every cell was measured or is n/a, FAILED when one
     * failed or the run was interrupted ({@link #wasInterrupted()} tells the two apart).
     */
    public ExitCode run() throws IOException {
        holding = CoreHolding.detect();
        archive = ForkClassArchive.forThisJvm(jmh.getJvm().hasValue());
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
            List<Cell> failed = measure(plan);
            Report report;
            synchronized (lock) {
                if (ended) {
                    return ExitCode.FAILED;
                }
                ended = true;
                writeRun(failed.isEmpty() ? "complete" : "failed");
                report = writeReport();
            }
            removeHook(interruption);
            out.print(TextRenderer.tables(report.document(), ReportBuilder.SUMMARY));
            out.println();
            printFailures(failed, plan.toMeasure().size());
            out.println("Report: " + folder.path().resolve(ReportWriter.MARKDOWN) + " (and " + ReportWriter.HTML + ", "
                    + ReportWriter.charts(report.charts().size()) + "); JMH's results: " + folder.jmhJson());
            endLeftoverProcesses();
            return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            removeHook(interruption);
            if (python != null) {
                python.close();
            }
        }
    }

    /** Whether Ctrl-C (or a kill) ended the run: then nothing should follow it. */
    public boolean wasInterrupted() {
        synchronized (lock) {
            return interrupted;
        }
    }

    /**
     * The Java models' cells (with their bare twins) and the Python models', workload by workload;
     * a model the profile measures only with a payload keeps only the cells that carry one.
     */
    private Plan plan() {
        List<String> onlyWithPayload = settings.onlyWithPayload();
        Plan java = Plan.of(settings.javaModels(), settings.workloads(), settings.cores(), settings.sizes(), limits,
                settings.twins()).without(cell -> onlyWithPayload.contains(cell.model())
                        && !Profile.carriesPayload(cell.sizes()));
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
                settings.pythonSizes(), settings.defaultSet(), pythonLimits, settings.javaModels(), settings.sizes(),
                limits), settings.workloads());
    }

    /**
     * Measures the plan's cells in order, going on past a cell that fails; returns the cells that
     * failed. Stops when the shutdown hook ended the run, which then writes the files itself.
     */
    private List<Cell> measure(Plan plan) throws IOException {
        List<Cell> failed = new ArrayList<>();
        Rounds rounds = Rounds.of(settings.profile(), jmh);
        List<Cell> cells = plan.toMeasure();
        Progress progress = new Progress(out, cells.size() * rounds.count(),
                plannedSeconds(cells) / Math.max(1, cells.size()) / rounds.count());
        Map<Cell, List<Path>> parts = new LinkedHashMap<>();
        try (PrintStream log = new PrintStream(new FileOutputStream(folder.log().toFile(), true), true, StandardCharsets.UTF_8)) {
            CellRunner runner = new CellRunner(settings.profile(), jmh, holding, archive, log);
            PythonCellRunner pythonRunner = python == null ? null : new PythonCellRunner(python, settings.profile(), jmh, log);
            int index = 0;
            for (int round = 0; round < rounds.count(); round++) {
                for (Cell cell : rounds.order(cells, round)) {
                    synchronized (lock) {
                        if (ended) {
                            return failed;
                        }
                    }
                    index++;
                    // the Python harness runs all of a cell's forks at once, in the first round
                    boolean pythonCell = PythonModels.has(cell.model());
                    if (failed.contains(cell) || (pythonCell && round > 0)) {
                        progress.skipped();
                        continue;
                    }
                    progress.starting(index, cell, rounds.describe(round));
                    long started = System.nanoTime();
                    long logStart = Files.size(folder.log());
                    Path part = folder.partFile(index);
                    try {
                        Collection<RunResult> results = List.of();
                        Measurement measured = null;
                        if (pythonCell) {
                            measured = pythonRunner.run(cell, part);
                        } else {
                            results = runner.run(cell, part, rounds.forksEach());
                        }
                        List<Path> done = parts.computeIfAbsent(cell, ignored -> new ArrayList<>());
                        done.add(part);
                        synchronized (lock) {
                            if (ended) {
                                return failed;
                            }
                            if (pythonCell || round == rounds.count() - 1) {
                                folder.addParts(done);
                                statuses.put(cell, new Status(CellOutcome.MEASURED, null));
                                writeRun("running");
                            }
                        }
                        if (measured != null) {
                            progress.finished(measured, System.nanoTime() - started);
                        } else {
                            progress.finished(results, System.nanoTime() - started);
                        }
                    } catch (RunnerException | RuntimeException failure) {
                        log.flush();
                        String reason = FailureReason.of(failure, logSince(logStart));
                        boolean refused = jmhRefused(failure);
                        synchronized (lock) {
                            if (ended) {
                                return failed;
                            }
                            statuses.put(cell, new Status(CellOutcome.FAILED, reason));
                            if (refused) {
                                markUnrun("the comparison stopped when JMH refused to run " + cell.describe());
                                folder.deleteParts();
                            } else {
                                Files.deleteIfExists(part);
                                for (Path earlier : parts.getOrDefault(cell, List.of())) {
                                    Files.deleteIfExists(earlier);
                                }
                            }
                            writeRun("running");
                        }
                        failed.add(cell);
                        progress.failed(reason, folder.log());
                        if (refused) {
                            out.println("      JMH refused to run the cell at all, as it would every other: the comparison stops");
                            out.flush();
                            return failed;
                        }
                        // a fork that died may leave its workers running, which would disturb the cells after it
                        endLeftoverProcesses();
                    }
                }
            }
        }
        return failed;
    }


    /**
     * Whether JMH refused to run anything rather than a cell failing: its lock is held by another
     * JMH run, or it cannot write a file it needs. What a fork threw, or a fork's death, comes
     * wrapped in a {@link BenchmarkException}; JMH's own refusals come without one.
     */
    static boolean jmhRefused(Exception failure) {
        return failure instanceof RunnerException && !(failure.getCause() instanceof BenchmarkException);
    }

    /** After the tables: each failed cell with its reason, so that the console ends on what needs attention. */
    private void printFailures(List<Cell> failed, int measured) {
        if (failed.isEmpty()) {
            return;
        }
        out.println(failed.size() + " of " + measured + " cells failed:");
        synchronized (lock) {
            failed.forEach(cell -> out.println("  " + cell.describe() + ": " + statuses.get(cell).reason()));
        }
        out.println();
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
            interrupted = true;
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
        forkArgs.addAll(archive.jvmArgs());
        forkArgs.addAll(jmh.getJvmArgsPrepend().orElse(List.of()));
        forkArgs.addAll(jmh.getJvmArgs().orElse(BenchmarkDefaults.JVM_ARGS));
        forkArgs.addAll(jmh.getJvmArgsAppend().orElse(List.of()));
        return EnvironmentProbe.capture(holding.describe(), forkArgs);
    }

    private void printHeader() {
        out.println("bench compare, " + settings.profile().id() + ": " + settings.describe());
        out.println("  models:    " + String.join(", ", settings.models()));
        if (settings.twins()) {
            List<String> twins = settings.models().stream().flatMap(model -> BareTwin.of(model).stream()).map(BareTwin::id)
                    .toList();
            List<String> twinned = settings.workloads().stream().filter(workload -> BareBenchmark.of(workload).isPresent())
                    .toList();
            out.println("  twins:     " + (twins.isEmpty() || twinned.isEmpty() ? "none: no selected model has a bare twin on"
                    + " a selected workload" : String.join(", ", twins) + ", each after its model on "
                    + String.join(", ", twinned)));
        }
        out.println("  workloads: " + settings.sizes().written().entrySet().stream()
                .map(entry -> entry.getKey() + entry.getValue()).collect(Collectors.joining(", ")));
        List<String> changed = CatalogSizes.offTheCatalog(settings.sizes().written());
        if (!changed.isEmpty()) {
            out.println("  sizes:     " + String.join(", ", changed));
        }
        out.println("  cores:     P = " + settings.cores().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ", each fork held by " + holding.describe());
        CoresWarning.of(settings.cores(), holding.processors()).forEach(warning -> out.println("  warning:   " + warning));
        out.println("  classes:   forks map JMH's, the suite's and the models' classes from a class data archive: "
                + archive.describe());
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
                + Progress.duration(plannedSeconds(plan.toMeasure()))
                + " if every operation fits in an iteration; slow operations take longer)");
        out.flush();
    }

    /** Seconds {@code cells} take if every operation fits in an iteration. */
    private double plannedSeconds(List<Cell> cells) {
        return cells.stream().mapToDouble(cell -> settings.profile().plannedSeconds(jmh, cell.workload())).sum();
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
