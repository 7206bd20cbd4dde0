package org.concurrencybench.benchmarks.load;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.benchmarks.report.ModelStyle;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The latency distribution of every model at one P and one rate that all of them were offered,
 * drawn from their .hgrm files as HdrHistogram's own plotter draws them: latency against the
 * percentile, the percentile axis stretched towards 100% (log10 of 1 / (1 - p), a decade for
 * each nine) so that the tail, where models differ, gets most of the width.
 */
final class LoadPercentileChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private LoadPercentileChart() {
    }

    /**
     * The highest rate every model measured at {@code cores} was offered; empty when they share
     * none, or when fewer than one model has points there.
     */
    static OptionalDouble commonRate(LoadResults results, int cores) {
        Set<Double> common = null;
        for (ModelLoad load : results.loads()) {
            if (load.cores() != cores || load.points().isEmpty()) {
                continue;
            }
            Set<Double> offered = new TreeSet<>();
            load.points().forEach(point -> offered.add(point.offeredRate()));
            if (common == null) {
                common = offered;
            } else {
                common.retainAll(offered);
            }
        }
        return common == null || common.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(common.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /** The chart of {@code cores} as PNG bytes, from the .hgrm files in {@code folder}; empty when there is none to draw. */
    static Optional<byte[]> png(LoadResults results, int cores, Path folder) throws IOException {
        OptionalDouble rate = commonRate(results, cores);
        if (rate.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Latency by percentile at " + LoadNumbers.rate(rate.getAsDouble()) + " offered, P = " + cores)
                .xAxisTitle("percentile").yAxisTitle("latency from the intended start, ms (log)").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setYAxisLogarithmic(true);
        // the axis is linear in log10(1 / (1 - p)), labelled at whole decades only: 0%, 90%, 99%, 99.9%
        styler.setxAxisTickLabelsFormattingFunction(decades -> Math.abs(decades - Math.rint(decades)) < 1e-6
                ? percentile(Math.pow(10, Math.rint(decades))) : "");
        styler.setYAxisDecimalPattern("#,##0.##");
        double min = Double.MAX_VALUE;
        double max = 0;
        double widest = 1;
        int drawn = 0;
        for (ModelLoad load : results.loads()) {
            if (load.cores() != cores) {
                continue;
            }
            Optional<LoadPoint> point = load.points().stream()
                    .filter(candidate -> candidate.offeredRate() == rate.getAsDouble()).findFirst();
            if (point.isEmpty() || point.get().hgrm() == null || !Files.isRegularFile(folder.resolve(point.get().hgrm()))) {
                continue;
            }
            List<double[]> rows = read(folder.resolve(point.get().hgrm()));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (double[] row : rows) {
                if (row[1] < 1 && row[0] > 0) {
                    x.add(Math.log10(1 / (1 - row[1])));
                    widest = Math.max(widest, x.getLast());
                    y.add(row[0]);
                    min = Math.min(min, row[0]);
                    max = Math.max(max, row[0]);
                }
            }
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(load.model(), x, y);
                // the model's colour in every chart of the suite's report
                series.setMarker(SeriesMarkers.NONE).setLineColor(ModelStyle.of(load.model(), 0).colour());
                drawn++;
            }
        }
        if (drawn == 0) {
            return Optional.empty();
        }
        LoadChart.wholeDecades(styler, min, max);
        styler.setXAxisMin(0.0).setXAxisMax(Math.ceil(widest));
        return Optional.of(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }

    /** {@code 99.9%} for 1000: the percentile p at which 1 / (1 - p) is {@code stretched}. */
    static String percentile(double stretched) {
        double percent = 100 * (1 - 1 / stretched);
        int decimals = Math.max(0, (int) Math.ceil(Math.log10(stretched)) - 2);
        return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
    }

    /** The value and percentile of each line of an HdrHistogram percentile distribution; comments and headers skipped. */
    static List<double[]> read(Path hgrm) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(hgrm)) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 3 || line.startsWith("#")) {
                continue;
            }
            try {
                rows.add(new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1])});
            } catch (NumberFormatException header) {
                // the column names
            }
        }
        return rows;
    }
}
