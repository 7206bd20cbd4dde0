package org.concurrencybench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * N independent units; unit {@code i} is {@code kernel.run(i, units)}, a pure function of the
 * kernel's parameters and {@code i}, so a worker process can rebuild it from data alone.
 * The answer is the sum of the units' results.
 */
public record Batch(String name, Kernel kernel, int units) implements Workload {

    public static final int MAX_UNITS = 100_000_000;

    public Batch {
        Checks.notBlank("name", name);
        if (kernel == null) {
            throw new IllegalArgumentException("workload " + name + ": kernel must not be null");
        }
        Checks.range(name, "units", units, 1, MAX_UNITS);
    }

    /** Runs unit {@code unit} on the calling thread. */
    public long runUnit(int unit) throws InterruptedException {
        return kernel.run(unit, units);
    }

    /** Runs units {@code [from, to)} one after another on the calling thread and sums them. */
    public long runRange(int from, int to) throws InterruptedException {
        long sum = 0;
        for (int unit = from; unit < to; unit++) {
            sum += kernel.run(unit, units);
        }
        return sum;
    }

    @Override
    public long expected() {
        return kernel.expected(units);
    }

    @Override
    public Map<String, Long> parameters() {
        Map<String, Long> parameters = new LinkedHashMap<>(kernel.parameters());
        parameters.put("units", (long) units);
        return parameters;
    }

    @Override
    public long tasks() {
        return units;
    }
}
