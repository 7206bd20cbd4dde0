package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How well runs agree with a baseline, from results built in memory: the cases the checked-in files do not hold. */
class BaselineAgreementTest {

    private static final String SPAWN = "org.concurrencybench.benchmarks.jmh.SpawnBenchmark.startAndJoinTasks";

    @Test
    void aBaselineInAnotherUnitOfTimeIsReadInTheRunsUnit() {
        Source run = source("run", spawn("virtual", 1, "avgt", 52_000, 1_000, "us/op"));
        Source baseline = source("baseline", spawn("virtual", 1, "avgt", 50, 1, "ms/op"));

        BaselineAgreement agreement = BaselineAgreement.of(run, new BaselineComparison(baseline));

        assertEquals(1, agreement.cells());
        BaselineAgreement.Pair pair = agreement.pairs().getFirst();
        assertEquals(50_000, pair.baselineScore(), 1e-6);
        assertEquals(1_000, pair.baselineError(), 1e-6);
        assertEquals(0.04, pair.difference(), 1e-12);
        assertEquals(1, agreement.within(BaselineAgreement.CLOSE));
        assertEquals(0, agreement.insideBaselineInterval(), "52,000 is outside 50,000 ± 1,000");
        assertEquals(List.of(), agreement.changed(), "51,000 to 53,000 touches 49,000 to 51,000");
    }

    @Test
    void theMedianOfAnEvenNumberOfCellsIsTheMeanOfTheMiddleTwo() {
        Source run = source("run", spawn("virtual", 1, "avgt", 102, 1, "ms/op"), spawn("virtual", 2, "avgt", 53, 1, "ms/op"),
                spawn("threads", 1, "avgt", 100, 1, "ms/op"), spawn("threads", 2, "avgt", 80, 1, "ms/op"));
        Source baseline = source("baseline", spawn("virtual", 1, "avgt", 100, 1, "ms/op"),
                spawn("virtual", 2, "avgt", 50, 1, "ms/op"), spawn("threads", 1, "avgt", 100, 1, "ms/op"),
                spawn("threads", 2, "avgt", 100, 1, "ms/op"));

        BaselineAgreement agreement = BaselineAgreement.of(run, new BaselineComparison(baseline));

        // differences 2%, 6%, 0% and 20%: the middle two are 2% and 6%
        assertEquals(0.04, agreement.medianDifference().orElseThrow(), 1e-12);
        assertEquals(2, agreement.within(BaselineAgreement.CLOSE));
        assertEquals(3, agreement.within(BaselineAgreement.NEAR));
        assertEquals(List.of("threads at 2", "virtual at 2"), agreement.changed().stream()
                .map(pair -> pair.now().model() + " at " + pair.now().cores()).toList(), "in the tables' order");
    }

    @Test
    void aHigherThroughputIsFasterAndOtherModesAreNotMatched() {
        Source run = source("run", spawn("virtual", 1, "thrpt", 120, 1, "ops/ms"), spawn("threads", 1, "avgt", 10, 1, "ms/op"));
        Source baseline = source("baseline", spawn("virtual", 1, "thrpt", 100, 1, "ops/ms"),
                spawn("threads", 1, "thrpt", 0.1, 0.01, "ops/ms"));

        String markdown = markdownOf(List.of(run), baseline);

        assertTrue(markdown.contains("| cells in both runs | 1 |"), markdown);
        assertTrue(markdown.contains("| spawn (units=100) | virtual | 1 | 120.0 ± 1.0 ops/ms | 100.0 ± 1.0 ops/ms | 1.20×, faster |"),
                markdown);
    }

    @Test
    void severalRunsGetAColumnEachAndTheirChangedCellsAreNamedByRun() {
        Source first = source("first", spawn("virtual", 1, "avgt", 10, 1, "ms/op"));
        Source second = source("second", spawn("virtual", 1, "avgt", 20, 1, "ms/op"));
        Source baseline = source("baseline", spawn("virtual", 1, "avgt", 10.5, 1, "ms/op"));

        String markdown = markdownOf(List.of(first, second), baseline);

        assertTrue(markdown.contains("| measure | first | second |"), markdown);
        assertTrue(markdown.contains("| within 5% of the baseline | 100% (1 of 1) | 0% (0 of 1) |"), markdown);
        assertTrue(markdown.contains("| median difference | 4.8% | 90.5% |"), markdown);
        assertTrue(markdown.contains("| run | workload | model | P | figure | baseline | ratio |"), markdown);
        assertTrue(markdown.contains("| second | spawn (units=100) | virtual | 1 | 20.00 ± 1.00 ms/op | 10.50 ± 1.00 ms/op"
                + " | 1.90×, slower |"), markdown);
    }

    @Test
    void runsThatShareNoCellSaySoRatherThanShowAShare() {
        Source run = source("run", spawn("virtual", 1, "avgt", 10, 1, "ms/op"));
        Source baseline = source("baseline", spawn("virtual", 2, "avgt", 10, 1, "ms/op"));

        String markdown = markdownOf(List.of(run), baseline);

        assertTrue(markdown.contains("| cells in both runs | 0 |"), markdown);
        assertTrue(markdown.contains("| within 5% of the baseline | - (none) |"), markdown);
        assertTrue(markdown.contains("| median difference | - |"), markdown);
        assertTrue(markdown.contains("| inside the baseline's error interval | - (none with an interval) |"), markdown);
        assertTrue(markdown.contains("No cell changed beyond both error bars."), markdown);
    }

    private static String markdownOf(List<Source> runs, Source baseline) {
        return MarkdownRenderer.render(ReportBuilder.build(runs, baseline).document());
    }

    private static Source source(String label, Measurement... measurements) {
        return new Source(label, Path.of(label, "jmh.json"), List.of(measurements), null, null);
    }

    private static Measurement spawn(String model, int cores, String mode, double score, double error, String unit) {
        return new Measurement(SPAWN, "spawn", Map.of("units", "100"), model, cores, mode, score, error, unit);
    }
}
