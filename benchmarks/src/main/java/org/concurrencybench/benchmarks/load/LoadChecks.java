package org.concurrencybench.benchmarks.load;

import org.concurrencybench.core.Checks;

/** The generator's checks of its settings, in the one voice of its other messages. */
final class LoadChecks {

    private LoadChecks() {
    }

    /** {@code value} when it is in {@code [min, max]}; else one line naming the setting, its range and the value. */
    static long range(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("load generator: " + setting + " must be between " + Checks.format(min)
                    + " and " + Checks.format(max) + ", got " + Checks.format(value));
        }
        return value;
    }
}
