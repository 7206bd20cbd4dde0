package org.concurrencybench.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * The report's charts, drawn by XChart: one per workload table, the score against P for every
 * model, and transfer's cost per unit against the payload. The x axis holds evenly spaced
 * categories, which for the doubling ladder 1, 2, 4, 8 (and payloads 1 KiB, 64 KiB, 1 MiB) is a
 * log scale; the y axis turns logarithmic when the values span more than {@link #LOG_SPREAD}
 * times, or the fast models would lie flat on the axis under the slow ones.
 */
final class Charts {

    /** Values spanning more than this factor get a logarithmic y axis. */
    static final double LOG_SPREAD = 20;

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private Charts() {
    }

    /** The chart of {@code plot} as PNG bytes. */
    static byte[] png(Plot plot) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(plot), BitmapEncoder.BitmapFormat.PNG);
    }

    /** A workload table as a plot: a line per model (and run), its score at each P. */
    static Plot plot(WorkloadTable table, boolean severalSources) {
        List<String> categories = table.cores().stream().map(String::valueOf).toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (WorkloadTable.Row row : table.rows()) {
            List<Double> scores = new ArrayList<>();
            boolean any = false;
            for (int cores : table.cores()) {
                Measurement measurement = row.at(cores);
                scores.add(measurement == null ? null : measurement.score());
                any |= measurement != null;
            }
            if (any) {
                series.put((row.isBaseline() ? row.model() + " (baseline)" : row.model())
                        + (severalSources ? " - " + row.source().label() : ""), scores);
            }
        }
        return new Plot(table.title(), "P (cores)",
                table.unit() + (table.lowerIsBetter() ? ", lower is better" : ", higher is better"), categories, series);
    }

    static CategoryChart chart(Plot plot) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xTitle()).yAxisTitle(plot.yTitle()).build();
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        // every series at the middle of its category, not side by side as bars are
        chart.getStyler().setOverlapped(true);
        if (isLogarithmic(plot)) {
            // whole decades at both ends, so that the axis has at least two labelled ticks
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(plot.extreme(false)))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(plot.extreme(true)))));
        } else {
            // from zero, so that the heights compare as the figures do
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(8);
        plot.series().forEach((name, values) -> chart.addSeries(name, plot.categories(), values));
        return chart;
    }

    /** Whether the table's scores span more than {@link #LOG_SPREAD} times (and all are positive). */
    static boolean isLogarithmic(WorkloadTable table) {
        return isLogarithmic(plot(table, false));
    }

    static boolean isLogarithmic(Plot plot) {
        double min = plot.extreme(false);
        return min > 0 && plot.extreme(true) / min > LOG_SPREAD;
    }
}
