package org.concurrencybench.benchmarks.report;

import java.util.Locale;

/** Numbers as a report shows them: as many decimals as the size of the number deserves. */
final class Figures {

    private Figures() {
    }

    /** 157.7, 12.35, 1.234, 0.01234; thousands with separators: 12,345. */
    static String number(double value) {
        return String.format(Locale.ROOT, pattern(value), value);
    }

    /** {@code 157.7 ± 2.1}, or {@code 157.7 (no error estimate)} when JMH could not compute one. */
    static String scoreWithError(double score, double error) {
        if (!Double.isFinite(error)) {
            return number(score) + " (no error estimate)";
        }
        return number(score) + " ± " + String.format(Locale.ROOT, pattern(score), error);
    }

    /** {@code 1.96×}. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** {@code 98%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** {@code +1.2%} or {@code -0.4%}. */
    static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String pattern(double value) {
        double magnitude = Math.abs(value);
        if (!Double.isFinite(value) || magnitude >= 1_000) {
            return "%,.0f";
        }
        if (magnitude >= 100) {
            return "%.1f";
        }
        if (magnitude >= 10) {
            return "%.2f";
        }
        if (magnitude >= 1) {
            return "%.3f";
        }
        if (magnitude >= 0.01) {
            return "%.4f";
        }
        return "%.3g";
    }
}
