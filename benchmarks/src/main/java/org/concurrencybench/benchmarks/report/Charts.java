package org.concurrencybench.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * One chart per workload table: the score against P for every model, drawn by XChart. P runs
 * along the x axis as evenly spaced categories, which for the doubling ladder 1, 2, 4, 8 is a
 * log2 scale; the y axis turns logarithmic when the scores span more than {@link #LOG_SPREAD}
 * times, or the fast models would lie flat on the axis under the slow ones.
 */
final class Charts {

    /** Scores spanning more than this factor get a logarithmic y axis. */
    static final double LOG_SPREAD = 20;

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private Charts() {
    }

    /** The chart of {@code table} as PNG bytes. */
    static byte[] png(WorkloadTable table, boolean severalSources) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(table, severalSources), BitmapEncoder.BitmapFormat.PNG);
    }

    static CategoryChart chart(WorkloadTable table, boolean severalSources) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(table.title())
                .xAxisTitle("P (cores)").yAxisTitle(table.unit() + (table.lowerIsBetter() ? ", lower is better" : ", higher is better"))
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        // every series at the middle of its P, not side by side as bars are
        chart.getStyler().setOverlapped(true);
        if (isLogarithmic(table)) {
            // whole decades at both ends, so that the axis has at least two labelled ticks
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(extreme(table, false)))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(extreme(table, true)))));
        } else {
            // from zero, so that the heights compare as the figures do
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setMarkerSize(8);
        List<String> categories = table.cores().stream().map(String::valueOf).toList();
        for (WorkloadTable.Row row : table.rows()) {
            List<Double> scores = new ArrayList<>();
            boolean any = false;
            for (int cores : table.cores()) {
                Measurement measurement = row.at(cores);
                scores.add(measurement == null ? null : measurement.score());
                any |= measurement != null;
            }
            if (any) {
                String name = (row.isBaseline() ? "baseline (plain loop)" : row.model())
                        + (severalSources ? " - " + row.source().label() : "");
                chart.addSeries(name, categories, scores);
            }
        }
        return chart;
    }

    /** Whether the scores span more than {@link #LOG_SPREAD} times (and all are positive). */
    static boolean isLogarithmic(WorkloadTable table) {
        double min = extreme(table, false);
        return min > 0 && extreme(table, true) / min > LOG_SPREAD;
    }

    /** The largest score of the table, or the smallest. */
    private static double extreme(WorkloadTable table, boolean largest) {
        return table.rows().stream().flatMap(row -> row.measured().values().stream()).mapToDouble(Measurement::score)
                .reduce(largest ? Math::max : Math::min).orElse(0);
    }
}
