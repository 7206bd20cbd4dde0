package org.concurrencybench.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 */
public record Measurement(String benchmark, String workload, Map<String, String> sizes, String model, int cores,
                          String mode, double score, double error, String unit) {

    public Measurement {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
    }

    public boolean hasErrorEstimate() {
        return Double.isFinite(error);
    }

    /** Whether a smaller score is better: every JMH mode but throughput measures time. */
    public boolean lowerIsBetter() {
        return !"thrpt".equals(mode);
    }
}
