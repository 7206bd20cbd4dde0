package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.Environment;
import org.concurrencybench.core.Workloads;

/** Builds the report from one or more saved comparisons, and optionally a baseline run to compare against. */
public final class ReportBuilder {

    public static final String TITLE = "Java concurrency models compared";

    /** The heading of the answer at a glance, which a console prints last. */
    public static final String SUMMARY = Summary.HEADING;

    /** JMH's console output, which bench compare keeps beside the results. */
    public static final String JMH_LOG = "jmh.log";

    private ReportBuilder() {
    }

    /** @param baseline null for no baseline */
    public static Report build(List<Source> sources, Source baseline) {
        List<Document.Block> blocks = new ArrayList<>();
        boolean severalSources = sources.size() > 1;
        blocks.add(new Document.Paragraph("Each table is one workload: a row per model"
                + (severalSources ? " and run" : "") + ", a column per P, the cores the model may use (bench compare"
                + " also holds each JMH fork to P processors). A figure is JMH's average time for one operation, the"
                + " whole workload, ± the half-width of its 99.9% confidence interval; lower is better. The best"
                + " of each column" + (severalSources ? " within each run" : "") + " is in bold, and so is every"
                + " figure whose interval overlaps it: they are tied, and the run cannot tell them apart. Every operation's answer was checked against the workload's expected"
                + " answer; a wrong one would have failed the run."));
        Observations.noise(sources).ifPresent(text -> blocks.add(new Document.Paragraph(text)));
        BaselineComparison comparison = baseline == null ? null : new BaselineComparison(baseline);
        if (comparison != null) {
            BaselineComparison.legend(comparison.label()).forEach(text -> blocks.add(new Document.Paragraph(text)));
        }
        int top = blocks.size();
        blocks.add(new Document.Heading(1, "Runs"));
        blocks.add(new Document.Bullets(runs(sources, baseline)));
        List<String> failed = failedCells(sources);
        if (!failed.isEmpty()) {
            blocks.add(new Document.Heading(1, "Failed cells"));
            blocks.add(new Document.Paragraph("Each cell below failed, for the reason given; it has no figure in its"
                    + " table. JMH's output beside the results (" + JMH_LOG + ") has the fork's stack trace."));
            blocks.add(new Document.Bullets(failed));
        }

        List<Report.Chart> charts = new ArrayList<>();
        ChartNames names = new ChartNames();
        Map<String, List<WorkloadTable>> byWorkload = new LinkedHashMap<>();
        WorkloadTable.of(sources).forEach(table -> byWorkload.computeIfAbsent(table.workload(), ignored -> new ArrayList<>())
                .add(table));
        Map<Document.Heading, WorkloadTable> headings = new IdentityHashMap<>();
        for (Map.Entry<String, List<WorkloadTable>> workload : byWorkload.entrySet()) {
            for (WorkloadTable table : workload.getValue()) {
                headings.put(addTable(table, names, workload.getValue(), sources, comparison, blocks, charts), table);
            }
            if (workload.getKey().equals(TransferCosts.WORKLOAD)) {
                addTransferCosts(sources, blocks, charts, names);
            }
        }
        // after the introduction: the answer at a glance, then the contents, each linking to its section
        Map<WorkloadTable, String> anchors = anchors(blocks, headings);
        List<Document.Block> front = new ArrayList<>(Summary.of(byWorkload.values().stream().flatMap(List::stream)
                .toList(), sources, anchors));
        front.add(new Document.Heading(1, "Contents"));
        front.add(new Document.Contents());
        blocks.addAll(top, front);
        if (comparison != null) {
            // last, so that the console ends on it
            blocks.addAll(BaselineAgreement.section(sources.stream().map(source -> BaselineAgreement.of(source, comparison))
                    .toList(), comparison.label()));
        }
        return new Report(new Document(TITLE, blocks), charts);
    }

    /** The anchor of each table's heading, as the document will name it. */
    private static Map<WorkloadTable, String> anchors(List<Document.Block> blocks, Map<Document.Heading, WorkloadTable> headings) {
        List<String> anchors = new Document(TITLE, blocks).anchors();
        Map<WorkloadTable, String> byTable = new HashMap<>();
        int index = 1;
        for (Document.Block block : blocks) {
            if (block instanceof Document.Heading heading) {
                WorkloadTable table = headings.get(heading);
                if (table != null) {
                    byTable.put(table, anchors.get(index));
                }
                index++;
            }
        }
        return byTable;
    }

    /**
     * Adds the section of {@code table}; returns its heading.
     *
     * @param siblings the tables of the workload, {@code table} among them: what its charts are named after
     */
    private static Document.Heading addTable(WorkloadTable table, ChartNames names, List<WorkloadTable> siblings,
                                             List<Source> sources, BaselineComparison comparison,
                                             List<Document.Block> blocks, List<Report.Chart> charts) {
        boolean severalSources = sources.size() > 1;
        Document.Heading heading = new Document.Heading(1, table.title());
        blocks.add(heading);
        Workloads.explain(table.workload(), table.sizes()).forEach(text -> blocks.add(new Document.Paragraph(text)));
        List<String> howModelsRunIt = ModelNotes.of(table);
        if (!howModelsRunIt.isEmpty()) {
            blocks.add(new Document.Paragraph("How each model runs it:"));
            blocks.add(new Document.Bullets(howModelsRunIt));
        }
        ScoreTables tables = new ScoreTables(table, severalSources, comparison);
        if (table.hasMeasurements()) {
            blocks.add(new Document.Paragraph("Time per operation in " + table.unit() + " ("
                    + (table.lowerIsBetter() ? "lower" : "higher") + " is better):"));
        }
        blocks.add(tables.scores());
        Observations.of(table, sources).forEach(text -> blocks.add(new Document.Paragraph(text)));
        IoFloor.of(table, sources).forEach(text -> blocks.add(new Document.Paragraph(text)));
        PythonRows.of(table, sources).forEach(text -> blocks.add(new Document.Paragraph(text)));
        PinningAnalysis.of(table, sources).forEach(text -> blocks.add(new Document.Paragraph(text)));
        blocks.addAll(Floors.of(table, sources, tables));
        Optional<Document.Table> speedUps = tables.speedUps();
        if (speedUps.isPresent()) {
            blocks.add(new Document.Heading(2, "Speed-up against P = 1"));
            blocks.add(new Document.Paragraph("Each model's P = 1 figure divided by its figure at P; in brackets the"
                    + " parallel efficiency, speed-up / P. 100% would be perfect use of every added core; work that"
                    + " waits rather than computes (blocking, handoff, mixed's sleeps, io, pinning) is not expected to"
                    + " scale this way."));
            blocks.add(speedUps.get());
        }
        blocks.addAll(TwinRatios.of(table, severalSources));
        List<String> gaps = tables.gaps();
        if (!gaps.isEmpty()) {
            blocks.add(new Document.Paragraph("Not measured:"));
            blocks.add(new Document.Bullets(gaps));
        }
        if (table.hasMeasurements()) {
            Plot scaling = Charts.scaling(table, sources);
            String chartName = names.of(table, siblings);
            String file = chartName + ".png";
            charts.add(new Report.Chart(file, scaling));
            blocks.add(new Document.Image(file, table.title() + ": " + table.unit() + " against P for every model, each"
                    + " point with its 99.9% interval" + (Charts.isLogarithmic(scaling) ? " (logarithmic scale)" : "")));
            Plot ranking = Charts.ranking(table, sources);
            String rankingFile = names.variant(chartName, "ranking") + ".png";
            charts.add(new Report.Chart(rankingFile, ranking));
            blocks.add(new Document.Image(rankingFile, table.title() + ": which model for this work at each P, a bar per"
                    + " model, the " + (table.lowerIsBetter() ? "fastest" : "highest") + " first in each group, with its"
                    + " 99.9% interval" + (Charts.isLogarithmic(ranking) ? " (logarithmic scale)" : "")));
        }
        return heading;
    }

    /** After transfer's tables: the cost of one unit against its payload, per run and P, with the goal. */
    private static void addTransferCosts(List<Source> sources, List<Document.Block> blocks, List<Report.Chart> charts,
                                         ChartNames names) {
        List<TransferCosts> costs = TransferCosts.of(sources);
        if (costs.isEmpty()) {
            return;
        }
        boolean severalSources = sources.size() > 1;
        blocks.add(new Document.Heading(1, "transfer: cost per unit against payload"));
        blocks.add(new Document.Paragraph("Each figure above divided by its units: microseconds to make, move and"
                + " check one unit's bytes, ± JMH's interval divided the same way; the cheapest of each column in bold."
                + " A model that hands over a reference pays for making and checksumming the bytes, the floor; a"
                + " model that moves them between processes pays for the move as well, which grows with the payload."));
        for (TransferCosts cost : costs) {
            // the heading names the workload too: the console shows a table under its nearest heading alone
            blocks.add(new Document.Heading(2, "transfer, µs per unit: " + cost.describe()
                    + (severalSources ? " (" + cost.source().label() + ")" : "")));
            blocks.add(cost.table());
            Plot plot = cost.plot(sources);
            String file = names.of(cost, costs, sources) + ".png";
            charts.add(new Report.Chart(file, plot));
            blocks.add(new Document.Image(file, plot.title() + ": µs per unit against payload for every model, each"
                    + " point with its 99.9% interval" + (Charts.isLogarithmic(plot) ? " (logarithmic scale)" : "")));
        }
    }

    /**
     * {@code tree: process-pool at P = 2: <reason>} for each failed cell of each run, with the
     * swept sizes that tell the cell from its siblings, and the run's label when there are several.
     */
    private static List<String> failedCells(List<Source> sources) {
        List<String> lines = new ArrayList<>();
        for (Source source : sources) {
            RunRecord run = source.run();
            if (run == null) {
                continue;
            }
            for (RunRecord.Cell cell : run.cells()) {
                if (cell.outcome() == CellOutcome.FAILED) {
                    lines.add((sources.size() > 1 ? source.label() + ", " : "") + cell.workload() + sweptSizes(run, cell) + ": "
                            + cell.model() + " at P = " + cell.cores() + ": " + cell.reason());
                }
            }
        }
        return lines;
    }

    /** {@code , payload=65536} for a cell of a sweep over payload; empty for a workload whose sizes are not swept. */
    private static String sweptSizes(RunRecord run, RunRecord.Cell cell) {
        Map<String, String> written = run.parameters() == null ? null : run.parameters().get(cell.workload());
        if (cell.sizes() == null || written == null) {
            return "";
        }
        StringBuilder swept = new StringBuilder();
        cell.sizes().forEach((name, value) -> {
            if (written.getOrDefault(name, "").contains(",")) {
                swept.append(", ").append(name).append('=').append(value);
            }
        });
        return swept.toString();
    }

    private static List<String> runs(List<Source> sources, Source baseline) {
        List<String> lines = new ArrayList<>();
        for (Source source : sources) {
            lines.add(describe(source, sources.size() > 1 ? source.label() + ": " : ""));
        }
        if (baseline != null) {
            lines.add(describe(baseline, "baseline, " + baseline.label() + ": "));
        }
        return lines;
    }

    private static String describe(Source source, String prefix) {
        StringBuilder line = new StringBuilder(prefix);
        Environment environment = source.environment();
        if (environment == null) {
            line.append("no environment.json beside ").append(source.file()).append(", so the machine and JDK are unknown");
        } else {
            line.append(environment.summary()).append("; cores held by ").append(environment.coresHeld())
                    .append("; suite ").append(environment.suiteVersion());
            if (environment.gitCommit() != null) {
                line.append(" at ").append(environment.gitCommit());
            }
            line.append("; ").append(environment.dateTime());
        }
        RunRecord run = source.run();
        if (run != null) {
            line.append("; ").append(run.profile()).append(" (").append(run.settings()).append(")");
            List<String> changed = CatalogSizes.offTheCatalog(run.parameters());
            if (!changed.isEmpty()) {
                line.append("; sizes other than the catalog's: ").append(String.join(", ", changed));
            }
            long failures = run.cells().stream().filter(cell -> cell.outcome() == CellOutcome.FAILED).count();
            if (failures > 0) {
                line.append("; ").append(failures).append(failures == 1 ? " cell" : " cells").append(" failed");
            }
            if (!"complete".equals(run.status()) && !"failed".equals(run.status())) {
                line.append("; the run ").append(run.status()).append(" before every cell was measured");
            }
        }
        return line.append("; results: ").append(source.file()).toString();
    }
}
