package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.concurrencybench.core.WorkloadFloor;
import org.concurrencybench.core.Workloads;

/**
 * The answer at a glance, at the top of the report and at the end of the console: for each
 * workload table, the model to use at each P (with every model tied with it within the error)
 * and the workload's floor, each row linking to its section.
 */
final class Summary {

    /** The summary's heading, by which the console finds it to print it last. */
    static final String HEADING = "Summary";

    private Summary() {
    }

    /** @param anchors the anchor of each table's heading */
    static List<Document.Block> of(List<WorkloadTable> tables, List<Source> sources, Map<WorkloadTable, String> anchors) {
        TreeSet<Integer> cores = new TreeSet<>();
        tables.forEach(table -> cores.addAll(table.cores()));
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (WorkloadTable table : tables) {
            if (!table.hasMeasurements()) {
                continue;
            }
            for (Source source : sources) {
                List<Document.Cell> cells = new ArrayList<>();
                cells.add(Document.Cell.link(table.title() + (sources.size() > 1 ? " (" + source.label() + ")" : ""),
                        anchors.get(table)));
                boolean any = false;
                for (int p : cores) {
                    List<WorkloadTable.Row> leaders = Ranking.leaders(table, source, p);
                    any |= !leaders.isEmpty();
                    cells.add(Document.Cell.plain(leaders.isEmpty() ? "" : leaders.size() == 1 ? leaders.getFirst().model()
                            : leaders.stream().map(WorkloadTable.Row::model).collect(Collectors.joining(", ")) + " (tied)"));
                }
                cells.add(Document.Cell.plain(floor(table)));
                if (any) {
                    rows.add(cells);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean quick = sources.stream().allMatch(ScoreTables::quick);
        List<String> header = new ArrayList<>(List.of(quick ? "workload (quick run)" : "workload"));
        cores.forEach(p -> header.add("P = " + p));
        header.add("floor");
        return List.of(new Document.Heading(1, HEADING),
                new Document.Paragraph("For each workload, the model with the best figure at each P, and with it every"
                        + " model whose interval overlaps its own: those are tied, and the run cannot tell them apart."
                        + " A model whose figure does not answer the workload's question (its section says why) and the"
                        + " baseline are not ranked. The floor is what no model can beat; each section shows every"
                        + " figure against it."),
                new Document.Table(header, rows, 1));
    }

    private static String floor(WorkloadTable table) {
        Optional<WorkloadFloor> fixed = Workloads.floor(table.workload(), table.sizes());
        if (fixed.isPresent()) {
            double millis = fixed.get().millis();
            return (millis == Math.rint(millis) ? Figures.grouped((long) millis) : Figures.number(millis)) + " ms of waits";
        }
        if (Workloads.floorIsBaselineOverP(table.workload())) {
            return "the baseline / P";
        }
        return TwinRatios.of(table, false).isEmpty() ? "" : "each model's bare twin";
    }
}
