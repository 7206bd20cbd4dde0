package org.concurrencybench.benchmarks.load;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A {@link LoadResult} as a few lines for a terminal. */
final class LoadResultText {

    private LoadResultText() {
    }

    static String describe(LoadResult result) {
        LoadSettings settings = result.settings();
        LoadErrors errors = result.errors();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "offered %,.1f/s, achieved %,.1f/s to %s (%s measured after %s warm-up,"
                        + " %,d connections, %s arrivals)%n", result.offeredRate(), result.achievedRate(),
                settings.target().hostHeader(), DurationText.format(settings.duration()),
                DurationText.format(settings.warmup()), settings.connections(),
                settings.poisson() ? "Poisson" : "evenly spaced"));
        text.append(String.format(Locale.ROOT, "requests: %,d scheduled, %,d sent, %,d completed; %,d reconnects%n",
                result.scheduled(), result.sent(), result.completed(), result.reconnects()));
        text.append(String.format(Locale.ROOT, "errors: %,d (wrong body %,d, status %s, refused %,d, reset %,d,"
                        + " closed %,d, malformed %,d, timed out %,d of which %,d never sent)%n", errors.total(),
                errors.wrongBody(), statuses(errors.statuses()), errors.refused(), errors.reset(), errors.closed(),
                errors.malformed(), errors.timedOut(), errors.timedOutUnsent()));
        text.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99",
                "p99.9", "max"));
        text.append(row("from intended start", result.corrected()));
        text.append(row("from send (uncorrected)", result.uncorrected()));
        long requests = result.scheduled() + result.warmupScheduled();
        text.append(String.format(Locale.ROOT, "generator CPU: %,.0f ms, %,.1f us a request%n",
                result.generatorCpuMillis(), requests == 0 ? 0 : result.generatorCpuMillis() * 1_000 / requests));
        return text.toString();
    }

    private static String row(String name, LatencySummary summary) {
        return String.format(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %9.3f %9.3f%n", name, summary.p50(), summary.p90(),
                summary.p99(), summary.p999(), summary.max());
    }

    private static String statuses(Map<Integer, Long> statuses) {
        return statuses.isEmpty() ? "0" : statuses.entrySet().stream()
                .map(status -> status.getKey() + " x " + String.format(Locale.ROOT, "%,d", status.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
