package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.benchmarks.bare.BareTwin;

/**
 * What the suite's way of running a model costs on a workload: each model's figure divided by
 * its bare twin's, the same idiom without the suite's bookkeeping, measured in the same run at
 * the same sizes and P ({@code bench compare --twins}). Shown where the table has a model with a
 * twin's figure beside it: spawn, tree and handoff.
 */
final class TwinRatios {

    private final WorkloadTable table;
    private final boolean severalSources;

    private TwinRatios(WorkloadTable table, boolean severalSources) {
        this.table = table;
        this.severalSources = severalSources;
    }

    /** Whether {@code model}, as a result or a run record names it, is a bare twin rather than a model. */
    static boolean isTwin(String model) {
        return BareTwin.byId(model).isPresent();
    }

    /** The heading, the legend, the table and what each twin is, where the table has a twin's figure; else nothing. */
    static List<Document.Block> of(WorkloadTable table, boolean severalSources) {
        TwinRatios ratios = new TwinRatios(table, severalSources);
        List<List<Document.Cell>> rows = new ArrayList<>();
        List<String> twins = new ArrayList<>();
        for (WorkloadTable.Row row : table.rows()) {
            Optional<BareTwin> twin = BareTwin.of(row.model());
            if (twin.isEmpty() || table.cores().stream().allMatch(cores -> ratios.twinAt(row, twin.get(), cores).isEmpty()
                    && ratios.twinGap(row.source(), twin.get(), cores).isEmpty())) {
                continue;
            }
            rows.add(ratios.row(row, twin.get()));
            String line = row.model() + ": the twin runs " + twin.get().idiom() + "; the model's run holds in addition "
                    + twin.get().leftOut();
            if (!twins.contains(line)) {
                twins.add(line);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(severalSources ? List.of("model", "run") : List.of("model"));
        table.cores().forEach(cores -> header.add("P = " + cores));
        return List.of(
                new Document.Heading(2, table.workload() + ": the suite against the bare twin"),
                new Document.Paragraph("Each model's figure divided by its bare twin's, in brackets the two figures in "
                        + table.unit() + ". The twin is the model's idiom written the plain way, measured in the same run"
                        + " right after the model, at the same sizes and P, in a fork held to the same cores: the same"
                        + " tasks do the same work and its answer is checked the same way, but none of the suite's"
                        + " bookkeeping is there. +10% means the suite's run takes 10% longer than the bare idiom: the"
                        + " price of what each model's line below names (its run tracking, failure plumbing and"
                        + " interrupt handling), and of the checks every run of a model passes first (the model is"
                        + " open, the size within its limits, the caller not interrupted). \"within error\" marks a"
                        + " difference the two error bars cannot tell from noise."),
                new Document.Table(header, rows, severalSources ? 2 : 1),
                new Document.Bullets(twins));
    }

    private List<Document.Cell> row(WorkloadTable.Row row, BareTwin twin) {
        List<Document.Cell> cells = new ArrayList<>();
        cells.add(Document.Cell.plain(row.model()));
        if (severalSources) {
            cells.add(Document.Cell.plain(row.source().label()));
        }
        for (int cores : table.cores()) {
            cells.add(Document.Cell.plain(cell(row, twin, cores)));
        }
        return cells;
    }

    private String cell(WorkloadTable.Row row, BareTwin twin, int cores) {
        Measurement model = row.at(cores);
        if (model == null) {
            return "";
        }
        Optional<Measurement> bare = twinAt(row, twin, cores);
        if (bare.isEmpty()) {
            return twinGap(row.source(), twin, cores).orElse("no twin measured");
        }
        Measurement measured = bare.get();
        if (!measured.unit().equals(model.unit()) || measured.lowerIsBetter() != model.lowerIsBetter()) {
            return "twin in " + measured.unit() + ", not comparable";
        }
        double ratio = model.lowerIsBetter() ? model.score() / measured.score() : measured.score() / model.score();
        boolean withinError = model.hasErrorEstimate() && measured.hasErrorEstimate()
                && Math.abs(model.score() - measured.score()) <= model.error() + measured.error();
        return Figures.signedPercent(ratio - 1) + (withinError ? ", within error" : "") + " ("
                + Figures.number(model.score()) + " / " + Figures.number(measured.score()) + ")";
    }

    /** The twin's figure in the row's source at the table's workload and sizes and at P = {@code cores}. */
    private Optional<Measurement> twinAt(WorkloadTable.Row row, BareTwin twin, int cores) {
        return row.source().measurements().stream()
                .filter(measurement -> measurement.model().equals(twin.id()) && measurement.cores() == cores
                        && measurement.workload().equals(table.workload()) && measurement.sizes().equals(table.sizes())
                        && measurement.mode().equals(modeOf(row, cores)))
                .findFirst();
    }

    private static String modeOf(WorkloadTable.Row row, int cores) {
        return row.at(cores) == null ? "" : row.at(cores).mode();
    }

    /** What became of the twin's cell, where the run record says: n/a, failed, not run. */
    private Optional<String> twinGap(Source source, BareTwin twin, int cores) {
        return source.gaps().stream()
                .filter(gap -> gap.model().equals(twin.id()) && gap.cores() == cores && gap.workload().equals(table.workload())
                        && WorkloadTable.sizesOf(gap, source).equals(table.sizes()))
                .findFirst()
                .map(gap -> "twin " + gap.outcome().label());
    }
}
