package org.concurrencybench.benchmarks.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who leads one column of a table, and who is tied with the leader: a figure whose interval
 * (score ± JMH's error) overlaps the leader's cannot be told from it, so the report names them
 * together rather than crowning one. A figure without an error estimate ties only with an equal
 * one. The baseline and figures a model calls not comparable are never ranked.
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

    private static double rank(Measurement measurement) {
        return measurement.lowerIsBetter() ? measurement.score() : -measurement.score();
    }
}
