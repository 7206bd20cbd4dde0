package org.concurrencybench.benchmarks.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who leads one column of a table, and who is tied with the leader: a figure whose interval
 * (score ± JMH's error) overlaps the leader's cannot be told from it, so the report names them
 * together rather than crowning one. A figure without an error estimate ties only with an equal
 * one. The baseline and figures a model calls not comparable are never ranked.
 *
 * <p>Speed-ups are ranked the same way. A speed-up is a ratio of two figures, each with its own
 * error, so its interval runs from the ratio of the worst ends to the ratio of the best ends; two
 * speed-ups whose intervals overlap are tied.
 */
final class Ranking {

    private Ranking() {
    }

    /** The rows of {@code source} that may be ranked in {@code table}. */
    static List<WorkloadTable.Row> rankedRows(WorkloadTable table, Source source) {
        return table.rows().stream().filter(row -> row.source() == source && !row.isBaseline()
                && ModelNotes.notComparable(row.model(), table.workload()).isEmpty()).toList();
    }

    /** The leader of column {@code cores} among the ranked rows of {@code source}, and every row tied with it, leader first. */
    static List<WorkloadTable.Row> leaders(WorkloadTable table, Source source, int cores) {
        List<WorkloadTable.Row> measured = rankedRows(table, source).stream().filter(row -> row.at(cores) != null).toList();
        Optional<WorkloadTable.Row> leader = measured.stream().min(Comparator.comparingDouble(row -> rank(row.at(cores))));
        if (leader.isEmpty()) {
            return List.of();
        }
        Measurement best = leader.get().at(cores);
        return measured.stream().filter(row -> row == leader.get() || tied(best, row.at(cores)))
                .sorted(Comparator.comparingDouble(row -> rank(row.at(cores)))).toList();
    }

    /** Whether the intervals of {@code a} and {@code b} overlap, so that neither can be called faster. */
    static boolean tied(Measurement a, Measurement b) {
        if (!a.unit().equals(b.unit())) {
            return false;
        }
        double errorA = a.hasErrorEstimate() ? a.error() : 0;
        double errorB = b.hasErrorEstimate() ? b.error() : 0;
        // a hair of tolerance, so that intervals that meet exactly are not split by rounding
        return Math.abs(a.score() - b.score()) <= (errorA + errorB) * (1 + 1e-9) + Math.ulp(Math.max(Math.abs(a.score()), Math.abs(b.score()))) * 4;
    }

    /**
     * The model with the highest speed-up from P = 1 to P = {@code cores} among the ranked rows of
     * {@code source}, and every row whose speed-up interval overlaps it, leader first.
     */
    static List<WorkloadTable.Row> speedUpLeaders(WorkloadTable table, Source source, int cores) {
        List<WorkloadTable.Row> measured = rankedRows(table, source).stream()
                .filter(row -> speedUp(row, cores).isPresent()).toList();
        Optional<WorkloadTable.Row> leader = measured.stream()
                .max(Comparator.comparingDouble(row -> speedUp(row, cores).orElseThrow().value()));
        if (leader.isEmpty()) {
            return List.of();
        }
        SpeedUp best = speedUp(leader.get(), cores).orElseThrow();
        return measured.stream().filter(row -> row == leader.get() || speedUp(row, cores).orElseThrow().high() >= best.low())
                .sorted(Comparator.comparingDouble(row -> -speedUp(row, cores).orElseThrow().value())).toList();
    }

    /**
     * A model's speed-up from P = 1 to P = {@code cores}, if both figures exist in one unit:
     * {@code value} from the scores, {@code low} and {@code high} from the ends of their intervals
     * (the slow end of P = 1 over the fast end of P, and the other way round). Without an error
     * estimate a figure counts as exact; an interval reaching zero makes {@code high} infinite.
     */
    static Optional<SpeedUp> speedUp(WorkloadTable.Row row, int cores) {
        Measurement one = row.at(1);
        Measurement many = row.at(cores);
        if (row.isBaseline() || one == null || many == null || !one.unit().equals(many.unit())) {
            return Optional.empty();
        }
        double errorOne = one.hasErrorEstimate() ? one.error() : 0;
        double errorMany = many.hasErrorEstimate() ? many.error() : 0;
        // time per operation: speed-up = t(1) / t(P); throughput: speed-up = x(P) / x(1)
        double numerator = one.lowerIsBetter() ? one.score() : many.score();
        double numeratorError = one.lowerIsBetter() ? errorOne : errorMany;
        double denominator = one.lowerIsBetter() ? many.score() : one.score();
        double denominatorError = one.lowerIsBetter() ? errorMany : errorOne;
        double low = Math.max(0, numerator - numeratorError) / (denominator + denominatorError);
        double high = denominator - denominatorError <= 0 ? Double.POSITIVE_INFINITY
                : (numerator + numeratorError) / (denominator - denominatorError);
        return Optional.of(new SpeedUp(numerator / denominator, low, high));
    }

    /** A speed-up and the ends of its interval. */
    record SpeedUp(double value, double low, double high) {
    }

    private static double rank(Measurement measurement) {
        return measurement.lowerIsBetter() ? measurement.score() : -measurement.score();
    }
}
