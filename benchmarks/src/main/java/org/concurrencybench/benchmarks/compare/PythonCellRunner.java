package org.concurrencybench.benchmarks.compare;

import java.nio.file.Path;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.python.PythonHarness;
import org.concurrencybench.benchmarks.report.JmhResultsReader;
import org.concurrencybench.benchmarks.report.Measurement;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one Python {@link Cell} through the suite's Python harness instead of JMH, with the
 * forks, iterations and times a JMH cell of the run gets (the profile's, and those of
 * {@code --jmh} where it sets them). The harness writes its record, shaped like JMH's, to the
 * cell's result file and its progress to the comparison's log; a failure is its one line.
 */
final class PythonCellRunner {

    private final PythonHarness harness;
    private final Profile profile;
    private final Options extra;
    private final PrintStream log;

    PythonCellRunner(PythonHarness harness, Profile profile, Options extra, PrintStream log) {
        this.harness = harness;
        this.profile = profile;
        this.extra = extra;
        this.log = log;
    }

    /** The iterations of a JMH cell of this run on {@code workload}; a fork at least, since the harness always forks. */
    static PythonHarness.Settings settings(Profile profile, Options extra, String workload) {
        return new PythonHarness.Settings(Math.max(1, extra.getForkCount().orElse(profile.forks())),
                extra.getWarmupIterations().orElse(profile.warmupIterations(workload)),
                millis(extra.getWarmupTime().orElse(profile.warmupTime())),
                Math.max(1, extra.getMeasurementIterations().orElse(profile.measurementIterations())),
                millis(extra.getMeasurementTime().orElse(profile.measurementTime())));
    }

    /** Measures {@code cell}; its record goes to {@code resultFile}, and is returned as the report reads it. */
    Measurement run(Cell cell, Path resultFile) {
        log.println("# Python harness (" + harness.python().describe() + "): " + cell.describe());
        try {
            harness.measure(new PythonHarness.Cell(cell.model(), cell.workload(), cell.cores(), cell.sizes()),
                    settings(profile, extra, cell.workload()), resultFile, log);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(cell.describe() + ": interrupted", interrupted);
        }
        return JmhResultsReader.read(resultFile).getFirst();
    }

    private static long millis(TimeValue time) {
        return Math.max(1, time.convertTo(TimeUnit.MILLISECONDS));
    }
}
