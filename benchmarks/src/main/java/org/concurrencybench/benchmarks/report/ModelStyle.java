package org.concurrencybench.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How a model is drawn in every chart of a report: its colour and marker come from its place in
 * the registry's order, never from the order of the series in one chart, so that a model keeps
 * them in a chart where another model is n/a, and in the chart of another report. A run of
 * several ({@code run} 1, 2, ...) keeps the model's colour and marker and changes the line: dashed,
 * dotted, dash-dotted; a bar of a later run is filled lighter.
 *
 * @param run the run's place among the report's runs, from 0
 */
public record ModelStyle(Color colour, Marker marker, BasicStroke line, int run) {

    /**
     * Sixteen colours that tell apart on white and in print, so that no two of the suite's models,
     * the registry's and the Python set, share one: a bar has no marker, and a chart of a workload
     * both sets run shows a Java model beside its Python counterpart. The first ten are after
     * Tableau's ten, the pale ones darkened; for its pink, which looks like its purple in a bar, a
     * cyan, and the eighth a dark grey, so that the registry's eighth model does not look like its
     * third. The other six,
     * after Kelly's colours of greatest contrast, are darker or more saturated than any of the ten
     * near them: navy, lime, magenta, violet, rust and rose.
     */
    private static final List<Color> COLOURS = List.of(new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
            new Color(0x499894), new Color(0x59A14F), new Color(0xB6992D), new Color(0xB07AA1), new Color(0x555555),
            new Color(0x9D7660), new Color(0x17BECF), new Color(0x1F3A93), new Color(0x8DB600), new Color(0xC2185B),
            new Color(0x604E97), new Color(0x882D17), new Color(0xF08CB4));

    /** Seven markers: with sixteen colours, no two of the first 112 models share both. */
    private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
            SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.TRAPEZOID);

    private static final List<BasicStroke> LINES = List.of(SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
            SeriesLines.DASH_DOT);

    /**
     * The style of {@code model} in the {@code run}th run of a report. A model the registry does
     * not know (a results file of another build) takes a place after every known one, from its
     * name, so that it too is drawn alike wherever it appears.
     */
    public static ModelStyle of(String model, int run) {
        int known = Models.rank(model);
        int place = known != Integer.MAX_VALUE ? known : Models.count() + Math.floorMod(model.hashCode(), 64);
        return new ModelStyle(COLOURS.get(place % COLOURS.size()), MARKERS.get(place % MARKERS.size()),
                LINES.get(run % LINES.size()), run);
    }

    /** The fill of a bar: the colour itself for the first run, mixed with more white for each later one. */
    Color fill() {
        double white = Math.min(0.75, 0.35 * run);
        return new Color(mix(colour.getRed(), white), mix(colour.getGreen(), white), mix(colour.getBlue(), white));
    }

    private static int mix(int channel, double white) {
        return (int) Math.round(channel + (255 - channel) * white);
    }
}
