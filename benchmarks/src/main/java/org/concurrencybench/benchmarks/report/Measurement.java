package org.concurrencybench.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One JMH result: a model at P cores on a workload of given sizes, its score and error.
 *
 * @param workload   the catalog id, such as {@code cpu}
 * @param sizes      the workload's size parameters as JMH recorded them, in catalog order
 * @param model      the model id, or {@code baseline} for the plain loop
 * @param cores      P
 * @param mode       JMH's mode: {@code avgt}, {@code thrpt}, {@code sample} or {@code ss}
 * @param error      the half-width of the 99.9% confidence interval; NaN when JMH had too few
 *                   iterations to estimate it
 * @param jdk        the version of the JDK the fork ran on, as JMH recorded it; null if it did not
 * @param interpreter for a figure measured outside JMH by the suite's Python harness, the
 *                   interpreter that ran it, such as {@code CPython 3.11.7}; null for JMH's
 */
public record Measurement(String benchmark, String workload, Map<String, String> sizes, String model, int cores,
                          String mode, double score, double error, String unit, String jdk, String interpreter) {

    public Measurement {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    /** A measurement by JMH. */
    public Measurement(String benchmark, String workload, Map<String, String> sizes, String model, int cores,
                       String mode, double score, double error, String unit, String jdk) {
        this(benchmark, workload, sizes, model, cores, mode, score, error, unit, jdk, null);
    }

    /** A measurement by JMH whose JDK is not known. */
    public Measurement(String benchmark, String workload, Map<String, String> sizes, String model, int cores,
                       String mode, double score, double error, String unit) {
        this(benchmark, workload, sizes, model, cores, mode, score, error, unit, null, null);
    }

    /** Whether the suite's Python harness measured it, outside JMH. */
    public boolean outsideJmh() {
        return interpreter != null;
    }

    public boolean hasErrorEstimate() {
        return Double.isFinite(error);
    }

    /**
     * The score in milliseconds per operation, if it is a time per operation ({@code ms/op},
     * {@code us/op} and the like, JMH's units for every mode but throughput); empty otherwise.
     */
    public OptionalDouble millisPerOperation() {
        double perMilli = switch (unit) {
            case "s/op" -> 1_000;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> Double.NaN;
        };
        return Double.isNaN(perMilli) ? OptionalDouble.empty() : OptionalDouble.of(score * perMilli);
    }

    /** The error in milliseconds per operation, as {@link #millisPerOperation()} converts the score. */
    public double errorMillis() {
        OptionalDouble millis = millisPerOperation();
        return millis.isPresent() && score != 0 ? error * millis.getAsDouble() / score : Double.NaN;
    }

    /** Whether a smaller score is better: every JMH mode but throughput measures time. */
    public boolean lowerIsBetter() {
        return !"thrpt".equals(mode);
    }
}
