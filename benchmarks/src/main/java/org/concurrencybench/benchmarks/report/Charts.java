package org.concurrencybench.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * The report's charts, drawn by XChart: per workload table the score against P for every model
 * (a line each) and the models side by side at each P, best first (a group of bars per P); and
 * transfer's cost per unit against the payload. Every value carries its error bar, JMH's 99.9%
 * interval. Each model keeps its colour and marker in every chart ({@link ModelStyle}).
 *
 * <p>The x axis holds evenly spaced categories, which for the doubling ladder 1, 2, 4, 8 (and
 * payloads 1 KiB, 64 KiB, 1 MiB) is a log scale; the y axis turns logarithmic when the values
 * span more than {@link #LOG_SPREAD} times, or the fast models would lie flat on the axis under
 * the slow ones. XChart places the axes, the lines, the markers and the legend; the error bars,
 * and the bars of a group (XChart keeps a series in one place in every group, so it cannot put
 * the best first), are drawn over its plot through its own mapping of values to the screen. Its
 * own error bars would not do: on a log axis it takes the logarithm of the error itself, and
 * a missing value shifts the errors after it onto the wrong points.
 */
final class Charts {

    /** Values spanning more than this factor get a logarithmic y axis. */
    static final double LOG_SPREAD = 20;

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    /** The share of a category's width its group of bars takes. */
    private static final double GROUP_WIDTH = 0.8;
    /** The share of a category's width one bar takes at most, so that a group of one or two is not a slab. */
    private static final double WIDEST_BAR = 0.3;
    private static final Color ERROR_ON_BAR = new Color(0x2B2B2B);
    private static final int MIN_TITLE_POINTS = 9;
    /** Beside a value whose error JMH could not estimate (too few iterations). */
    static final String NO_ESTIMATE = "±?";
    private static final Font NO_ESTIMATE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    /** How far below the smallest value a logarithmic axis starts, at least, as a factor. */
    private static final double LOG_FLOOR = 3;
    /** Room above the highest error bar on a logarithmic axis, as a factor. */
    private static final double LOG_HEADROOM = 1.25;

    private Charts() {
    }

    /** The chart of {@code plot} as PNG bytes. */
    static byte[] png(Plot plot) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(plot), BitmapEncoder.BitmapFormat.PNG);
    }

    /** A workload table as a plot: a line per model (and run), its score and error at each P. */
    static Plot scaling(WorkloadTable table, List<Source> sources) {
        return new Plot(table.title() + RunMarks.of(table, sources), "P (cores)", yTitle(table),
                table.cores().stream().map(String::valueOf).toList(), series(table, sources), Plot.Shape.LINES,
                table.lowerIsBetter());
    }

    /** A workload table as groups of bars: at each P every model (and run) measured there, the best first. */
    static Plot ranking(WorkloadTable table, List<Source> sources) {
        String best = table.lowerIsBetter() ? "fastest" : "highest";
        return new Plot(table.title() + ": each model at each P" + RunMarks.of(table, sources),
                "P (cores); in each group the " + best + " first", yTitle(table),
                table.cores().stream().map(cores -> "P = " + cores).toList(), series(table, sources), Plot.Shape.BARS,
                table.lowerIsBetter());
    }

    private static String yTitle(WorkloadTable table) {
        boolean unestimated = table.rows().stream().flatMap(row -> row.measured().values().stream())
                .anyMatch(measurement -> !measurement.hasErrorEstimate());
        return table.unit() + (table.lowerIsBetter() ? ", lower is better" : ", higher is better")
                + "; error bars: 99.9% interval" + (unestimated ? "; " + NO_ESTIMATE + ": no estimate" : "");
    }

    private static List<Plot.Series> series(WorkloadTable table, List<Source> sources) {
        boolean severalSources = sources.size() > 1;
        List<Plot.Series> series = new ArrayList<>();
        for (WorkloadTable.Row row : table.rows()) {
            List<Double> scores = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int cores : table.cores()) {
                Measurement measurement = row.at(cores);
                scores.add(measurement == null ? null : measurement.score());
                errors.add(measurement == null ? null : measurement.error());
            }
            if (scores.stream().anyMatch(score -> score != null)) {
                String name = (row.isBaseline() ? row.model() + " (baseline)" : row.model())
                        + (severalSources ? " - " + row.source().label() : "");
                series.add(new Plot.Series(name, row.model(), runIndex(sources, row.source()), scores, errors));
            }
        }
        return series;
    }

    /** The place of {@code source} among {@code sources}, by identity: two runs may hold equal records. */
    static int runIndex(List<Source> sources, Source source) {
        for (int index = 0; index < sources.size(); index++) {
            if (sources.get(index) == source) {
                return index;
            }
        }
        return 0;
    }

    static CategoryChart chart(Plot plot) {
        Axis axis = Axis.of(plot);
        PlotChart chart = new PlotChart(new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xTitle()).yAxisTitle(plot.yTitle()), plot, axis);
        CategoryStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridVerticalLinesVisible(false);
        // every series at the middle of its category, not side by side: a group's bars are drawn over the plot
        styler.setOverlapped(true);
        styler.setYAxisLogarithmic(axis.logarithmic());
        styler.setYAxisMin(axis.min());
        if (axis.max() > axis.min()) {
            styler.setYAxisMax(axis.max());
        }
        styler.setYAxisDecimalPattern(axis.decimalPattern());
        styler.setMarkerSize(8);
        if (plot.shape() == Plot.Shape.BARS) {
            styler.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
            // XChart's own bars take no width; the series give the axis its range and the legend its boxes
            styler.setAvailableSpaceFill(0);
        } else {
            styler.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        }
        for (Plot.Series series : plot.series()) {
            ModelStyle style = ModelStyle.of(series.model(), series.run());
            CategorySeries drawn = chart.addSeries(series.name(), plot.categories(), series.values());
            drawn.setLineColor(style.colour());
            drawn.setMarkerColor(style.colour());
            drawn.setMarker(style.marker());
            drawn.setLineStyle(style.line());
            drawn.setFillColor(plot.shape() == Plot.Shape.BARS ? style.fill() : style.colour());
        }
        return chart;
    }

    /**
     * {@code font}, smaller if need be, so that {@code title} fits in {@code room} pixels: a
     * title cut at its ends would lose the workload's sizes or the run's mark.
     */
    static Font fitted(Font font, String title, double room) {
        FontRenderContext context = new FontRenderContext(null, true, true);
        Font fitted = font;
        while (fitted.getSize() > MIN_TITLE_POINTS && fitted.getStringBounds(title, context).getWidth() > room) {
            // whole points: XChart draws the title at the font's whole size
            fitted = fitted.deriveFont((float) (fitted.getSize() - 1));
        }
        return fitted;
    }

    /** The series with a value at {@code category}, the best first: a group of bars, left to right; a tie in the plot's order. */
    static List<Plot.Series> bestFirst(Plot plot, int category) {
        Comparator<Plot.Series> byValue = Comparator.comparingDouble(series -> series.values().get(category));
        return plot.series().stream().filter(series -> series.values().get(category) != null)
                .sorted(plot.lowerIsBetter() ? byValue : byValue.reversed()).toList();
    }

    /** Whether the table's scores span more than {@link #LOG_SPREAD} times (and all are positive). */
    static boolean isLogarithmic(WorkloadTable table) {
        return isLogarithmic(scaling(table, List.of()));
    }

    static boolean isLogarithmic(Plot plot) {
        double min = plot.extreme(false);
        return min > 0 && plot.extreme(true) / min > LOG_SPREAD;
    }

    /**
     * The y axis of a plot. A linear one starts at zero, so that heights compare as the figures
     * do, and reaches the top of the highest error bar. A logarithmic one starts at a whole decade
     * (a labelled tick) at least {@link #LOG_FLOOR} times below the smallest value, so that the
     * best model's bar is not a sliver on the axis, and reaches a little above the highest error
     * bar: the values span more than {@link #LOG_SPREAD} times, so the next decade up is on the
     * axis and labelled too. An error bar that reaches below the axis, as one reaching zero or
     * below must, is cut at its bottom.
     */
    record Axis(boolean logarithmic, double min, double max) {

        static Axis of(Plot plot) {
            if (isLogarithmic(plot)) {
                double below = Math.pow(10, Math.floor(Math.log10(plot.extreme(false) / LOG_FLOOR)));
                return new Axis(true, below, Math.max(below * 10, plot.highestTop() * LOG_HEADROOM));
            }
            return new Axis(false, 0, plot.highestTop());
        }

        /**
         * How the axis writes its labels: three decimals, or as many as a logarithmic axis's
         * lowest decade needs, so that 0.0001 is not written as 0.
         */
        String decimalPattern() {
            int decimals = logarithmic && min > 0 ? Math.max(3, (int) Math.ceil(-Math.log10(min) - 1e-9)) : 3;
            return "#,##0." + "#".repeat(decimals);
        }

        /** {@code value} within the axis. */
        double clamp(double value) {
            return Math.max(min, max > min ? Math.min(max, value) : value);
        }
    }

    /** An XChart category chart that draws the error bars, and a plot's bars, over what XChart draws. */
    private static final class PlotChart extends CategoryChart {

        private final Plot plot;
        private final Axis axis;

        PlotChart(CategoryChartBuilder builder, Plot plot, Axis axis) {
            super(builder);
            this.plot = plot;
            this.axis = axis;
        }

        @Override
        public void paint(Graphics2D graphics, int width, int height) {
            super.paint(graphics, width, height);
            // XChart centres the title over the plot, which the legend's width decides: known once painted
            for (int pass = 0; pass < 3; pass++) {
                double centre = (screenX(0) + screenX(plot.categories().size())) / 2;
                Font font = getStyler().getChartTitleFont();
                Font fitted = fitted(font, getTitle(), 2 * Math.min(centre, width - centre) - 8);
                if (fitted.equals(font)) {
                    break;
                }
                getStyler().setChartTitleFont(fitted);
                super.paint(graphics, width, height);
            }
            Graphics2D g = (Graphics2D) graphics.create();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                if (plot.shape() == Plot.Shape.BARS) {
                    paintBars(g);
                } else {
                    paintLineErrors(g);
                }
            } finally {
                g.dispose();
            }
        }

        /** The left edge of category {@code index} on the screen; {@code index + 0.5} is its middle. */
        private double screenX(double index) {
            return getScreenXFromChart(index);
        }

        private double screenY(double value) {
            return getScreenYFromChart(axis.clamp(value));
        }

        private void paintLineErrors(Graphics2D g) {
            for (Plot.Series series : plot.series()) {
                Color colour = ModelStyle.of(series.model(), series.run()).colour();
                for (int category = 0; category < plot.categories().size(); category++) {
                    paintError(g, series, category, screenX(category + 0.5), colour);
                }
            }
        }

        private void paintBars(Graphics2D g) {
            int categories = plot.categories().size();
            int widest = 1;
            for (int category = 0; category < categories; category++) {
                widest = Math.max(widest, bestFirst(plot, category).size());
            }
            double categoryWidth = screenX(1) - screenX(0);
            double barWidth = Math.min(categoryWidth * GROUP_WIDTH / widest, categoryWidth * WIDEST_BAR);
            double base = getScreenYFromChart(axis.min());
            for (int category = 0; category < categories; category++) {
                List<Plot.Series> group = bestFirst(plot, category);
                double left = screenX(category + 0.5) - group.size() * barWidth / 2;
                for (Plot.Series series : group) {
                    ModelStyle style = ModelStyle.of(series.model(), series.run());
                    double top = screenY(series.values().get(category));
                    // a hair of white between neighbours, so that two bars of like colours stay two
                    Rectangle2D bar = new Rectangle2D.Double(left + 0.5, top, barWidth - 1, base - top);
                    g.setColor(style.fill());
                    g.fill(bar);
                    if (series.run() > 0) {
                        g.setColor(style.colour());
                        g.setStroke(new BasicStroke(1f));
                        g.draw(bar);
                    }
                    paintError(g, series, category, left + barWidth / 2, ERROR_ON_BAR);
                    left += barWidth;
                }
            }
        }

        /**
         * The error bar of a value, its caps where it ends within the axis; beside a value whose
         * error JMH could not estimate, {@link #NO_ESTIMATE}, so that it does not pass for an exact one.
         */
        private void paintError(Graphics2D g, Plot.Series series, int category, double x, Color colour) {
            Double value = series.values().get(category);
            Double error = series.errors().get(category);
            if (value == null || error == null) {
                return;
            }
            if (!Double.isFinite(error)) {
                g.setColor(colour);
                g.setFont(NO_ESTIMATE_FONT);
                g.drawString(NO_ESTIMATE, (float) x + 6, (float) screenY(value) - 6);
                return;
            }
            if (error <= 0) {
                return;
            }
            double low = value - error;
            double high = value + error;
            double yLow = screenY(low);
            double yHigh = screenY(high);
            g.setColor(colour);
            g.setStroke(new BasicStroke(1.3f));
            g.draw(new Line2D.Double(x, yLow, x, yHigh));
            double cap = 4;
            if (high <= axis.max() || axis.max() <= axis.min()) {
                g.draw(new Line2D.Double(x - cap, yHigh, x + cap, yHigh));
            }
            if (low >= axis.min() && low > 0) {
                g.draw(new Line2D.Double(x - cap, yLow, x + cap, yLow));
            }
        }
    }
}
