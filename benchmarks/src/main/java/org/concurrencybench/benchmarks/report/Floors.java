package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.concurrencybench.core.WorkloadFloor;
import org.concurrencybench.core.Workloads;

/**
 * Each figure against its workload's floor, as "1.3x the floor": the waits no model can avoid
 * (blocking, mixed, io, pinning), or for work that only computes the baseline's figure divided by
 * P. A figure whose whole interval lies below its floor is flagged as a measurement problem (a
 * clock, a skipped wait, sizes other than those stated), never praised.
 */
final class Floors {

    private Floors() {
    }

    /** The floor's heading, sentence and table for {@code table}; empty when its workload has no floor here. */
    static List<Document.Block> of(WorkloadTable table, List<Source> sources, ScoreTables labels) {
        Optional<WorkloadFloor> fixed = Workloads.floor(table.workload(), table.sizes());
        boolean baselineOverP = Workloads.floorIsBaselineOverP(table.workload());
        if (fixed.isEmpty() && !baselineOverP) {
            return List.of();
        }
        List<List<Document.Cell>> rows = new ArrayList<>();
        int below = 0;
        for (WorkloadTable.Row row : table.rows()) {
            if (row.isBaseline() || row.measured().isEmpty()) {
                continue;
            }
            List<Document.Cell> cells = new ArrayList<>(labels.labels(row));
            boolean any = false;
            for (int cores : table.cores()) {
                Measurement measurement = row.at(cores);
                OptionalDouble floor = floorMillis(table, row.source(), cores, fixed);
                if (measurement == null || floor.isEmpty() || measurement.millisPerOperation().isEmpty()) {
                    cells.add(Document.Cell.plain(""));
                    continue;
                }
                any = true;
                double millis = measurement.millisPerOperation().getAsDouble();
                double error = measurement.hasErrorEstimate() ? measurement.errorMillis() : 0;
                double ratio = millis / floor.getAsDouble();
                boolean underFloor = millis + error < floor.getAsDouble();
                below += underFloor ? 1 : 0;
                cells.add(new Document.Cell(Figures.times(ratio) + (underFloor ? ", below the floor" : ""), underFloor));
            }
            if (any) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String what = fixed.map(WorkloadFloor::what)
                .orElse("the baseline's figure at P = 1 divided by P, the slices shared evenly by P cores with nothing added");
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Heading(2, "Against the floor"));
        blocks.add(new Document.Paragraph("Each figure divided by the floor, " + what + "; 1.00× is the floor itself."
                + (below == 0 ? "" : " " + below + (below == 1 ? " figure lies" : " figures lie") + " below it, beyond"
                + " their error: a measurement problem (a clock, a skipped wait, sizes other than those stated), not a"
                + " result.")));
        blocks.add(new Document.Table(labels.header(), rows, labels.labelColumns()));
        return blocks;
    }

    private static OptionalDouble floorMillis(WorkloadTable table, Source source, int cores, Optional<WorkloadFloor> fixed) {
        if (fixed.isPresent()) {
            return OptionalDouble.of(fixed.get().millis());
        }
        return table.rows().stream().filter(row -> row.source() == source && row.isBaseline() && row.at(1) != null)
                .map(row -> row.at(1).millisPerOperation()).filter(OptionalDouble::isPresent)
                .mapToDouble(millis -> millis.getAsDouble() / cores).findFirst();
    }
}
