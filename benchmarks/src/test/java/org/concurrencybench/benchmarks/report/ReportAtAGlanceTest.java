package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ties, floors, the summary, the contents and the quick marking, from results built in memory. */
class ReportAtAGlanceTest {

    private static final Map<String, String> BLOCKING = ordered("units", "100", "delayMs", "10");
    private static final Map<String, String> CPU = ordered("limit", "100000", "units", "16");

    @Test
    void overlappingIntervalsAreTiedAndDisjointOnesAreNot() {
        Measurement a = blocking("virtual", 1, 10.5, 0.2);
        Measurement overlapping = blocking("async", 1, 10.8, 0.2);
        Measurement touching = blocking("async", 1, 10.9, 0.2);
        Measurement disjoint = blocking("async", 1, 11.0, 0.2);
        Measurement withoutError = blocking("async", 1, 10.5, Double.NaN);

        assertTrue(Ranking.tied(a, overlapping));
        assertTrue(Ranking.tied(a, touching), "intervals that meet cannot be told apart");
        assertFalse(Ranking.tied(a, disjoint));
        assertTrue(Ranking.tied(blocking("virtual", 1, 10.5, Double.NaN), withoutError), "equal figures tie");
        assertFalse(Ranking.tied(blocking("virtual", 1, 10.4, Double.NaN), withoutError));
    }

    @Test
    void tiedModelsShareTheBoldAndTheFastestSentenceNamesThemTogether() {
        Source source = source(List.of(blocking("virtual", 1, 10.5, 0.2), blocking("async", 1, 10.7, 0.2),
                blocking("thread-pool", 1, 1_000, 5)));

        String markdown = markdown(source);

        assertTrue(markdown.contains("| virtual | **10.50 ± 0.20** |"), markdown);
        assertTrue(markdown.contains("| async | **10.70 ± 0.20** |"), markdown);
        assertTrue(markdown.contains("| thread-pool | 1,000 ± 5 |"), markdown);
        assertTrue(markdown.contains("Fastest at P = 1, tied within the error: async (10.70 ms/op), virtual (10.50 ms/op)")
                || markdown.contains("Fastest at P = 1, tied within the error: virtual (10.50 ms/op), async (10.70 ms/op)"),
                markdown);
    }

    @Test
    void speedUpsWhoseIntervalsOverlapAreTiedAndDisjointOnesAreNot() {
        // fork-join 100/52 = 1.92x, from 1.85x to 2.00x; thread-pool 100/51 = 1.96x, from 1.88x to 2.04x: tied
        Source tied = source(List.of(cpu("fork-join", 1, 100, 1), cpu("fork-join", 2, 52, 1),
                cpu("thread-pool", 1, 100, 1), cpu("thread-pool", 2, 51, 1)));

        String tiedMarkdown = markdown(tied);

        assertTrue(tiedMarkdown.contains("| fork-join | **1.92× (96%)** |"), tiedMarkdown);
        assertTrue(tiedMarkdown.contains("| thread-pool | **1.96× (98%)** |"), tiedMarkdown);
        assertTrue(tiedMarkdown.contains("Best speed-up from P = 1 to P = 2, tied within the error: thread-pool 1.96×,"
                + " fork-join 1.92×."), tiedMarkdown);

        // threads 100/80 = 1.25x, at most 101/79 = 1.28x: below thread-pool's lowest, 99/52 = 1.90x
        Source apart = source(List.of(cpu("threads", 1, 100, 1), cpu("threads", 2, 80, 1),
                cpu("thread-pool", 1, 100, 1), cpu("thread-pool", 2, 51, 1)));

        String apartMarkdown = markdown(apart);

        assertTrue(apartMarkdown.contains("| threads | 1.25× (63%) |"), apartMarkdown);
        assertTrue(apartMarkdown.contains("| thread-pool | **1.96× (98%)** |"), apartMarkdown);
        assertTrue(apartMarkdown.contains("Best speed-up from P = 1 to P = 2: thread-pool, 1.96× (98% parallel efficiency)."),
                apartMarkdown);
    }

    @Test
    void aSpeedUpsIntervalRunsFromTheWorstEndsToTheBestEnds() {
        WorkloadTable.Row row = WorkloadTable.of(List.of(source(List.of(cpu("virtual", 1, 100, 10), cpu("virtual", 2, 50, 5)))))
                .getFirst().rows().getFirst();

        Ranking.SpeedUp speedUp = Ranking.speedUp(row, 2).orElseThrow();

        assertEquals(2.0, speedUp.value(), 1e-12);
        assertEquals(90.0 / 55, speedUp.low(), 1e-12);
        assertEquals(110.0 / 45, speedUp.high(), 1e-12);
    }

    @Test
    void aSpeedUpIsNotRankedWhereTheWorkWaits() {
        Source source = source(List.of(blocking("thread-pool", 1, 1_000, 5), blocking("thread-pool", 2, 500, 5),
                blocking("virtual", 1, 10.5, 0.2), blocking("virtual", 2, 10.5, 0.2)));

        String markdown = markdown(source);

        assertTrue(markdown.contains("| thread-pool | 2.00× (100%) |"), "not in bold: a cap that grows\n" + markdown);
        assertFalse(markdown.contains("Best speed-up"), markdown);
    }

    @Test
    void everyFigureIsShownAgainstItsFloorAndOneBelowItIsFlagged() {
        Source source = source(List.of(blocking("virtual", 1, 13, 0.2), blocking("async", 1, 9.0, 0.2),
                cpu("sequential", 1, 100, 1), cpu("fork-join", 1, 101, 1), cpu("fork-join", 2, 52, 1)));

        String markdown = markdown(source);

        assertTrue(markdown.contains("Each figure divided by the floor, one sleep of 10 ms, every sleep at once"), markdown);
        assertTrue(markdown.contains("| virtual | 1.30× |"), markdown);
        assertTrue(markdown.contains("| async | **0.90×, below the floor** |"), markdown);
        assertTrue(markdown.contains("1 figure lies below it, beyond their error: a measurement problem"), markdown);
        // cpu: the baseline's 100 ms shared by P cores
        assertTrue(markdown.contains("| fork-join | 1.01× | 1.04× |"), markdown);
    }

    @Test
    void theReportOpensWithTheModelsToUseAtEachPAndContentsThatLinkToEverySection() {
        Source source = source(List.of(blocking("virtual", 1, 10.5, 0.2), blocking("async", 1, 10.7, 0.2),
                blocking("thread-pool", 1, 1_000, 5), cpu("fork-join", 1, 101, 1), cpu("thread-pool", 1, 120, 1)));
        Document document = ReportBuilder.build(List.of(source), null).document();

        String markdown = MarkdownRenderer.render(document);
        String html = HtmlRenderer.render(document);

        assertTrue(markdown.indexOf("## Summary") < markdown.indexOf("## Contents"), markdown);
        assertTrue(markdown.indexOf("## Contents") < markdown.indexOf("## Runs"), markdown);
        assertTrue(markdown.contains("| [cpu (limit=100000, units=16)](#cpu-limit100000-units16) | fork-join | the baseline / P |"),
                markdown);
        assertTrue(markdown.contains("| [blocking (units=100, delayMs=10)](#blocking-units100-delayms10) | virtual, async (tied)"
                + " | 10 ms of waits |"), markdown);
        assertTrue(markdown.contains("- [Runs](#runs)"), markdown);
        assertTrue(html.contains("<h2 id=\"blocking-units100-delayms10\">blocking (units=100, delayMs=10)</h2>"), html);
        assertTrue(html.contains("<a href=\"#blocking-units100-delayms10\">"), html);
        assertEquals(document.anchors().size(), document.anchors().stream().distinct().count());
    }

    @Test
    void aQuickRunsTablesSaySoAndTheConsoleEndsOnTheSummary() {
        Source source = source(List.of(cpu("fork-join", 1, 101, 1), cpu("thread-pool", 1, 120, 1)));
        Document document = ReportBuilder.build(List.of(source), null).document();

        String console = TextRenderer.tables(document, ReportBuilder.SUMMARY);

        assertTrue(MarkdownRenderer.render(document).contains("| model (quick run) | P = 1 |"));
        assertTrue(console.strip().endsWith(TextRenderer.section(document, ReportBuilder.SUMMARY).strip()), console);
        assertTrue(console.indexOf("workload (quick run)") > console.indexOf("cpu (limit=100000, units=16)\n"), console);
    }

    @Test
    void aFigureThatGetsSlowerWithMoreCoresIsFlaggedWithWhatCostsThere() {
        Source source = source(List.of(cpu("thread-pool", 1, 100, 2), cpu("thread-pool", 2, 130, 2),
                cpu("fork-join", 1, 100, 2), cpu("fork-join", 2, 51, 2), cpu("async", 1, 100, 20), cpu("async", 2, 110, 20)));

        String markdown = markdown(source);

        assertTrue(markdown.contains("Slower at P = 2 than at P = 1, beyond the error: thread-pool (100.0 to 130.0 ms/op)."),
                markdown);
        assertFalse(markdown.contains("async (100.0 to 110.0"), "within the error\n" + markdown);
    }

    @Test
    void headingsGetGitHubsAnchors() {
        assertEquals("cpu-limit2000000-units64", Document.anchor("cpu (limit=2000000, units=64)"));
        assertEquals("transfer-µs-per-unit-payload-0", Document.anchor("transfer, µs per unit: payload 0"));
        Document twice = new Document("t", List.of(new Document.Heading(1, "P = 2"), new Document.Heading(1, "P = 2")));
        assertEquals(List.of("t", "p--2", "p--2-1"), twice.anchors());
    }

    private static String markdown(Source source) {
        return MarkdownRenderer.render(ReportBuilder.build(List.of(source), null).document());
    }

    private static Source source(List<Measurement> measurements) {
        RunRecord run = new RunRecord("complete", "quick", "1 fork", List.of(), List.of(), List.of(1, 2), Map.of(), List.of());
        return new Source("run", Path.of("jmh.json"), measurements, null, run);
    }

    private static Measurement blocking(String model, int cores, double score, double error) {
        return new Measurement("org.concurrencybench.benchmarks.jmh.BlockingBenchmark.sleepInEveryTask", "blocking", BLOCKING,
                model, cores, "avgt", score, error, "ms/op");
    }

    private static Measurement cpu(String model, int cores, double score, double error) {
        return new Measurement("org.concurrencybench.benchmarks.jmh.CpuBenchmark.countPrimes", "cpu", CPU, model, cores,
                "avgt", score, error, "ms/op");
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
