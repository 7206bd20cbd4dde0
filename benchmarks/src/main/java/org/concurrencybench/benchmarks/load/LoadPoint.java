package org.concurrencybench.benchmarks.load;

import java.util.Map;

/**
 * One model at one P and one offered rate: what the generator saw (latencies in ms from each
 * request's intended start, errors by kind) and what the server JVM spent.
 *
 * @param completed             requests of the measured period answered correctly
 * @param errors                failed requests by kind ({@link Failure} keys, {@code status <code>} for statuses)
 * @param cpuMicrosPerRequest   the server JVM's CPU time (user and system) over the measured period per completed
 *                              request; null when it could not be read
 * @param peakRssBytes          the server JVM's peak resident set (VmHWM) after the run; null when unread
 * @param withinSlo             the objective's percentile within its limit
 * @param sustained             within the objective, no errors, and at least {@link LoadSweep#SUSTAINED_SHARE} of the
 *                              offered rate achieved
 * @param generatorBound        offered above half the generator's own capacity: the figure may be the generator's
 * @param hgrm                  the file of the corrected latency distribution, beside load.json
 */
public record LoadPoint(String model, int cores, double offeredRate, double achievedRate, long completed, double p50Ms,
                        double p90Ms, double p99Ms, double p999Ms, double maxMs, long errorCount,
                        Map<String, Long> errors, Double cpuMicrosPerRequest, Long peakRssBytes, boolean withinSlo,
                        boolean sustained, boolean generatorBound, String hgrm) {

    public LoadPoint {
        errors = Map.copyOf(errors);
    }
}
