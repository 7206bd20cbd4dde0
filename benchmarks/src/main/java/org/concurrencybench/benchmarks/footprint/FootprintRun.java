package org.concurrencybench.benchmarks.footprint;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.bare.BareTwin;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.report.ReportWriter;
import org.concurrencybench.benchmarks.report.TextRenderer;

/**
 * One run of {@code bench footprint}: for every model, a baseline JVM with no tasks and then one
 * JVM per N, one after another; footprint.json after every record, then the table, the chart and
 * footprint.md. Ctrl-C ends the measuring JVM and its workers from a shutdown hook, which writes
 * what finished; whichever of the two ends the run does so under one lock, so the files are
 * written once and never half.
 */
public final class FootprintRun {

    /**
     * The heap of every measuring JVM, the same for every model and N so that they compare. A
     * million parked virtual threads hold 0.9 to 1 GB of live heap (measured on JDK 25: a
     * 368-byte stack chunk, the thread, its continuation, its sleep timer, its future); they fit
     * in 1.2 GB, with the collector running hard, and 2 GB gives it the usual twice the live
     * data. The heap is a choice that shows in the peak RSS figures: the collector lets garbage
     * fill more of a larger heap before it collects. The collector is G1 whatever the machine:
     * a JVM that sees one processor would otherwise pick the Serial collector.
     */
    public static final List<String> CHILD_OPTIONS = List.of("-Xmx2g", "-XX:+UseG1GC");

    /**
     * What to measure.
     *
     * @param twins whether each model that holds a task in a thread or a timer of its own is
     *              followed by its bare twin ({@link BareTwin#memory()}), at the N the model held
     */
    public record Settings(List<String> models, List<Integer> tasks, Path out, boolean twins) {

        public Settings {
            models = List.copyOf(models);
            tasks = List.copyOf(tasks);
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final ChildJvms children;
    private final Object lock = new Object();
    private final List<FootprintRecord> records = new ArrayList<>();
    private FootprintEnvironment environment;
    private boolean ended;

    public FootprintRun(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
        this.children = new ChildJvms(CHILD_OPTIONS);
    }

    /** Measures every model at every N; returns OK when each was measured or is n/a, FAILED when one failed. */
    public ExitCode run() throws IOException, InterruptedException {
        FootprintFiles.checkFree(settings.out());
        // now, while it can: drawing the chart after Ctrl-C needs graphics that register shutdown hooks when first used
        ReportWriter.prepareGraphics();
        environment = FootprintEnvironment.capture(CHILD_OPTIONS);
        Thread interruption = new Thread(this::interrupted, "bench-footprint-interrupted");
        Runtime.getRuntime().addShutdownHook(interruption);
        try {
            synchronized (lock) {
                FootprintFiles.writeJson(settings.out(), results("running"));
            }
            printHeader();
            for (String model : settings.models()) {
                if (!measure(model, settings.tasks()) || !measureTwin(model)) {
                    return ExitCode.FAILED;
                }
            }
            FootprintResults results;
            synchronized (lock) {
                if (ended) {
                    return ExitCode.FAILED;
                }
                ended = true;
                results = results("complete");
                FootprintFiles.writeAll(settings.out(), results);
            }
            printSummary(results);
            return results.records().stream().anyMatch(record -> record.outcome() == CellOutcome.FAILED)
                    ? ExitCode.FAILED : ExitCode.OK;
        } finally {
            removeHook(interruption);
        }
    }

    /**
     * The bare twin of {@code model}, if it has one and twins are asked for, at every N the model
     * was measured at; returns false when the run was ended meanwhile.
     */
    private boolean measureTwin(String model) throws IOException, InterruptedException {
        Optional<BareTwin> twin = BareTwin.of(model).filter(bare -> settings.twins() && bare.memory().isPresent());
        if (twin.isEmpty()) {
            return true;
        }
        List<Integer> held;
        synchronized (lock) {
            held = settings.tasks().stream().filter(tasks -> records.stream().anyMatch(record -> record.model().equals(model)
                    && record.tasks() == tasks && record.outcome() == CellOutcome.MEASURED)).toList();
        }
        return held.isEmpty() || measure(twin.get().id(), held);
    }

    /**
     * The baseline of {@code model} (a model or a bare twin), then every N of {@code counts} in
     * ascending order; returns false when the run was ended meanwhile. Without a baseline there is nothing to subtract, so no N is started;
     * and a model that held only K tasks at once, short of some N, is not started for a larger
     * one: a pool of P threads holds P whatever the number queued.
     */
    private boolean measure(String model, List<Integer> counts) throws IOException, InterruptedException {
        long started = System.nanoTime();
        ChildJvms.Ending baselineEnding = children.run(model, 0);
        ChildReport baseline = baselineEnding.report().orElseGet(() ->
                ChildReport.notMeasured(model, 0, CellOutcome.FAILED, baselineEnding.problem(), 0, null, null));
        if (!progress(model, 0, started, describeBaseline(baseline), warning(baselineEnding))) {
            return false;
        }
        ChildReport heldShort = null;
        for (int tasks : counts) {
            started = System.nanoTime();
            FootprintRecord record;
            String warning = null;
            if (baseline.outcome() != CellOutcome.MEASURED) {
                record = FootprintRecord.notMeasured(model, tasks, CellOutcome.FAILED,
                        "the baseline (no tasks) failed: " + baseline.reason());
            } else if (heldShort != null) {
                record = FootprintRecord.notMeasured(model, tasks, CellOutcome.NOT_APPLICABLE, String.format(
                        "held only %,d tasks at once at N = %,d, so not %,d either (not started)", heldShort.held(),
                        heldShort.tasks(), tasks));
            } else {
                ChildJvms.Ending ending = children.run(model, tasks);
                record = ending.report().map(report -> FootprintRecord.of(report, baseline))
                        .orElseGet(() -> FootprintRecord.notMeasured(model, tasks, CellOutcome.FAILED, ending.problem()));
                warning = warning(ending);
                heldShort = ending.report().filter(FootprintRun::heldShort).orElse(null);
            }
            synchronized (lock) {
                if (ended) {
                    return false;
                }
                records.add(record);
                if (environment.childJvm() == null && baseline.jvm() != null) {
                    environment = environment.withChildJvm(baseline.jvm());
                }
                FootprintFiles.writeJson(settings.out(), results("running"));
            }
            if (!progress(model, tasks, started, describe(record), warning)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the model held some tasks, but fewer than asked, and could not be made to hold more. */
    private static boolean heldShort(ChildReport report) {
        return report.outcome() == CellOutcome.NOT_APPLICABLE && report.held() > 0 && report.held() < report.tasks();
    }

    /** A JVM that measured but then did not exit cleanly (its model did not cancel in time); null if none. */
    private static String warning(ChildJvms.Ending ending) {
        boolean measuredButUnclean = ending.exitCode() != ExitCode.OK.code()
                && ending.report().filter(report -> report.outcome() != CellOutcome.FAILED).isPresent();
        return measuredButUnclean ? ending.problem().replace(" and no report", "") : null;
    }

    private static String describeBaseline(ChildReport baseline) {
        if (baseline.outcome() != CellOutcome.MEASURED) {
            return baseline.outcome().label() + ": " + baseline.reason();
        }
        return "peak RSS " + megabytes(baseline.memory().peakRssBytes()) + ", heap " + megabytes(baseline.memory().heapUsedBytes());
    }

    private boolean progress(String model, int tasks, long started, String what, String warning) {
        synchronized (lock) {
            if (ended) {
                return false;
            }
            String seconds = String.format("%.1f s", (System.nanoTime() - started) / 1e9);
            out.printf("  %-20s %-9s %s (%s)%n", model, tasks == 0 ? "baseline" : String.format("%,d", tasks), what, seconds);
            if (warning != null) {
                out.println("    warning: " + warning);
            }
            out.flush();
            return true;
        }
    }

    private static String describe(FootprintRecord record) {
        if (record.outcome() != CellOutcome.MEASURED) {
            return record.outcome().label() + ": " + record.reason();
        }
        return "peak RSS " + perTask(record.rssBytesPerTask()) + ", heap " + perTask(record.heapBytesPerTask());
    }

    private static String perTask(Long bytes) {
        return bytes == null ? "-" : String.format("%,d bytes/task", bytes);
    }

    private static String megabytes(Long bytes) {
        return bytes == null ? "-" : String.format("%,.1f MB", bytes / 1048576.0);
    }

    private FootprintResults results(String status) {
        return new FootprintResults(status, settings.models(), settings.tasks(), TaskHold.HOLD_MS, environment, records);
    }

    private void printHeader() {
        out.println("bench footprint: " + String.join(", ", settings.models()) + " at N = "
                + settings.tasks().stream().map(tasks -> String.format("%,d", tasks)).collect(Collectors.joining(", ")));
        out.println("  each model and N in a JVM of its own (java " + String.join(" ", CHILD_OPTIONS) + ", P = "
                + environment.parallelism() + "), after a baseline JVM with no tasks");
        out.println("  output: " + settings.out());
        out.flush();
    }

    private void printSummary(FootprintResults results) {
        Optional<String> chart = Optional.of(FootprintDocument.CHART_FILE)
                .filter(file -> settings.out().resolve(file).toFile().isFile());
        out.println();
        out.print(TextRenderer.tables(FootprintDocument.of(results, chart.isPresent())));
        results.records().stream().filter(record -> record.outcome() != CellOutcome.MEASURED)
                .forEach(record -> out.println("  " + record.outcome().label() + ": " + record.model() + " at N = "
                        + String.format("%,d", record.tasks()) + ": " + record.reason()));
        if (results.environment().childJvm() != null) {
            out.println("Measuring JVMs: " + results.environment().childJvm().describe());
        }
        out.println("Results: " + settings.out().resolve(FootprintFiles.MARKDOWN) + " (and " + FootprintResults.FILE_NAME
                + chart.map(file -> ", " + file).orElse("") + ")");
        out.flush();
    }

    /** The shutdown hook: Ctrl-C or a kill ends the measuring JVM and writes what finished. */
    private void interrupted() {
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
        }
        children.stop();
        synchronized (lock) {
            try {
                FootprintFiles.writeAll(settings.out(), results("interrupted"));
                out.println();
                out.println("Interrupted; what finished is in " + settings.out());
            } catch (IOException | RuntimeException cannotWrite) {
                out.println("Interrupted; the results could not be completed: " + cannotWrite);
            }
            out.flush();
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
