package org.concurrencybench.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one chart shows, before it is drawn: evenly spaced categories along the x axis and a line
 * of values per series, a value null where the series has no figure.
 *
 * @param yTitle what the values are, with whether lower or higher is better
 */
public record Plot(String title, String xTitle, String yTitle, List<String> categories, Map<String, List<Double>> series) {

    public Plot {
        categories = List.copyOf(categories);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        series.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new java.util.ArrayList<>(values))));
        series = Collections.unmodifiableMap(copy);
    }

    /** The largest value, or the smallest; 0 when there is none. */
    double extreme(boolean largest) {
        return series.values().stream().flatMap(List::stream).filter(value -> value != null)
                .mapToDouble(Double::doubleValue).reduce(largest ? Math::max : Math::min).orElse(0);
    }
}
