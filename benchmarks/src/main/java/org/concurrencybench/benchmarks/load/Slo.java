package org.concurrencybench.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A latency objective, {@code p99=100ms}: the named percentile of the corrected latency (from
 * each request's intended start) must stay at or below the limit.
 *
 * @param percentile one of {@link #PERCENTILES}
 * @param limitMs    the limit in milliseconds, above 0
 */
public record Slo(String percentile, double limitMs) {

    public static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "max");
    public static final Slo DEFAULT = new Slo("p99", 100);

    /** {@code p99=100ms}; a percentile or limit it does not know is one line naming it and what is allowed. */
    public static Slo parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        int equals = text.indexOf('=');
        String usage = "; give a percentile (" + String.join(", ", PERCENTILES) + ") and a latency, such as --slo p99=100ms";
        if (equals < 0) {
            throw new IllegalArgumentException("--slo takes PERCENTILE=LATENCY, got '" + text + "'" + usage);
        }
        String percentile = text.substring(0, equals).strip().toLowerCase(Locale.ROOT).replace("p999", "p99.9");
        if (!PERCENTILES.contains(percentile)) {
            throw new IllegalArgumentException("--slo: unknown percentile '" + text.substring(0, equals).strip() + "'" + usage);
        }
        Duration limit = DurationText.parse("--slo " + percentile, text.substring(equals + 1).strip());
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("--slo: the latency must be above 0, got '" + text + "'" + usage);
        }
        return new Slo(percentile, limit.toNanos() / 1e6);
    }

    /** The percentile this objective names, from {@code latency}. */
    public double of(LatencySummary latency) {
        return switch (percentile) {
            case "p50" -> latency.p50();
            case "p90" -> latency.p90();
            case "p99" -> latency.p99();
            case "p99.9" -> latency.p999();
            default -> latency.max();
        };
    }

    /** {@code p99 <= 100 ms}. */
    public String describe() {
        return percentile + " <= " + LoadNumbers.millis(limitMs);
    }
}
