package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.core.WorkloadSizes;

/**
 * io's floor as the figures show it. Every request waits delayMs at the server, so what the
 * fastest model needs beyond that one wait is, at best, what its connections cost: connecting,
 * accepting, writing, reading and closing, on the client's side and the server's one thread.
 * Divided by the units it is the cost of one connection at that P, an upper bound on the CPU
 * each takes; with so few cores that CPU, not the wait, is the floor every model meets.
 */
final class IoFloor {

    private IoFloor() {
    }

    static List<String> of(WorkloadTable table, List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        long units = WorkloadSizes.number(table.sizes().get("units")).orElse(-1);
        long delay = WorkloadSizes.number(table.sizes().get("delayMs")).orElse(-1);
        if (!table.workload().equals("io") || units <= 0 || delay < 0) {
            return sentences;
        }
        for (Source source : sources) {
            List<String> parts = new ArrayList<>();
            for (int cores : table.cores()) {
                fastest(table, source, cores).ifPresent(best -> {
                    double millis = best.millisPerOperation().getAsDouble();
                    double beyond = millis - delay;
                    parts.add(beyond <= 0
                            ? "at P = " + cores + ", " + best.model() + " took " + Figures.number(millis)
                                    + " ms, no measurable time beyond the wait"
                            : "at P = " + cores + ", " + best.model() + " took " + Figures.number(millis) + " ms, "
                                    + Figures.number(beyond) + " ms beyond the wait, "
                                    + Figures.number(beyond * 1_000 / units) + " µs per connection");
                });
            }
            if (!parts.isEmpty()) {
                sentences.add((sources.size() > 1 ? source.label() + ": " : "") + "Measured floor, the fastest model's"
                        + " time beyond the " + delay + " ms wait for its " + Figures.grouped(units) + " connections: "
                        + String.join("; ", parts) + ". That is, at most, what a connection costs at that P, on the"
                        + " client's side and the server's one thread together; with few cores it, not the wait,"
                        + " bounds every model.");
            }
        }
        return sentences;
    }

    private static Optional<Measurement> fastest(WorkloadTable table, Source source, int cores) {
        return table.rows().stream().filter(row -> row.source() == source && !row.isBaseline())
                .map(row -> row.at(cores)).filter(measurement -> measurement != null
                        && measurement.millisPerOperation().isPresent())
                .min(Comparator.comparingDouble(measurement -> measurement.millisPerOperation().getAsDouble()));
    }
}
