package org.concurrencybench.benchmarks.load;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.benchmarks.report.ModelStyle;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The hockey stick of one P: p99 latency (from each request's intended start) against the
 * throughput achieved, one line per model. The latency axis is logarithmic: past its knee a
 * server's queue grows through the whole period, and p99 jumps by orders of magnitude.
 */
final class LoadChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private LoadChart() {
    }

    /** The chart of P as PNG bytes; empty when no model has a point to draw there. */
    static Optional<byte[]> png(LoadResults results, int cores) throws IOException {
        Optional<XYChart> chart = chart(results, cores);
        if (chart.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BitmapEncoder.getBitmapBytes(chart.get(), BitmapEncoder.BitmapFormat.PNG));
    }

    /** A log latency axis from {@code min} to {@code max} ms, to whole decades at both ends so that it has two labelled ticks. */
    static void wholeDecades(XYStyler styler, double min, double max) {
        double below = Math.pow(10, Math.floor(Math.log10(min)));
        double above = Math.pow(10, Math.ceil(Math.log10(max)));
        styler.setYAxisMin(below).setYAxisMax(above <= below ? below * 10 : above);
    }

    static Optional<XYChart> chart(LoadResults results, int cores) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("p99 latency against throughput, P = " + cores)
                .xAxisTitle("achieved requests per second").yAxisTitle("p99 latency, ms (log)").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setYAxisLogarithmic(true);
        styler.setXAxisDecimalPattern("#,##0").setYAxisDecimalPattern("#,##0.##");
        double min = Double.MAX_VALUE;
        double max = 0;
        int drawn = 0;
        for (ModelLoad load : results.loads()) {
            if (load.cores() != cores) {
                continue;
            }
            List<Double> throughput = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (LoadPoint point : load.points()) {
                if (point.p99Ms() > 0 && point.achievedRate() > 0) {
                    throughput.add(point.achievedRate());
                    p99.add(point.p99Ms());
                    min = Math.min(min, point.p99Ms());
                    max = Math.max(max, point.p99Ms());
                }
            }
            if (!throughput.isEmpty()) {
                XYSeries series = chart.addSeries(load.model(), throughput, p99);
                // the model's colour and marker in every chart of the suite's report
                ModelStyle style = ModelStyle.of(load.model(), 0);
                series.setMarker(style.marker()).setMarkerColor(style.colour()).setLineColor(style.colour());
                drawn++;
            }
        }
        if (drawn == 0) {
            return Optional.empty();
        }
        wholeDecades(styler, min, max);
        styler.setXAxisMin(0.0);
        return Optional.of(chart);
    }
}
