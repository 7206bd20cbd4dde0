package org.concurrencybench.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.serve.Serve;

/**
 * What one {@code bench load} measures: every model at every P, at each offered rate (or, with
 * no rates given, from {@link #AUTO_START} doubling until the server saturates), each rate a
 * warm-up then a measured period over {@code connections} keep-alive connections.
 *
 * @param rates          the offered rates in requests per second, ascending; empty for auto
 * @param capacityProbe  how long each probe of the generator's own capacity measures
 */
public record LoadPlan(List<String> models, List<Integer> cores, List<Double> rates, Duration duration,
                       Duration warmup, int connections, Slo slo, Serve serve, Path out, Duration capacityProbe) {

    /** The first rate of an auto sweep: low enough that every model keeps it. */
    public static final double AUTO_START = 250;
    public static final String DEFAULT_RATES = "auto";
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    public static final int DEFAULT_CONNECTIONS = 1_000;

    public LoadPlan {
        models = List.copyOf(models);
        cores = List.copyOf(cores);
        rates = List.copyOf(rates);
        // every value is checked as the generator will check it, before anything starts
        LoadSettings.to(1).withRate(rates.isEmpty() ? AUTO_START : rates.getLast()).withDuration(duration)
                .withWarmup(warmup).withConnections(connections).withUnits(serve.units());
    }

    /** Whether the rates are found by doubling until the server saturates. */
    public boolean auto() {
        return rates.isEmpty();
    }

    /** {@code 500,1000,2000} ascending without repeats, or {@code auto} (empty); one line naming a bad value. */
    public static List<Double> rates(String text) {
        String given = text == null || text.isBlank() ? DEFAULT_RATES : text.strip();
        if (given.equals("auto")) {
            return List.of();
        }
        TreeSet<Double> rates = new TreeSet<>();
        for (String item : given.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            double rate;
            try {
                rate = Double.parseDouble(item.strip().replace("_", ""));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("--rates takes requests per second separated by commas, such as"
                        + " 500,1000,2000, or auto; got '" + item.strip() + "'");
            }
            if (!(rate > 0 && rate <= LoadSettings.MAX_RATE)) {
                throw new IllegalArgumentException("--rates: each rate must be above 0 and at most "
                        + LoadNumbers.number(LoadSettings.MAX_RATE) + " requests per second, got " + item.strip());
            }
            rates.add(rate);
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("--rates '" + text + "' is an empty list; give rates such as 500,1000,2000,"
                    + " or auto");
        }
        return new ArrayList<>(rates);
    }

    /** A duration option such as {@code 10s} or {@code 500ms}, above 0. */
    public static Duration period(String option, String text, Duration defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        Duration parsed = DurationText.parse(option, text);
        if (parsed.isNegative() || (parsed.isZero() && option.equals("--duration"))) {
            throw new IllegalArgumentException(option + " must be above 0, got '" + text + "'");
        }
        return parsed;
    }

    /** Connections above 0, within what {@code ulimit -n} lets the generator's JVM open. */
    public static int connections(int connections) {
        if (connections <= 0 || connections > LoadSettings.MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--connections must be from 1 to " + LoadNumbers.number(LoadSettings.MAX_CONNECTIONS)
                    + ", got " + connections);
        }
        long allowed = DescriptorBudget.ofThisProcess().maxOpenRequests();
        if (connections > allowed) {
            throw new IllegalArgumentException("--connections must be at most " + LoadNumbers.number(allowed)
                    + " here (a descriptor each, within ulimit -n less what the JVM keeps), got "
                    + LoadNumbers.number(connections) + "; raise ulimit -n or ask for fewer");
        }
        return connections;
    }
}
