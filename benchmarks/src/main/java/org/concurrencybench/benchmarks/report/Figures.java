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

    /** A whole number with separators: {@code 1,000}. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 1.96×}. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** {@code 98%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** {@code 1.7%}. */
    static String percentTenths(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** {@code +1.2%} or {@code -0.4%}. */
    static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** {@code 0 B}, {@code 1 KiB}, {@code 64 KiB}, {@code 1 MiB}; a size that is no whole power unit in bytes, grouped. */
    static String bytes(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return bytes / (1 << 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%,d B", bytes);
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
