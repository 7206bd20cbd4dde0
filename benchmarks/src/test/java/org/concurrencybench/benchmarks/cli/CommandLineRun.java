package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.concurrencybench.benchmarks.common.ExitCode;

/** One run of the bench command line in this JVM, with what it printed and its exit code. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Bench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** Exit code 2, nothing on stdout, one line on stderr that contains every one of {@code mentions}. */
    void assertOneLineUsageError(String... mentions) {
        List<String> errLines = err.lines().toList();
        assertAll(
                () -> assertEquals(ExitCode.USAGE.code(), exitCode, "exit code; stderr: " + err),
                () -> assertEquals(1, errLines.size(), "one line on stderr, got: " + err),
                () -> assertEquals("", out, "nothing on stdout"),
                () -> assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err),
                () -> {
                    for (String mention : mentions) {
                        assertTrue(err.contains(mention), "stderr should mention '" + mention + "': " + err);
                    }
                });
    }
}
