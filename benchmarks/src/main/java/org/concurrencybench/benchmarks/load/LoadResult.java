package org.concurrencybench.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one run measured; the warm-up's requests are left out of everything but
 * {@code warmupScheduled}.
 *
 * <ul>
 *   <li>{@code scheduled}: requests whose intended start fell in the measured period;
 *       {@code scheduled = completed + errors.total()}, so none is dropped.</li>
 *   <li>{@code sent}: those given a connection ({@code scheduled - errors.timedOutUnsent}).</li>
 *   <li>{@code completed}: answered with status 200 and the expected body.</li>
 *   <li>{@code achievedRate}: correct answers that arrived within the measured period, per
 *       second of it: the rate the server sustained, whichever phase a request belonged to.</li>
 *   <li>{@code corrected}: latency from each request's intended start to the last byte of its
 *       response (open-loop, coordinated omission corrected); {@code uncorrected}: from the moment
 *       it was written, as a closed-loop tool would measure. Both hold every request answered by a
 *       complete response (whatever its status or body) and every timed-out request, at the time
 *       it had waited when it was given up (in {@code uncorrected} only if it had been written).
 *       Leaving time-outs out would drop the slowest requests exactly when the server is worst,
 *       the very omission the correction is there to avoid. Requests that failed on their
 *       connection (refused, reset, closed, malformed) have no answer time and are only counted.</li>
 *   <li>{@code reconnects}: connections opened again for a measured request after the server
 *       closed one (Connection: close, end of stream), an error or a time-out.</li>
 *   <li>{@code generatorCpuMillis}: CPU time of the generator's own threads over the warm-up,
 *       the measured period and the drain.</li>
 * </ul>
 *
 * <p>The histograms are in microseconds; treat them as read-only.
 */
public record LoadResult(LoadSettings settings, long scheduled, long sent, long completed, double achievedRate,
                         LoadErrors errors, long reconnects, LatencySummary corrected, LatencySummary uncorrected,
                         Histogram correctedHistogram, Histogram uncorrectedHistogram, long warmupScheduled,
                         double generatorCpuMillis) {

    public double offeredRate() {
        return settings.rate();
    }

    /** HdrHistogram's percentile distribution of the corrected latencies, in milliseconds. */
    public String correctedHgrm() {
        return Latencies.hgrm(correctedHistogram);
    }

    /** HdrHistogram's percentile distribution of the uncorrected latencies, in milliseconds. */
    public String uncorrectedHgrm() {
        return Latencies.hgrm(uncorrectedHistogram);
    }
}
