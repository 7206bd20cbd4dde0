package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What one chart shows, before it is drawn: evenly spaced categories along the x axis and, per
 * series, a value and its error at each, as a line through the categories or as bars grouped by
 * category.
 *
 * @param yTitle        what the values are, with whether lower or higher is better
 * @param lowerIsBetter which way the bars of a group are ordered: the best first
 */
public record Plot(String title, String xTitle, String yTitle, List<String> categories, List<Series> series, Shape shape,
                   boolean lowerIsBetter) {

    /** A line per series through the categories (the score against P), or a group of bars per category. */
    public enum Shape { LINES, BARS }

    /**
     * One model of one run.
     *
     * @param model  the model's id, which decides its colour and marker ({@link ModelStyle})
     * @param run    the run's place among the report's runs, from 0
     * @param values a value per category, null where the series has none
     * @param errors the half-width of each value's 99.9% confidence interval: null where the
     *               value is, NaN where JMH had too few iterations to estimate it
     */
    public record Series(String name, String model, int run, List<Double> values, List<Double> errors) {

        public Series {
            values = Collections.unmodifiableList(new ArrayList<>(values));
            errors = Collections.unmodifiableList(new ArrayList<>(errors));
            if (values.size() != errors.size()) {
                throw new IllegalArgumentException(name + ": " + values.size() + " values but " + errors.size() + " errors");
            }
        }

        /** The value at {@code category} with its error added, or the value alone where the error is unknown; null if none. */
        Double top(int category) {
            Double value = values.get(category);
            Double error = errors.get(category);
            return value == null ? null : error != null && Double.isFinite(error) && error > 0 ? value + error : value;
        }
    }

    public Plot {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series one : series) {
            if (one.values().size() != categories.size()) {
                throw new IllegalArgumentException(one.name() + ": " + one.values().size() + " values for "
                        + categories.size() + " categories");
            }
        }
    }

    /** The largest value, or the smallest; 0 when there is none. */
    double extreme(boolean largest) {
        return values().mapToDouble(Double::doubleValue).reduce(largest ? Math::max : Math::min).orElse(0);
    }

    /** The top of the highest error bar, or the highest value where there is no error; 0 when there is none. */
    double highestTop() {
        return series.stream().flatMap(one -> java.util.stream.IntStream.range(0, categories.size()).mapToObj(one::top))
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Whether any series has a value. */
    boolean isEmpty() {
        return values().findAny().isEmpty();
    }

    private Stream<Double> values() {
        return series.stream().flatMap(one -> one.values().stream()).filter(Objects::nonNull);
    }
}
