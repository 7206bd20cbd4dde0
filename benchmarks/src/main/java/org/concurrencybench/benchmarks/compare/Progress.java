package org.concurrencybench.benchmarks.compare;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.concurrencybench.benchmarks.report.Measurement;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The comparison's progress on the console: which cell is measured, k of n, and about how long
 * the rest will take. The estimate starts from the profile's iteration times and is scaled by
 * how long the finished cells really took against that plan (a slow operation stretches every
 * iteration to its own length).
 */
final class Progress {

    private final PrintWriter out;
    private final int total;
    private final double plannedPerCell;
    private final long started = System.nanoTime();
    private int done;

    Progress(PrintWriter out, int total, double plannedPerCell) {
        this.out = out;
        this.total = total;
        this.plannedPerCell = plannedPerCell;
    }

    void starting(int index, Cell cell) {
        starting(index, cell, "");
    }

    /** @param round {@code fork 2 of 3} when the cells' forks run in rounds; empty otherwise */
    void starting(int index, Cell cell, String round) {
        String width = String.valueOf(total);
        String what = cell.describe() + (round.isEmpty() ? "" : ", " + round);
        out.printf(Locale.ROOT, "[%" + width.length() + "d/%s] %-40s %s%n", index, width, what, left(total - index + 1));
        out.flush();
    }

    /** A step not taken: the cell failed in an earlier round. */
    void skipped() {
        done++;
    }

    void finished(Collection<RunResult> results, long nanos) {
        done++;
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            double error = primary.getScoreError();
            out.printf(Locale.ROOT, "      %.3f %s%s, in %s%n", primary.getScore(), primary.getScoreUnit(),
                    Double.isFinite(error) ? String.format(Locale.ROOT, " ± %.3f", error) : " (no error estimate)",
                    duration(nanos / 1e9));
        }
        out.flush();
    }

    /** A cell that failed: why, in one line, and where JMH's output with the fork's stack trace is. */
    void failed(String reason, Path log) {
        done++;
        out.println("      FAILED: " + reason);
        out.println("      (JMH's output, with the fork's stack trace: " + log + ")");
        out.flush();
    }

    /** A cell measured by the Python harness: its record as the report reads it. */
    void finished(Measurement measured, long nanos) {
        done++;
        out.printf(Locale.ROOT, "      %.3f %s%s, in %s%n", measured.score(), measured.unit(),
                measured.hasErrorEstimate() ? String.format(Locale.ROOT, " ± %.3f", measured.error()) : " (no error estimate)",
                duration(nanos / 1e9));
        out.flush();
    }

    /** {@code about 4 min 10 s left}, from the plan scaled by how the finished cells went. */
    String left(int remaining) {
        double scale = 1;
        if (done > 0) {
            scale = elapsedSeconds() / (done * plannedPerCell);
        }
        return "about " + duration(remaining * plannedPerCell * scale) + " left";
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }
}
