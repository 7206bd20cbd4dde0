package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** The report's charts: what each plot holds, how each model is drawn, and that they draw. */
class ChartsTest {

    private static final Map<String, String> SPAWN = Map.of("units", "10000");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @BeforeAll
    static void headless() {
        ReportWriter.prepareGraphics();
    }

    @Test
    void aModelKeepsItsColourAndMarkerInPlotsOfOtherModels() {
        Source first = source(List.of(spawn("threads", 1, 50.0, 1.0), spawn("virtual", 1, 5.0, 0.1)));
        Source second = source(List.of(spawn("sequential", 1, 8.0, 0.1), spawn("thread-pool", 1, 9.0, 0.1),
                spawn("virtual", 1, 6.0, 0.1)));

        CategoryChart one = Charts.chart(Charts.scaling(table(first), List.of(first)));
        CategoryChart other = Charts.chart(Charts.scaling(table(second), List.of(second)));
        CategoryChart bars = Charts.chart(Charts.ranking(table(second), List.of(second)));

        CategorySeries virtualFirst = one.getSeriesMap().get("virtual");
        CategorySeries virtualSecond = other.getSeriesMap().get("virtual");
        assertEquals(1, List.copyOf(one.getSeriesMap().keySet()).indexOf("virtual"));
        assertEquals(2, List.copyOf(other.getSeriesMap().keySet()).indexOf("virtual"), "another place in the chart");
        assertEquals(virtualFirst.getLineColor(), virtualSecond.getLineColor());
        assertEquals(virtualFirst.getMarker(), virtualSecond.getMarker());
        assertEquals(virtualFirst.getLineColor(), bars.getSeriesMap().get("virtual").getFillColor(), "the bars' colour too");
        assertNotEquals(virtualFirst.getLineColor(), one.getSeriesMap().get("threads").getLineColor());
        assertNotEquals(virtualFirst.getLineColor(), other.getSeriesMap().get("thread-pool").getLineColor());
    }

    @Test
    void everyModelOfTheSuiteHasAColourOfItsOwn() {
        List<String> models = new ArrayList<>(org.concurrencybench.core.ModelRegistry.ids());
        models.addAll(org.concurrencybench.benchmarks.python.PythonModels.ids());
        List<java.awt.Color> seen = new ArrayList<>();
        for (String model : models) {
            java.awt.Color colour = ModelStyle.of(model, 0).colour();
            assertTrue(!seen.contains(colour), () -> model + " has the colour of " + models.get(seen.indexOf(colour))
                    + ": in a bar chart, which has no markers, the two look alike");
            seen.add(colour);
        }
    }

    @Test
    void aLaterRunKeepsTheModelsColourAndChangesItsLine() {
        Source first = source(List.of(spawn("virtual", 1, 5.0, 0.1))).withLabel("JDK 21");
        Source second = source(List.of(spawn("virtual", 1, 6.0, 0.1))).withLabel("JDK 25");

        Plot plot = Charts.scaling(table(first, second), List.of(first, second));
        CategoryChart chart = Charts.chart(plot);

        CategorySeries earlier = chart.getSeriesMap().get("virtual - JDK 21");
        CategorySeries later = chart.getSeriesMap().get("virtual - JDK 25");
        assertEquals(List.of(0, 1), plot.series().stream().map(Plot.Series::run).toList());
        assertEquals(earlier.getLineColor(), later.getLineColor());
        assertEquals(earlier.getMarker(), later.getMarker());
        assertNotEquals(earlier.getLineStyle(), later.getLineStyle());
        assertNotEquals(ModelStyle.of("virtual", 0).fill(), ModelStyle.of("virtual", 1).fill(), "a later run's bars are lighter");
    }

    @Test
    void eachValueCarriesItsErrorAndAMissingOneHasNone() {
        Source run = source(List.of(spawn("threads", 1, 50.0, 1.5), spawn("threads", 2, 30.0, Double.NaN),
                spawn("virtual", 2, 5.0, 0.25)));

        Plot plot = Charts.scaling(table(run), List.of(run));

        assertEquals(List.of("1", "2"), plot.categories());
        Plot.Series threads = plot.series().get(0);
        Plot.Series virtual = plot.series().get(1);
        assertEquals(Arrays.asList(50.0, 30.0), threads.values());
        assertEquals(1.5, threads.errors().get(0));
        assertTrue(Double.isNaN(threads.errors().get(1)), "no estimate stays unknown, not zero");
        assertEquals(Arrays.asList(null, 5.0), virtual.values());
        assertNull(virtual.errors().get(0));
        assertEquals(0.25, virtual.errors().get(1));
        assertEquals(51.5, plot.highestTop(), 1e-9, "the axis reaches the top of the highest error bar");
        assertEquals(plot.series(), Charts.ranking(table(run), List.of(run)).series());
    }

    @Test
    void theBarsOfAGroupAreTheBestFirst() {
        Source run = source(List.of(spawn("sequential", 1, 40.0, 1.0), spawn("threads", 1, 50.0, 1.0),
                spawn("virtual", 1, 5.0, 0.1), spawn("threads", 2, 30.0, 1.0), spawn("virtual", 2, 3.0, 0.1)));
        Plot plot = Charts.ranking(table(run), List.of(run));

        assertEquals(List.of("virtual", "sequential", "threads"), models(Charts.bestFirst(plot, 0)));
        assertEquals(List.of("virtual", "threads"), models(Charts.bestFirst(plot, 1)), "no gap for the model not measured");

        Plot throughput = new Plot("t", "P", "ops/s", List.of("1"), List.of(
                new Plot.Series("a", "threads", 0, List.of(10.0), List.of(1.0)),
                new Plot.Series("b", "virtual", 0, List.of(20.0), List.of(1.0))), Plot.Shape.BARS, false);
        assertEquals(List.of("virtual", "threads"), models(Charts.bestFirst(throughput, 0)), "higher is better: highest first");
    }

    @Test
    void aQuickRunsChartsSaySoInTheirTitles() {
        RunRecord quick = run("quick", "1 fork, warm-up 1 x 200 ms, measurement 3 x 200 ms");
        Source run = new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.1)), null, quick);

        assertTrue(Charts.scaling(table(run), List.of(run)).title().endsWith(" (quick: 1 fork, 3 × 200 ms)"),
                Charts.scaling(table(run), List.of(run)).title());
        assertTrue(Charts.ranking(table(run), List.of(run)).title().endsWith(" (quick: 1 fork, 3 × 200 ms)"));
    }

    @Test
    void aFullRunIsUnmarkedUnlessJmhOptionsChangedItsSettings() {
        assertEquals("", RunMarks.of(List.of(withRun(run("full", "5 forks, warm-up 5 x 10 s, measurement 5 x 10 s")))));
        assertEquals(" (full, JMH options: 1 fork, 5 × 10 s)", RunMarks.of(List.of(withRun(run("full",
                "5 forks, warm-up 5 x 10 s, measurement 5 x 10 s; with JMH options -f 1")))));
        assertEquals(" (quick, JMH options: 1 fork, 3 × 100 ms)", RunMarks.of(List.of(withRun(run("quick",
                "1 fork, warm-up 1 x 400 ms, measurement 3 x 400 ms; with JMH options -wi 1 -w 100ms -i 3 -r 100ms")))));
        assertEquals("", RunMarks.of(List.of(source(List.of()))), "no run record, nothing known");
    }

    @Test
    void runsMarkedAlikeShareOneMarkAndRunsMarkedOtherwiseAreNamed() {
        Source quick = withRun(run("quick", "1 fork, warm-up 1 x 200 ms, measurement 3 x 200 ms")).withLabel("JDK 21");
        Source alsoQuick = withRun(run("quick", "1 fork, warm-up 1 x 200 ms, measurement 3 x 200 ms")).withLabel("JDK 25");
        Source full = withRun(run("full", "5 forks, warm-up 5 x 10 s, measurement 5 x 10 s")).withLabel("JDK 25");

        assertEquals(" (quick: 1 fork, 3 × 200 ms)", RunMarks.of(List.of(quick, alsoQuick)));
        assertEquals(" (JDK 21: quick: 1 fork, 3 × 200 ms)", RunMarks.of(List.of(quick, full)));
    }

    @Test
    void bothShapesDrawAsPngOnLinearAndLogarithmicAxes() throws Exception {
        Source narrow = source(List.of(spawn("threads", 1, 50.0, 1.0), spawn("virtual", 1, 40.0, 0.1),
                spawn("virtual", 2, 30.0, Double.NaN)));
        // virtual's error reaches below zero: on the log axis its bar is cut at the axis
        Source wide = source(List.of(spawn("threads", 1, 600.0, 10.0), spawn("virtual", 1, 5.0, 9.0),
                spawn("threads", 2, 400.0, 10.0)));

        for (Source run : List.of(narrow, wide)) {
            for (Plot plot : List.of(Charts.scaling(table(run), List.of(run)), Charts.ranking(table(run), List.of(run)))) {
                byte[] png = Charts.png(plot);
                assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length), plot.title());
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertEquals(900, image.getWidth());
            }
        }
        assertTrue(Charts.isLogarithmic(Charts.scaling(table(wide), List.of(wide))));
        Charts.Axis axis = Charts.Axis.of(Charts.scaling(table(wide), List.of(wide)));
        assertEquals(1.0, axis.min(), "a whole decade at least three times below the smallest value");
        assertEquals(1.0, axis.clamp(5.0 - 9.0), "a lower end below zero is held above it");
        assertTrue(axis.max() >= 610.0, "above the highest error bar");
        assertEquals("#,##0.###", axis.decimalPattern());
    }

    @Test
    void aLogarithmicAxisWritesItsLowestDecadeWithTheDecimalsItNeeds() {
        Source tiny = source(List.of(spawn("threads", 1, 150.0, 10.0), spawn("virtual", 1, 0.0021, 0.0001)));

        Charts.Axis axis = Charts.Axis.of(Charts.scaling(table(tiny), List.of(tiny)));

        assertEquals(1e-4, axis.min(), 1e-12);
        assertEquals("0.0001", new java.text.DecimalFormat(axis.decimalPattern(),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(axis.min()),
                "not 0, which a logarithmic axis cannot have");
        assertEquals("#,##0.###", new Charts.Axis(false, 0, 10).decimalPattern(), "a linear axis from 0");
        assertEquals("#,##0.###", new Charts.Axis(true, 10, 1000).decimalPattern());
    }

    @Test
    void aTitleTooLongForTheChartIsSetSmaller() {
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14);

        assertEquals(font, Charts.fitted(font, "cpu", 600));
        java.awt.Font smaller = Charts.fitted(font, "x".repeat(120), 600);
        assertTrue(smaller.getSize() < 14 && smaller.getSize() >= 9, smaller.toString());
    }

    private static List<String> models(List<Plot.Series> series) {
        return series.stream().map(Plot.Series::model).toList();
    }

    private static WorkloadTable table(Source... sources) {
        return WorkloadTable.of(List.of(sources)).getFirst();
    }

    private static Source source(List<Measurement> measurements) {
        return new Source("run", Path.of("jmh.json"), measurements, null, null);
    }

    private static Source withRun(RunRecord record) {
        return new Source("run", Path.of("jmh.json"), List.of(spawn("virtual", 1, 5.0, 0.1)), null, record);
    }

    private static RunRecord run(String profile, String settings) {
        return new RunRecord("complete", profile, settings, List.of("virtual"), List.of("spawn"), List.of(1),
                Map.of("spawn", SPAWN), List.of(new RunRecord.Cell("spawn", "virtual", 1, CellOutcome.MEASURED, null)));
    }

    private static Measurement spawn(String model, int cores, double score, double error) {
        return new Measurement("org.concurrencybench.benchmarks.jmh.SpawnBenchmark.startAndJoinTasks", "spawn", SPAWN, model,
                cores, "avgt", score, error, "ms/op");
    }
}
