package org.concurrencybench.benchmarks.load;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line ({@code 10s}, {@code 500ms}, {@code 2m}, {@code 1.5}) and read them. */
final class DurationText {

    private static final Pattern TEXT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private DurationText() {
    }

    /** {@code text} as a duration; a bare number is seconds. */
    static Duration parse(String option, String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " must be a duration such as 10s, 500ms, 2m or 1.5 (seconds),"
                    + " got '" + text + "'");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (unit) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        });
        BigDecimal nanos = amount.multiply(nanosPerUnit);
        if (nanos.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(option + " is too long, got '" + text + "'");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** 500 ms, 10 s, 1.5 s, 10 min, 1 h: the shortest exact form. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos != 0 && nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + " h";
        }
        if (nanos != 0 && nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + " min";
        }
        if (Math.abs(nanos) >= 1_000_000_000L) {
            return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
        }
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + " ms";
    }
}
