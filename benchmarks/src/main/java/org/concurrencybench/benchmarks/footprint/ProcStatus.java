package org.concurrencybench.benchmarks.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux says about a process's memory in {@code /proc/<pid>/status}: the peak resident set
 * ({@code VmHWM}, the high-water mark since the process began) and the resident set now
 * ({@code VmRSS}), both in bytes.
 */
record ProcStatus(long peakRssBytes, long rssBytes) {

    /** This process's status; empty where there is no {@code /proc} (not Linux). */
    static Optional<ProcStatus> self() {
        return read(Path.of("/proc/self/status"));
    }

    /** The status of process {@code pid}; empty if it has ended or there is no {@code /proc}. */
    static Optional<ProcStatus> of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status"));
    }

    /**
     * Sets the peak resident set ({@code VmHWM}) of process {@code pid} back to what is resident
     * now, so that the next peak counts only from here: Linux's {@code clear_refs} with 5.
     * Returns false where that is not possible (not Linux, before 4.0, not allowed).
     */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | UnsupportedOperationException notHere) {
            return false;
        }
    }

    private static Optional<ProcStatus> read(Path file) {
        // read to the end as a stream: Files.readString trusts the size, which /proc files give as 0
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** Parses the text of a status file; a field it needs that is missing or malformed is an error naming it. */
    static ProcStatus parse(String text) {
        return new ProcStatus(kilobytes(text, "VmHWM") * 1024, kilobytes(text, "VmRSS") * 1024);
    }

    /** {@code VmHWM:	   1752 kB}: the value of a field that Linux gives in kB. */
    private static long kilobytes(String text, String field) {
        String value = value(text, field);
        if (!value.endsWith(" kB")) {
            throw malformed(field, value, "a size in kB");
        }
        return parse(field, value.substring(0, value.length() - 3).strip());
    }

    private static String value(String text, String field) {
        String prefix = field + ":";
        return text.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + field + " line in the process status"));
    }

    private static long parse(String field, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            throw malformed(field, digits, "a whole number");
        }
    }

    private static IllegalArgumentException malformed(String field, String value, String expected) {
        return new IllegalArgumentException(field + " in the process status should be " + expected + ", got '" + value + "'");
    }
}
