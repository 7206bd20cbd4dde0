package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.junit.jupiter.api.Test;

/** The report of results built in memory: the cases the checked-in files do not hold. */
class ReportBuilderTest {

    private static final Map<String, String> SPAWN = Map.of("units", "10000");

    @Test
    void cellsOfAnInterruptedRunAreMarkedNotRunWithTheReason() {
        RunRecord run = new RunRecord("interrupted", "quick", "1 fork", List.of("virtual"), List.of("spawn"), List.of(1, 2),
                Map.of("spawn", SPAWN), List.of(
                        new RunRecord.Cell("spawn", "virtual", 1, CellOutcome.MEASURED, null),
                        new RunRecord.Cell("spawn", "virtual", 2, CellOutcome.NOT_RUN, "the comparison was interrupted")));
        Source source = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.1)), null, run);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(source), null).document());

        assertTrue(markdown.contains("| virtual | **5.000 ± 0.100** | not run |"), markdown);
        assertTrue(markdown.contains("- virtual at P = 2: not run: the comparison was interrupted"), markdown);
        assertTrue(markdown.contains("the run interrupted before every cell was measured"), markdown);
    }

    @Test
    void aFailedCellShowsItsReason() {
        RunRecord run = new RunRecord("failed", "quick", "1 fork", List.of("threads"), List.of("spawn"), List.of(1),
                Map.of("spawn", SPAWN), List.of(new RunRecord.Cell("spawn", "threads", 1, CellOutcome.FAILED,
                        "model threads, workload spawn(units=10000): answered 1, expected 49995000")));
        Source source = new Source("run", Path.of("jmh.json"), List.of(), null, run);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(source), null).document());

        assertTrue(markdown.contains("| threads | failed |"), markdown);
        assertTrue(markdown.contains("- threads at P = 1: failed: model threads, workload spawn(units=10000): answered 1,"
                + " expected 49995000"), markdown);
        assertTrue(markdown.contains("; 1 cell failed; "), "the run's line counts the failures: " + markdown);
        assertTrue(markdown.contains("# Failed cells"), markdown);
        assertTrue(markdown.contains("- spawn: threads at P = 1: model threads, workload spawn(units=10000): answered 1,"
                + " expected 49995000"), "the failed cells are listed after the runs: " + markdown);
        assertTrue(markdown.indexOf("# Failed cells") < markdown.indexOf("# spawn"), markdown);
    }

    @Test
    void aFailedCellOfASweepIsNamedWithTheSweptSize() {
        Map<String, String> large = ordered("units", "100", "payload", "1048576");
        RunRecord run = new RunRecord("failed", "quick", "1 fork", List.of("process-pool"), List.of("transfer"), List.of(2),
                Map.of("transfer", Map.of("units", "100", "payload", "0,1048576")), List.of(
                        new RunRecord.Cell("transfer", "process-pool", 2, CellOutcome.FAILED, "worker pid 9 (w-1) exited with code 137",
                                large)));
        Source source = new Source("run", Path.of("jmh.json"), List.of(), null, run);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(source), null).document());

        assertTrue(markdown.contains("- transfer, payload=1048576: process-pool at P = 2: worker pid 9 (w-1) exited with code 137"),
                markdown);
    }

    @Test
    void aGapOfOneValueOfASweepIsShownInThatValuesTableAlone() {
        Map<String, String> small = ordered("units", "100", "payload", "0");
        Map<String, String> large = ordered("units", "100", "payload", "1048576");
        RunRecord run = new RunRecord("complete", "quick", "1 fork", List.of("process-pool"), List.of("transfer"), List.of(1),
                Map.of("transfer", Map.of("units", "100", "payload", "0,1048576")), List.of(
                        new RunRecord.Cell("transfer", "process-pool", 1, CellOutcome.MEASURED, null, small),
                        new RunRecord.Cell("transfer", "process-pool", 1, CellOutcome.NOT_APPLICABLE, "payload too large", large)));
        Measurement measured = new Measurement("org.concurrencybench.benchmarks.jmh.TransferBenchmark.returnPayloadFromEveryTask",
                "transfer", small, "process-pool", 1, "avgt", 5.0, 0.1, "ms/op");
        Source source = new Source("run", Path.of("jmh.json"), List.of(measured), null, run);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(source), null).document());

        assertTrue(markdown.contains("## transfer (units=100, payload=0)\n"), markdown);
        assertTrue(markdown.contains("## transfer (units=100, payload=1048576)\n"), markdown);
        assertFalse(markdown.contains("payload=0,1048576)"), "no table of the sweep as a whole: " + markdown);
        assertTrue(markdown.contains("- process-pool at P = 1: n/a: payload too large"), markdown);
    }

    @Test
    void errorBarsAsWideAsTheFiguresAreCalledOut() {
        Source noisy = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 4.0), spawn("virtual", 2, 4.0, 9.0),
                spawn("threads", 1, 600.0, 10.0)), null, null);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(noisy), null).document());

        assertTrue(markdown.contains("2 of 3 figures have an error wider than half the figure itself"), markdown);
    }

    @Test
    void narrowErrorBarsNeedNoWarning() {
        Source quiet = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.2)), null, null);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(quiet), null).document());

        assertFalse(markdown.contains("error wider than half"), markdown);
    }

    @Test
    void scoresSpanningMoreThanTwentyTimesAreChartedOnALogarithmicScale() {
        Source wide = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.1), spawn("threads", 1, 600.0, 1.0)),
                null, null);
        Source narrow = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.1), spawn("threads", 1, 50.0, 1.0)),
                null, null);

        assertTrue(Charts.isLogarithmic(WorkloadTable.of(List.of(wide)).getFirst()));
        assertFalse(Charts.isLogarithmic(WorkloadTable.of(List.of(narrow)).getFirst()));
        assertEquals(List.of("spawn.png", "spawn-ranking.png"),
                ReportBuilder.build(List.of(wide), null).charts().stream().map(Report.Chart::file).toList());
    }

    @Test
    void chartsAreNamedAfterTheSizesThatTellTheWorkloadsTablesApart() {
        List<Measurement> measurements = new java.util.ArrayList<>();
        for (String lock : List.of("synchronized", "reentrant")) {
            measurements.add(new Measurement("org.concurrencybench.benchmarks.jmh.ContentionBenchmark.updateOneSharedCounter",
                    "contention", ordered("workers", "4", "lock", lock), "virtual", 1, "avgt", 5.0, 0.1, "ms/op"));
        }
        for (String payload : List.of("0", "65536")) {
            for (int cores : List.of(1, 2)) {
                measurements.add(new Measurement("org.concurrencybench.benchmarks.jmh.TransferBenchmark.returnPayloadFromEveryTask",
                        "transfer", ordered("units", "100", "payload", payload), "thread-pool", cores, "avgt", 5.0, 0.1, "ms/op"));
            }
        }
        measurements.add(spawn("virtual", 1, 5.0, 0.1));
        Source source = new Source("run", Path.of("jmh.json"), measurements, null, null);

        Report report = ReportBuilder.build(List.of(source), null);

        assertEquals(List.of("spawn.png", "spawn-ranking.png", "transfer-payload-0.png", "transfer-payload-0-ranking.png",
                        "transfer-payload-65536.png", "transfer-payload-65536-ranking.png", "transfer-per-unit-p1.png",
                        "transfer-per-unit-p2.png", "contention-synchronized.png", "contention-synchronized-ranking.png",
                        "contention-reentrant.png", "contention-reentrant-ranking.png"),
                report.charts().stream().map(Report.Chart::file).toList());
    }

    @Test
    void theChartOfEachModelAtEachPFollowsTheScalingChart() {
        Source run = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.1), spawn("threads", 1, 60.0, 1.0)),
                null, null);

        String markdown = MarkdownRenderer.render(ReportBuilder.build(List.of(run), null).document());

        int scaling = markdown.indexOf("![spawn (units=10000): ms/op against P for every model, each point with its 99.9%"
                + " interval](spawn.png)");
        int ranking = markdown.indexOf("![spawn (units=10000): which model for this work at each P, a bar per model, the"
                + " fastest first in each group, with its 99.9% interval](spawn-ranking.png)");
        assertTrue(scaling >= 0 && ranking > scaling, markdown);
    }

    @Test
    void aChartNameHasOnlyLowerCaseLettersDigitsAndHyphens() {
        assertEquals("lock-a-b-c", ChartNames.sanitise("Lock=A_b.C!"));
        assertEquals("chart", ChartNames.sanitise("_"));
    }

    private static Map<String, String> ordered(String firstName, String first, String secondName, String second) {
        Map<String, String> sizes = new java.util.LinkedHashMap<>();
        sizes.put(firstName, first);
        sizes.put(secondName, second);
        return sizes;
    }

    private static Measurement spawn(String model, int cores, double score, double error) {
        return new Measurement("org.concurrencybench.benchmarks.jmh.SpawnBenchmark.startAndJoinTasks", "spawn", SPAWN, model,
                cores, "avgt", score, error, "ms/op");
    }
}
