package org.concurrencybench.benchmarks.footprint;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Optional;
import org.concurrencybench.benchmarks.common.CellOutcome;

/**
 * What one measuring JVM found, sent to the command as one line of its standard output
 * ({@value #PREFIX} and JSON), so that whatever else a model prints cannot be mistaken for it.
 *
 * @param tasks         N, the tasks the JVM was asked to hold alive at once; 0 for the baseline
 * @param outcome       measured, n/a (the model cannot hold N tasks at once) or failed
 * @param reason        why not measured; null when measured
 * @param held          the tasks alive at once when measured or given up
 * @param memory        the memory in use while the tasks were alive; null when not measured
 * @param secondsToHold from the start of the run until every task was alive
 * @param warmUp        how the JVM was readied before it was measured
 */
record ChildReport(String model, int tasks, CellOutcome outcome, String reason, int held, MemoryUse memory,
                   double secondsToHold, Readied warmUp, JvmSettings jvm) {

    /**
     * @param units        units the {@link WarmUp} ran
     * @param peakFromHere whether the peak resident sets count from the end of the warm-up
     *                     (else from each process's start)
     */
    record Readied(long units, boolean peakFromHere) {
    }

    static final String PREFIX = "footprint-report ";

    private static final Gson GSON = new Gson();

    static ChildReport measured(String model, int tasks, MemoryUse memory, double secondsToHold, Readied warmUp,
                                JvmSettings jvm) {
        return new ChildReport(model, tasks, CellOutcome.MEASURED, null, tasks, memory, secondsToHold, warmUp, jvm);
    }

    static ChildReport notMeasured(String model, int tasks, CellOutcome outcome, String reason, int held, Readied warmUp,
                                   JvmSettings jvm) {
        return new ChildReport(model, tasks, outcome, reason, held, null, 0, warmUp, jvm);
    }

    String toLine() {
        return PREFIX + GSON.toJson(this);
    }

    /** The report a line carries; empty for any other line. */
    static Optional<ChildReport> fromLine(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GSON.fromJson(line.substring(PREFIX.length()), ChildReport.class));
        } catch (JsonParseException garbled) {
            return Optional.empty();
        }
    }
}
