package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.concurrencybench.core.Workloads;

/**
 * How well one run agrees with the baseline run, over the cells both measured (the same
 * workload, sizes, model, P and JMH mode): how many scores lie within 5% and within 10% of the
 * baseline's, the median difference, how many of the run's scores fall inside the baseline's
 * error interval (score ± JMH's scoreError), and which cells changed beyond both error bars
 * (the two intervals do not overlap). Two runs of the same build on the same idle machine
 * should agree closely; where they do not, the runs were too short or the machine busy (wide
 * error bars say so), or something changed between them.
 *
 * @param pairs every cell of the run that the baseline measured too, in the run's order
 */
record BaselineAgreement(Source run, List<Pair> pairs) {

    static final String HEADING = "Agreement with the baseline";

    /** Within 5% of the baseline's score. */
    static final double CLOSE = 0.05;
    /** Within 10% of the baseline's score. */
    static final double NEAR = 0.10;

    /** Workloads in catalog order, then sizes, models in the registry's order, then P: the order of the tables. */
    private static final Comparator<Pair> TABLE_ORDER = Comparator
            .comparingInt((Pair pair) -> workloadRank(pair.now().workload()))
            .thenComparing(pair -> pair.now().sizes().toString())
            .thenComparingInt(pair -> Models.rank(pair.now().model()))
            .thenComparing(pair -> pair.now().model())
            .thenComparingInt(pair -> pair.now().cores());

    BaselineAgreement {
        pairs = List.copyOf(pairs);
    }

    /**
     * A cell of the run and the same cell of the baseline, both in the run's unit (a baseline
     * in another unit of time per operation is converted to it).
     */
    record Pair(Measurement now, double score, double error, Measurement before, double baselineScore, double baselineError) {

        /** |run − baseline| / baseline: 0.04 for 52 against 50. */
        double difference() {
            return Math.abs(score - baselineScore) / Math.abs(baselineScore);
        }

        /** The run's score divided by the baseline's. */
        double ratio() {
            return score / baselineScore;
        }

        boolean baselineHasError() {
            return Double.isFinite(baselineError);
        }

        boolean bothHaveErrors() {
            return Double.isFinite(error) && baselineHasError();
        }

        /** Whether the run's score lies in the baseline's interval, ends included; false when it has none. */
        boolean insideBaselineInterval() {
            return baselineHasError() && score >= baselineScore - baselineError && score <= baselineScore + baselineError;
        }

        /** Whether the two intervals do not overlap (touching ends overlap); false when either has no error. */
        boolean changedBeyondBothErrors() {
            return bothHaveErrors() && (score - error > baselineScore + baselineError || score + error < baselineScore - baselineError);
        }
    }

    /**
     * The cells of {@code run} that {@code baseline} also measured. A cell whose two figures
     * share no unit (a throughput against a time) or whose baseline is 0 is left out: it has no
     * relative difference.
     */
    static BaselineAgreement of(Source run, BaselineComparison baseline) {
        List<Pair> pairs = new ArrayList<>();
        for (Measurement now : run.measurements()) {
            baseline.match(now).flatMap(before -> pair(now, before)).ifPresent(pairs::add);
        }
        return new BaselineAgreement(run, pairs);
    }

    private static Optional<Pair> pair(Measurement now, Measurement before) {
        if (before.score() == 0) {
            return Optional.empty();
        }
        if (now.unit().equals(before.unit())) {
            return Optional.of(new Pair(now, now.score(), now.error(), before, before.score(), before.error()));
        }
        OptionalDouble nowMillis = now.millisPerOperation();
        OptionalDouble beforeMillis = before.millisPerOperation();
        if (nowMillis.isEmpty() || beforeMillis.isEmpty() || nowMillis.getAsDouble() == 0) {
            return Optional.empty();
        }
        // the run's unit per millisecond: 1,000 for us/op
        double scale = now.score() / nowMillis.getAsDouble();
        return Optional.of(new Pair(now, now.score(), now.error(), before, beforeMillis.getAsDouble() * scale,
                before.errorMillis() * scale));
    }

    /**
     * The section "Agreement with the baseline": what its measures mean, a table of them with a
     * column per run, and the cells that changed beyond both error bars with their two figures.
     * Each table sits under a heading of its own, since the console shows a table under its
     * nearest heading alone.
     */
    static List<Document.Block> section(List<BaselineAgreement> agreements, String baselineLabel) {
        List<Document.Block> blocks = new ArrayList<>();
        boolean severalRuns = agreements.size() > 1;
        blocks.add(new Document.Heading(1, HEADING));
        blocks.add(new Document.Paragraph("How closely " + (severalRuns ? "each run's" : "this run's") + " figures repeat"
                + " those of the baseline run (" + baselineLabel + "), over the cells both measured: the same workload,"
                + " sizes, model and P. A difference is |score − baseline| / baseline. A score inside the baseline's"
                + " error interval lies within its ± half-width; a cell changed beyond both error bars when the two"
                + " intervals do not overlap, the only change that the figures tell from noise. The same build on the"
                + " same idle machine should put nearly every cell within 5% and inside the baseline's interval; many"
                + " cells outside it mean the error bars understate the noise (short runs, a busy machine), or"
                + " something changed between the runs."));
        List<String> header = new ArrayList<>(List.of("measure"));
        agreements.forEach(agreement -> header.add(severalRuns ? agreement.run().label() : "run"));
        List<List<Document.Cell>> rows = new ArrayList<>();
        rows.add(row("cells in both runs", agreements, agreement -> Figures.grouped(agreement.cells())));
        rows.add(row("within 5% of the baseline", agreements, agreement -> share(agreement.within(CLOSE), agreement.cells(), "")));
        rows.add(row("within 10% of the baseline", agreements, agreement -> share(agreement.within(NEAR), agreement.cells(), "")));
        rows.add(row("median difference", agreements, agreement -> agreement.medianDifference().isPresent()
                ? Figures.percentTenths(agreement.medianDifference().getAsDouble()) : "-"));
        rows.add(row("inside the baseline's error interval", agreements, agreement -> share(agreement.insideBaselineInterval(),
                agreement.withBaselineInterval(), " with an interval")));
        rows.add(row("changed beyond both error bars", agreements, agreement -> share(agreement.changed().size(),
                agreement.withBothIntervals(), " with both intervals")));
        blocks.add(new Document.Table(header, rows, 1));

        List<List<Document.Cell>> changed = new ArrayList<>();
        for (BaselineAgreement agreement : agreements) {
            for (Pair pair : agreement.changed()) {
                List<Document.Cell> cells = new ArrayList<>();
                if (severalRuns) {
                    cells.add(Document.Cell.plain(agreement.run().label()));
                }
                Measurement now = pair.now();
                cells.add(Document.Cell.plain(new WorkloadTable(now.workload(), now.sizes(), List.of(), List.of()).title()));
                cells.add(Document.Cell.plain(now.model()));
                cells.add(Document.Cell.plain(String.valueOf(now.cores())));
                cells.add(Document.Cell.plain(Figures.scoreWithError(pair.score(), pair.error()) + " " + now.unit()));
                cells.add(Document.Cell.plain(Figures.scoreWithError(pair.baselineScore(), pair.baselineError()) + " " + now.unit()));
                cells.add(Document.Cell.plain(Figures.times(pair.ratio()) + ", "
                        + ((pair.score() > pair.baselineScore()) == now.lowerIsBetter() ? "slower" : "faster")));
                changed.add(cells);
            }
        }
        if (changed.isEmpty()) {
            blocks.add(new Document.Paragraph("No cell changed beyond both error bars."));
        } else {
            blocks.add(new Document.Heading(2, HEADING + ": the cells changed beyond both error bars"));
            List<String> changedHeader = new ArrayList<>(severalRuns ? List.of("run") : List.of());
            changedHeader.addAll(List.of("workload", "model", "P", severalRuns ? "figure" : "run", "baseline", "ratio"));
            blocks.add(new Document.Table(changedHeader, changed, severalRuns ? 4 : 3));
        }
        return blocks;
    }

    private static List<Document.Cell> row(String measure, List<BaselineAgreement> agreements,
                                           Function<BaselineAgreement, String> figure) {
        List<Document.Cell> cells = new ArrayList<>();
        cells.add(Document.Cell.plain(measure));
        agreements.forEach(agreement -> cells.add(Document.Cell.plain(figure.apply(agreement))));
        return cells;
    }

    /** {@code 43% (3 of 7)}; {@code -} of none. */
    private static String share(long count, long of, String ofWhat) {
        if (of == 0) {
            return "- (none" + ofWhat + ")";
        }
        return Figures.percent((double) count / of) + " (" + count + " of " + of + ofWhat + ")";
    }

    int cells() {
        return pairs.size();
    }

    /** The cells whose score is within {@code fraction} of the baseline's. */
    long within(double fraction) {
        return pairs.stream().filter(pair -> pair.difference() <= fraction).count();
    }

    /** The median of the cells' differences; empty when no cell is in both runs. */
    OptionalDouble medianDifference() {
        double[] differences = pairs.stream().mapToDouble(Pair::difference).sorted().toArray();
        if (differences.length == 0) {
            return OptionalDouble.empty();
        }
        int middle = differences.length / 2;
        return OptionalDouble.of(differences.length % 2 == 1 ? differences[middle]
                : (differences[middle - 1] + differences[middle]) / 2);
    }

    /** The cells whose baseline has an error interval, the only ones a score can fall inside. */
    long withBaselineInterval() {
        return pairs.stream().filter(Pair::baselineHasError).count();
    }

    long insideBaselineInterval() {
        return pairs.stream().filter(Pair::insideBaselineInterval).count();
    }

    /** The cells where both runs have an error interval, the only ones that can be told apart from noise. */
    long withBothIntervals() {
        return pairs.stream().filter(Pair::bothHaveErrors).count();
    }

    /** The cells whose intervals do not overlap, by workload, sizes, model and P as the tables are. */
    List<Pair> changed() {
        return pairs.stream().filter(Pair::changedBeyondBothErrors).sorted(TABLE_ORDER).toList();
    }

    private static int workloadRank(String workload) {
        int rank = Workloads.ids().indexOf(workload);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
