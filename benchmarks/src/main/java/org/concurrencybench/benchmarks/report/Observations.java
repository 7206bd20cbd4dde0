package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Sentences computed from a table's figures: who was fastest, who scaled best, what the harness costs. */
final class Observations {

    /** The harness-cost goal: thread-pool at P = 1 within this fraction of the plain loop. */
    static final double BASELINE_GOAL = 0.03;

    private Observations() {
    }

    static List<String> of(WorkloadTable table, List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        for (Source source : sources) {
            String prefix = sources.size() > 1 ? source.label() + ": " : "";
            fastest(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
            bestScaling(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
            harnessCost(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
        }
        return sentences;
    }

    /**
     * A warning when many error bars are wider than half their figure: too few iterations, or a
     * machine busy with other work, and the figures then rank the models only roughly.
     */
    static Optional<String> noise(List<Source> sources) {
        long measured = 0;
        long noisy = 0;
        for (Source source : sources) {
            for (Measurement measurement : source.measurements()) {
                measured++;
                if (measurement.hasErrorEstimate() && measurement.error() > Math.abs(measurement.score()) / 2) {
                    noisy++;
                }
            }
        }
        if (measured == 0 || noisy * 4 < measured) {
            return Optional.empty();
        }
        return Optional.of(noisy + " of " + measured + " figures have an error wider than half the figure itself, so"
                + " they rank the models only roughly: the run was short (quick) or the machine was busy with other"
                + " work. More forks and iterations (--full) on an otherwise idle machine narrow the errors.");
    }

    private static Optional<String> fastest(WorkloadTable table, Source source) {
        List<String> parts = new ArrayList<>();
        for (int cores : table.cores()) {
            modelRows(table, source).filter(row -> row.at(cores) != null)
                    .min(Comparator.comparingDouble(row -> rank(row.at(cores))))
                    .ifPresent(row -> parts.add("at P = " + cores + ", " + row.model() + " ("
                            + Figures.number(row.at(cores).score()) + " " + row.at(cores).unit() + ")"));
        }
        String best = table.lowerIsBetter() ? "Fastest " : "Highest ";
        return parts.isEmpty() ? Optional.empty() : Optional.of(best + String.join("; ", parts) + ".");
    }

    private static Optional<String> bestScaling(WorkloadTable table, Source source) {
        int most = table.cores().isEmpty() ? 1 : table.cores().getLast();
        if (most <= 1) {
            return Optional.empty();
        }
        return modelRows(table, source).filter(row -> row.at(1) != null && row.at(most) != null)
                .max(Comparator.comparingDouble(row -> speedUp(row, most)))
                .map(row -> "Best speed-up from P = 1 to P = " + most + ": " + row.model() + ", "
                        + Figures.times(speedUp(row, most)) + " (" + Figures.percent(speedUp(row, most) / most)
                        + " parallel efficiency).");
    }

    /** Thread-pool at P = 1 against the plain loop: what a pool and the harness add to the same work. */
    private static Optional<String> harnessCost(WorkloadTable table, Source source) {
        Optional<WorkloadTable.Row> baseline = table.row(source, "baseline");
        Optional<WorkloadTable.Row> pool = table.row(source, "thread-pool");
        if (baseline.isEmpty() || pool.isEmpty() || baseline.get().at(1) == null || pool.get().at(1) == null) {
            return Optional.empty();
        }
        Measurement loop = baseline.get().at(1);
        Measurement onePool = pool.get().at(1);
        double extra = onePool.score() / loop.score() - 1;
        boolean met = Math.abs(extra) <= BASELINE_GOAL;
        return Optional.of("thread-pool at P = 1 against the plain loop: " + Figures.signedPercent(extra) + " ("
                + Figures.number(onePool.score()) + " against " + Figures.number(loop.score()) + " " + loop.unit()
                + "); the goal of within " + Figures.percent(BASELINE_GOAL) + " is " + (met ? "met." : "not met."));
    }

    private static java.util.stream.Stream<WorkloadTable.Row> modelRows(WorkloadTable table, Source source) {
        return table.rows().stream().filter(row -> row.source() == source && !row.isBaseline());
    }

    private static double rank(Measurement measurement) {
        return measurement.lowerIsBetter() ? measurement.score() : -measurement.score();
    }

    private static double speedUp(WorkloadTable.Row row, int cores) {
        Measurement one = row.at(1);
        Measurement many = row.at(cores);
        return one.lowerIsBetter() ? one.score() / many.score() : many.score() / one.score();
    }
}
