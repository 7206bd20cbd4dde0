package org.concurrencybench.benchmarks.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where results go when the command line is not told: {@code results/<timestamp>/} under the current folder. */
public final class ResultsFolders {

    /** Sorts by date as text, and holds no colon (which some file systems refuse). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

    private ResultsFolders() {
    }

    /** {@code results/<prefix><timestamp>}, such as {@code results/2025-01-15_100000}. */
    public static Path timestamped(String prefix) {
        return Path.of("results", prefix + LocalDateTime.now().format(TIMESTAMP));
    }
}
