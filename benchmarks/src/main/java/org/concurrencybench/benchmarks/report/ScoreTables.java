package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The tables of one workload: scores (models x P), speed-up against P = 1, and the gaps with their reasons. */
final class ScoreTables {

    private final WorkloadTable table;
    private final boolean severalSources;
    private final BaselineComparison baseline;

    /** @param baseline null when there is no baseline run */
    ScoreTables(WorkloadTable table, boolean severalSources, BaselineComparison baseline) {
        this.table = table;
        this.severalSources = severalSources;
        this.baseline = baseline;
    }

    Document.Table scores() {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (WorkloadTable.Row row : table.rows()) {
            List<Document.Cell> cells = new ArrayList<>(labels(row));
            for (int cores : table.cores()) {
                cells.add(scoreCell(row, cores));
            }
            rows.add(cells);
        }
        return new Document.Table(header(), rows, labelColumns());
    }

    /** Speed-up and efficiency against the same model's P = 1; empty if no column beyond P = 1 can have one. */
    Optional<Document.Table> speedUps() {
        List<Integer> beyondOne = table.cores().stream().filter(cores -> cores > 1).toList();
        if (!table.cores().contains(1) || beyondOne.isEmpty()) {
            return Optional.empty();
        }
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (WorkloadTable.Row row : table.rows()) {
            if (row.isBaseline() || row.at(1) == null) {
                continue;
            }
            List<Document.Cell> cells = new ArrayList<>(labels(row));
            for (int cores : beyondOne) {
                Optional<Double> speedUp = speedUp(row, cores);
                cells.add(speedUp.map(value -> new Document.Cell(Figures.times(value) + " (" + Figures.percent(value / cores) + ")",
                                value.equals(bestSpeedUp(row.source(), cores).orElse(null))))
                        .orElseGet(() -> Document.Cell.plain(gapText(row, cores))));
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = new ArrayList<>(labelHeader());
        beyondOne.forEach(cores -> header.add("P = " + cores));
        return Optional.of(new Document.Table(header, rows, labelColumns()));
    }

    /** One line per row that has gaps: which P, what became of them, and why. */
    List<String> gaps() {
        List<String> lines = new ArrayList<>();
        for (WorkloadTable.Row row : table.rows()) {
            Map<String, TreeSet<Integer>> byReason = new LinkedHashMap<>();
            for (RunRecord.Cell gap : row.gaps().values()) {
                if (row.measured().containsKey(gap.cores())) {
                    continue;
                }
                String reason = gap.outcome().label() + (gap.reason() == null || gap.reason().isBlank() ? "" : ": " + gap.reason());
                byReason.computeIfAbsent(reason, ignored -> new TreeSet<>()).add(gap.cores());
            }
            byReason.forEach((reason, cores) -> lines.add(rowName(row) + " at P = "
                    + cores.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ": " + reason));
        }
        return lines;
    }

    /** The best score in column {@code cores} among the models of the row's source. */
    private Optional<Measurement> best(Source source, int cores) {
        return table.rows().stream()
                .filter(row -> row.source() == source && ranked(row) && row.at(cores) != null)
                .map(row -> row.at(cores))
                .reduce((a, b) -> better(a, b) ? a : b);
    }

    private static boolean better(Measurement a, Measurement b) {
        return a.lowerIsBetter() ? a.score() <= b.score() : a.score() >= b.score();
    }

    private Document.Cell scoreCell(WorkloadTable.Row row, int cores) {
        Measurement measurement = row.at(cores);
        if (measurement == null) {
            return Document.Cell.plain(gapText(row, cores));
        }
        StringBuilder text = new StringBuilder(Figures.scoreWithError(measurement.score(), measurement.error()));
        if (!measurement.unit().equals(table.unit())) {
            text.append(' ').append(measurement.unit());
        }
        if (baseline != null) {
            text.append(" (").append(baseline.describe(measurement)).append(')');
        }
        boolean best = ranked(row) && best(row.source(), cores).filter(winner -> winner == measurement).isPresent();
        return new Document.Cell(text.toString(), best);
    }

    /** Whether the row may be marked best: a model, not the baseline, whose figure answers the workload's question. */
    private boolean ranked(WorkloadTable.Row row) {
        return !row.isBaseline() && ModelNotes.notComparable(row.model(), table.workload()).isEmpty();
    }

    private static String gapText(WorkloadTable.Row row, int cores) {
        RunRecord.Cell gap = row.gaps().get(cores);
        return gap == null ? "" : gap.outcome().label();
    }

    private static Optional<Double> speedUp(WorkloadTable.Row row, int cores) {
        Measurement one = row.at(1);
        Measurement many = row.at(cores);
        if (row.isBaseline() || one == null || many == null || !one.unit().equals(many.unit())) {
            return Optional.empty();
        }
        return Optional.of(one.lowerIsBetter() ? one.score() / many.score() : many.score() / one.score());
    }

    /** The highest speed-up in column {@code cores} among the models of {@code source}. */
    private Optional<Double> bestSpeedUp(Source source, int cores) {
        return table.rows().stream().filter(row -> row.source() == source && ranked(row))
                .flatMap(row -> speedUp(row, cores).stream())
                .max(Double::compare);
    }

    private List<String> header() {
        List<String> header = new ArrayList<>(labelHeader());
        table.cores().forEach(cores -> header.add("P = " + cores));
        return header;
    }

    private List<String> labelHeader() {
        return severalSources ? List.of("model", "run") : List.of("model");
    }

    private int labelColumns() {
        return severalSources ? 2 : 1;
    }

    private List<Document.Cell> labels(WorkloadTable.Row row) {
        String model = row.isBaseline() ? row.model() + " (baseline)" : row.model();
        return severalSources ? List.of(Document.Cell.plain(model), Document.Cell.plain(row.source().label()))
                : List.of(Document.Cell.plain(model));
    }

    private String rowName(WorkloadTable.Row row) {
        return row.model() + (severalSources ? " (" + row.source().label() + ")" : "");
    }
}
