package org.concurrencybench.benchmarks.load;

import java.util.Locale;

/** How the load report writes its figures: rates with separators, latencies to three figures. */
final class LoadNumbers {

    private LoadNumbers() {
    }

    /** {@code 2,000/s}. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    /** {@code 12.3 ms}, {@code 0.412 ms}, {@code 1,520 ms}. */
    static String millis(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /** A rate to one decimal where it is not whole. */
    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
