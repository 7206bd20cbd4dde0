package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latency distributions at one rate every model was offered, read from HdrHistogram's own files. */
class LoadPercentileChartTest {

    @TempDir
    Path folder;

    @Test
    void readsTheValuesAndPercentilesOfAnHgrmFile() throws IOException {
        Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i);
        }
        Path hgrm = folder.resolve("a.hgrm");
        try (PrintStream out = new PrintStream(Files.newOutputStream(hgrm))) {
            histogram.outputPercentileDistribution(out, 1.0);
        }

        List<double[]> rows = LoadPercentileChart.read(hgrm);

        assertEquals(1.0, rows.getFirst()[0]);
        assertEquals(0.0, rows.getFirst()[1]);
        assertEquals(1000.0, rows.getLast()[0]);
        assertEquals(1.0, rows.getLast()[1]);
        double median = rows.stream().filter(row -> row[1] == 0.5).findFirst().orElseThrow()[0];
        assertEquals(500.0, median);
    }

    @Test
    void theCommonRateIsTheHighestEveryModelAtThatPWasOffered() {
        LoadResults results = results(List.of(
                load("virtual", 2, 1_000, 2_000, 4_000, 8_000),
                load("thread-pool", 2, 1_000, 2_000, 4_000),
                load("async", 1, 1_000),
                new ModelLoad("sequential", 2, ModelLoad.NOT_APPLICABLE, "one thread", List.of(), null, null, null, null)));

        assertEquals(OptionalDouble.of(4_000), LoadPercentileChart.commonRate(results, 2));
        assertEquals(OptionalDouble.of(1_000), LoadPercentileChart.commonRate(results, 1));
        assertEquals(OptionalDouble.empty(), LoadPercentileChart.commonRate(results, 4));
    }

    @Test
    void thePercentileAxisIsLabelledInPercent() {
        assertEquals("0%", LoadPercentileChart.percentile(1));
        assertEquals("90%", LoadPercentileChart.percentile(10));
        assertEquals("99%", LoadPercentileChart.percentile(100));
        assertEquals("99.9%", LoadPercentileChart.percentile(1_000));
        assertEquals("99.99%", LoadPercentileChart.percentile(10_000));
    }

    @Test
    void drawsOneLineForEachModelWithAFileAtTheCommonRate() throws IOException {
        Histogram histogram = new Histogram(3);
        histogram.recordValue(100);
        histogram.recordValue(150);
        for (String name : List.of("virtual-p2-4000.hgrm", "thread-pool-p2-4000.hgrm")) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(folder.resolve(name)))) {
                histogram.outputPercentileDistribution(out, 1.0);
            }
        }
        LoadResults results = results(List.of(load("virtual", 2, 4_000), load("thread-pool", 2, 4_000)));

        byte[] png = LoadPercentileChart.png(results, 2, folder).orElseThrow();

        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        assertTrue(LoadPercentileChart.png(results, 2, folder.resolve("elsewhere")).isEmpty(), "no files, no chart");
    }

    private static ModelLoad load(String model, int cores, double... rates) {
        List<LoadPoint> points = Arrays.stream(rates).mapToObj(rate -> new LoadPoint(model, cores, rate, rate, 10,
                100, 101, 102, 103, 104, 0, Map.of(), null, null, true, true, false,
                LoadFiles.pointName(model, cores, rate) + ".hgrm")).toList();
        return new ModelLoad(model, cores, ModelLoad.MEASURED, null, points, rates[rates.length - 1], null, null, null);
    }

    private static LoadResults results(List<ModelLoad> loads) {
        return new LoadResults("complete", RateStepsTest.plan(List.of(1_000.0)), "taskset", null, 1, loads, List.of());
    }
}
