package org.concurrencybench.processes.parent;

import java.time.Duration;

/** Durations as people write them in messages: {@code 250 ms}, {@code 2 s}, {@code 15 min}. */
public final class Durations {

    private Durations() {
    }

    public static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return (millis % 1_000 == 0 ? String.valueOf(millis / 1_000) : String.format("%.1f", millis / 1_000.0)) + " s";
        }
        if (duration.toMinutes() < 120) {
            return duration.toMinutes() + " min";
        }
        return duration.toHours() + " h";
    }
}
