package org.concurrencybench.benchmarks.footprint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * {@code footprint.png}: bytes per task against N, one colour per model, the peak RSS figure a
 * solid line and the heap figure a dashed one. Both axes are logarithmic: N grows tenfold at a
 * step, and a platform thread costs tens of times what a parked virtual thread does. A figure
 * of zero or less (possible at small N, see {@link FootprintRecord#perTask}) has no place on
 * a log axis and is left out.
 */
final class FootprintChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private FootprintChart() {
    }

    /** The chart as PNG bytes; empty when there is no figure to draw. */
    static Optional<byte[]> png(FootprintResults results) throws IOException {
        Optional<XYChart> chart = chart(results);
        if (chart.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BitmapEncoder.getBitmapBytes(chart.get(), BitmapEncoder.BitmapFormat.PNG));
    }

    static Optional<XYChart> chart(FootprintResults results) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Memory per task alive at once")
                .xAxisTitle("N, tasks alive at once").yAxisTitle("bytes per task (solid: peak RSS, dashed: heap)").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        styler.setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0");
        Color[] colours = styler.getSeriesColors();
        double[] range = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
        int drawn = 0;
        for (int index = 0; index < results.models().size(); index++) {
            String model = results.models().get(index);
            Color colour = colours[index % colours.length];
            drawn += series(chart, results, model, "peak RSS", FootprintRecord::rssBytesPerTask, colour, SeriesLines.SOLID, range);
            drawn += series(chart, results, model, "heap", FootprintRecord::heapBytesPerTask, colour, SeriesLines.DASH_DASH, range);
        }
        if (drawn == 0) {
            return Optional.empty();
        }
        // whole decades at both ends of each axis, so that each has at least two labelled ticks
        styler.setXAxisMin(decadeBelow(range[0])).setXAxisMax(decadeAbove(range[1], range[0]));
        styler.setYAxisMin(decadeBelow(range[2])).setYAxisMax(decadeAbove(range[3], range[2]));
        return Optional.of(chart);
    }

    /** Adds one series if it has a positive figure; widens {@code range} (x min, x max, y min, y max) to it. */
    private static int series(XYChart chart, FootprintResults results, String model, String measure,
                              Function<FootprintRecord, Long> figure, Color colour, BasicStroke line, double[] range) {
        List<Double> tasks = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        for (int n : results.tasks()) {
            FootprintRecord record = results.record(model, n);
            Long value = record == null ? null : figure.apply(record);
            if (value != null && value > 0) {
                tasks.add((double) n);
                bytes.add((double) value);
                range[0] = Math.min(range[0], n);
                range[1] = Math.max(range[1], n);
                range[2] = Math.min(range[2], value);
                range[3] = Math.max(range[3], value);
            }
        }
        if (tasks.isEmpty()) {
            return 0;
        }
        XYSeries series = chart.addSeries(model + ", " + measure, tasks, bytes);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(line);
        return 1;
    }

    private static double decadeBelow(double value) {
        return Math.pow(10, Math.floor(Math.log10(value)));
    }

    /** The decade at or above {@code max}, and at least one decade above {@code min}'s, so that the axis spans one. */
    private static double decadeAbove(double max, double min) {
        double above = Math.pow(10, Math.ceil(Math.log10(max)));
        return above <= decadeBelow(min) ? decadeBelow(min) * 10 : above;
    }
}
