package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concurrencybench.core.Workloads;

/**
 * Sentences computed from a table's figures: who was fastest (or which models tie within the
 * error), who scaled best where scaling is the question, and what each model costs against the
 * baseline's figure, the same work with no concurrency. The baseline itself and figures a model
 * calls not comparable are never ranked.
 */
final class Observations {

    private Observations() {
    }

    static List<String> of(WorkloadTable table, List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        for (Source source : sources) {
            String prefix = sources.size() > 1 ? source.label() + ": " : "";
            fastest(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
            bestScaling(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
            againstTheBaseline(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
            slowerWithMoreCores(table, source).ifPresent(sentence -> sentences.add(prefix + sentence));
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
            List<WorkloadTable.Row> leaders = Ranking.leaders(table, source, cores);
            if (leaders.size() == 1) {
                WorkloadTable.Row row = leaders.getFirst();
                parts.add("at P = " + cores + ", " + figure(row, cores));
            } else if (leaders.size() > 1) {
                parts.add("at P = " + cores + ", tied within the error: " + leaders.stream().map(row -> figure(row, cores))
                        .collect(Collectors.joining(", ")));
            }
        }
        String best = table.lowerIsBetter() ? "Fastest " : "Highest ";
        return parts.isEmpty() ? Optional.empty() : Optional.of(best + String.join("; ", parts) + ".");
    }

    private static String figure(WorkloadTable.Row row, int cores) {
        return row.model() + " (" + Figures.number(row.at(cores).score()) + " " + row.at(cores).unit() + ")";
    }

    private static Optional<String> bestScaling(WorkloadTable table, Source source) {
        int most = table.cores().isEmpty() ? 1 : table.cores().getLast();
        // where the work waits, a pool of P "scales" because its cap grows: not a speed-up to rank
        if (most <= 1 || !Workloads.scales(table.workload())) {
            return Optional.empty();
        }
        List<WorkloadTable.Row> leaders = Ranking.speedUpLeaders(table, source, most);
        if (leaders.isEmpty()) {
            return Optional.empty();
        }
        if (leaders.size() == 1) {
            double value = Ranking.speedUp(leaders.getFirst(), most).orElseThrow().value();
            return Optional.of("Best speed-up from P = 1 to P = " + most + ": " + leaders.getFirst().model() + ", "
                    + Figures.times(value) + " (" + Figures.percent(value / most) + " parallel efficiency).");
        }
        return Optional.of("Best speed-up from P = 1 to P = " + most + ", tied within the error: " + leaders.stream()
                .map(row -> row.model() + " " + Figures.times(Ranking.speedUp(row, most).orElseThrow().value()))
                .collect(Collectors.joining(", ")) + ".");
    }

    /**
     * The models whose figure at the most cores is worse than at P = 1 beyond both errors, with
     * what usually costs there: where the work scales, tasks started on one core and joined on
     * another, so that wake-ups and cache lines cross cores and the allocator and collector
     * share them; where it does not, the hand-off itself crossing cores.
     */
    private static Optional<String> slowerWithMoreCores(WorkloadTable table, Source source) {
        int most = table.cores().isEmpty() ? 1 : table.cores().getLast();
        if (most <= 1) {
            return Optional.empty();
        }
        List<String> slower = new ArrayList<>();
        rankedRows(table, source).filter(row -> row.at(1) != null && row.at(most) != null)
                .filter(row -> worseBeyondError(row.at(1), row.at(most)))
                .forEach(row -> slower.add(row.model() + " (" + Figures.number(row.at(1).score()) + " to "
                        + Figures.number(row.at(most).score()) + " " + row.at(most).unit() + ")"));
        if (slower.isEmpty()) {
            return Optional.empty();
        }
        String why = Workloads.scales(table.workload())
                ? "the tasks are started on one core and run or joined on another, so their wake-ups and the cache lines"
                        + " they share cross cores, and with both cores busy the allocator and the collector compete with"
                        + " the work; JMH's -prof gc (--jmh \"-prof gc\") shows the allocation and collection time of each"
                : "only one task can hold the work at a time, so a second core adds no speed, only hand-offs that"
                        + " cross cores";
        return Optional.of("Slower at P = " + most + " than at P = 1, beyond the error: " + String.join(", ", slower)
                + ". The added core costs more than it gives: " + why + ".");
    }

    private static boolean worseBeyondError(Measurement one, Measurement many) {
        double errorOne = one.hasErrorEstimate() ? one.error() : 0;
        double errorMany = many.hasErrorEstimate() ? many.error() : 0;
        return one.unit().equals(many.unit()) && (one.lowerIsBetter()
                ? many.score() - errorMany > one.score() + errorOne
                : many.score() + errorMany < one.score() - errorOne);
    }

    /** Every model at P = 1 against the baseline at P = 1: what the model and the harness add to the same work. */
    private static Optional<String> againstTheBaseline(WorkloadTable table, Source source) {
        Optional<WorkloadTable.Row> baseline = table.rows().stream()
                .filter(row -> row.source() == source && row.isBaseline() && row.at(1) != null).findFirst();
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        Measurement floor = baseline.get().at(1);
        List<String> parts = new ArrayList<>();
        rankedRows(table, source).filter(row -> row.at(1) != null && row.at(1).unit().equals(floor.unit()))
                .forEach(row -> parts.add(row.model() + " " + ratio(row.at(1).score() / floor.score())));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("At P = 1 against " + baseline.get().model() + ", the same work on one thread with no model ("
                + Figures.number(floor.score()) + " " + floor.unit() + "): " + String.join(", ", parts) + ".");
    }

    /** +1.9% for a figure near the floor, 3.20× for one far from it. */
    private static String ratio(double ratio) {
        return Math.abs(ratio - 1) < 0.5 ? Figures.signedPercent(ratio - 1) : Figures.times(ratio);
    }

    /** The rows that may be ranked: models, not the baseline, whose figure answers the workload's question. */
    private static Stream<WorkloadTable.Row> rankedRows(WorkloadTable table, Source source) {
        return Ranking.rankedRows(table, source).stream();
    }
}
