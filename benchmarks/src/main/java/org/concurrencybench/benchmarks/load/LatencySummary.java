package org.concurrencybench.benchmarks.load;

import org.HdrHistogram.Histogram;

/** The percentiles a run is judged by, in milliseconds, and how many latencies they summarise. */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(),
                Latencies.millis(micros.getValueAtPercentile(50)),
                Latencies.millis(micros.getValueAtPercentile(90)),
                Latencies.millis(micros.getValueAtPercentile(99)),
                Latencies.millis(micros.getValueAtPercentile(99.9)),
                Latencies.millis(micros.getMaxValue()),
                micros.getMean() / Latencies.MICROS_PER_MS);
    }
}
