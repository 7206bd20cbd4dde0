package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.concurrencybench.core.Workloads;

/**
 * The tables of one workload: scores (models x P), speed-up against P = 1, and the gaps with
 * their reasons. The leader of each column is in bold with every figure tied with it within the
 * error; so is the highest speed-up with every one tied with it, and only where more cores can
 * make the work faster.
 */
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
                // the highest speed-up and every one tied with it, where more cores can make the work faster
                boolean best = Workloads.scales(table.workload()) && Ranking.speedUpLeaders(table, row.source(), cores).contains(row);
                cells.add(Ranking.speedUp(row, cores).map(speedUp -> new Document.Cell(Figures.times(speedUp.value())
                                + " (" + Figures.percent(speedUp.value() / cores) + ")", best))
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
        // the leader and every figure tied with it within the error
        boolean best = Ranking.leaders(table, row.source(), cores).contains(row);
        return new Document.Cell(text.toString(), best);
    }

    private static String gapText(WorkloadTable.Row row, int cores) {
        RunRecord.Cell gap = row.gaps().get(cores);
        return gap == null ? "" : gap.outcome().label();
    }

    /** The header of a table with a column per P. */
    List<String> header() {
        List<String> header = new ArrayList<>(labelHeader());
        table.cores().forEach(cores -> header.add("P = " + cores));
        return header;
    }

    /**
     * {@code model}, or {@code model (quick run)} when the table's figures all come from quick
     * runs, so that a table pasted elsewhere cannot pass for a --full one; with several runs, each
     * quick run's label says so.
     */
    private List<String> labelHeader() {
        if (severalSources) {
            return List.of("model", "run");
        }
        return List.of(table.rows().stream().allMatch(row -> quick(row.source())) ? "model (quick run)" : "model");
    }

    int labelColumns() {
        return severalSources ? 2 : 1;
    }

    /** The label cells of {@code row}: its model, and its run when there are several. */
    List<Document.Cell> labels(WorkloadTable.Row row) {
        String model = row.isBaseline() ? row.model() + " (baseline)" : row.model();
        return severalSources ? List.of(Document.Cell.plain(model), Document.Cell.plain(row.source().label()
                + (quick(row.source()) ? " (quick)" : ""))) : List.of(Document.Cell.plain(model));
    }

    static boolean quick(Source source) {
        return source.run() != null && "quick".equals(source.run().profile());
    }

    private String rowName(WorkloadTable.Row row) {
        return row.model() + (severalSources ? " (" + row.source().label() + ")" : "");
    }
}
