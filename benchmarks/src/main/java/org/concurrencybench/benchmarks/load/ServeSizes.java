package org.concurrencybench.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.serve.Serve;

/**
 * The service a server benchmark asks for, from {@code -p name=value} options: work, delayMs,
 * units and poolThreads, each a whole number ({@code 1_000} allowed), with Serve's own bounds.
 */
public final class ServeSizes {

    public static final long DEFAULT_WORK = 100;
    public static final long DEFAULT_DELAY_MS = 10;
    public static final int DEFAULT_UNITS = 1_000;

    private static final List<String> NAMES = List.of("work", "delayMs", "units", "poolThreads");

    private ServeSizes() {
    }

    /** The service from {@code options}; a name or value it does not know is one line naming it and what is allowed. */
    public static Serve parse(List<String> options) {
        Map<String, Long> given = new LinkedHashMap<>();
        for (String option : options == null ? List.<String>of() : options) {
            int equals = option.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("-p takes NAME=VALUE, got '" + option + "'; names: "
                        + String.join(", ", NAMES));
            }
            String name = option.substring(0, equals).strip();
            String text = option.substring(equals + 1).strip();
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown size '" + name + "' in -p " + option + "; the service's sizes: "
                        + String.join(", ", NAMES));
            }
            OptionalLong value = WorkloadSizes.number(text);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("-p " + name + " takes a whole number, got '" + text + "'");
            }
            given.put(name, value.getAsLong());
        }
        long units = given.getOrDefault("units", (long) DEFAULT_UNITS);
        long poolThreads = given.getOrDefault("poolThreads", (long) Serve.DEFAULT_POOL_THREADS);
        if (units < 1 || units > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("-p units must be from 1 to " + Integer.MAX_VALUE + ", got " + units);
        }
        if (poolThreads < 1 || poolThreads > Serve.MAX_POOL_THREADS) {
            throw new IllegalArgumentException("-p poolThreads must be from 1 to " + Serve.MAX_POOL_THREADS + ", got "
                    + poolThreads);
        }
        return new Serve(given.getOrDefault("work", DEFAULT_WORK), given.getOrDefault("delayMs", DEFAULT_DELAY_MS),
                (int) units, (int) poolThreads);
    }

    /** The service as arguments of {@link ServerMain}: work, delayMs, units, poolThreads. */
    static List<String> arguments(Serve serve) {
        return List.of(Long.toString(serve.work()), Long.toString(serve.delayMs()), Integer.toString(serve.units()),
                Integer.toString(serve.poolThreads()));
    }
}
