package org.concurrencybench.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.concurrencybench.core.serve.Serve;

/**
 * A latency objective, {@code p99=100ms}: the named percentile of the corrected latency (from
 * each request's intended start) must stay at or below the limit.
 *
 * @param percentile one of {@link #PERCENTILES}
 * @param limitMs    the limit in milliseconds, above 0
 */
public record Slo(String percentile, double limitMs) {

    public static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "max");
    /** What the default objective allows beyond the service's own wait. */
    public static final double DEFAULT_MARGIN_MS = 100;

    /**
     * The default objective of {@code serve}: p99 within {@link #DEFAULT_MARGIN_MS} of the wait
     * every request makes, since no server answers faster than its wait; 110 ms for the default
     * 10 ms wait, 200 ms for 100 ms.
     */
    public static Slo defaultFor(Serve serve) {
        return new Slo("p99", serve.delayMs() + DEFAULT_MARGIN_MS);
    }

    /**
     * {@code p99=100ms}, or {@link #defaultFor} {@code serve} when {@code text} is blank; a
     * percentile or limit it does not know is one line naming it and what is allowed.
     */
    public static Slo parse(String text, Serve serve) {
        if (text == null || text.isBlank()) {
            return defaultFor(serve);
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
