package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bench footprint}'s usage errors: one line, exit code 2, and nothing started or written. */
class FootprintCommandTest {

    @TempDir
    Path temporary;

    record Run(int exitCode, String out, String err) {

        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = Bench.execute(new PrintWriter(out), new PrintWriter(err), args);
            return new Run(exitCode, out.toString(), err.toString());
        }

        void assertOneLineUsageError(String... mentions) {
            assertEquals(ExitCode.USAGE.code(), exitCode, "exit code; stderr: " + err);
            assertEquals(1, err.lines().count(), "one line on stderr, got: " + err);
            assertEquals("", out, "nothing on stdout");
            assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
            for (String mention : mentions) {
                assertTrue(err.contains(mention), "stderr should mention '" + mention + "': " + err);
            }
        }
    }

    @Test
    void anUnknownModelIsNamedWithTheKnownOnesAndNothingIsWritten() {
        Path out = temporary.resolve("run");

        Run run = Run.of("footprint", "--models", "virtual,green-threads", "--out", out.toString());

        run.assertOneLineUsageError("unknown model 'green-threads'", "known models:", "virtual", "threads");
        assertFalse(Files.exists(out), "nothing should be written for a usage error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0; got 0", "ten; got 'ten'", "20000000; got 20,000,000", "1000,abc; got 'abc'"})
    void aBadTaskCountIsNamedWithWhatIsAllowedAndNothingIsWritten(String tasks, String got) {
        Path out = temporary.resolve("run");

        Run run = Run.of("footprint", "--tasks", tasks, "--models", "virtual", "--out", out.toString());

        run.assertOneLineUsageError("--tasks takes whole numbers from 1 to 10,000,000", got);
        assertFalse(Files.exists(out), "nothing should be written for a usage error");
    }

    @Test
    void aFolderThatHoldsResultsIsNotOverwritten() throws IOException {
        Files.writeString(temporary.resolve("footprint.json"), "{\"status\": \"complete\"}");

        Run run = Run.of("footprint", "--tasks", "100", "--models", "virtual", "--out", temporary.toString());

        run.assertOneLineUsageError("already holds results", "--out");
        assertEquals("{\"status\": \"complete\"}", Files.readString(temporary.resolve("footprint.json")));
    }

    @Test
    void anOutThatIsAFileIsAUsageErrorAndTheFileIsLeftAlone() throws IOException {
        Path file = Files.writeString(temporary.resolve("results.txt"), "notes");

        Run run = Run.of("footprint", "--tasks", "100", "--models", "virtual", "--out", file.toString());

        run.assertOneLineUsageError("--out " + file + " is a file, not a folder");
        assertEquals("notes", Files.readString(file));
    }

    @Test
    void anOutWhereNoFolderCanBeMadeIsAUsageErrorWithTheReason() {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc) && !Files.exists(proc.resolve("x")), "no /proc to refuse a folder");

        Run.of("footprint", "--tasks", "100", "--models", "virtual", "--out", "/proc/x")
                .assertOneLineUsageError("--out /proc/x: cannot create the folder (");
    }

    @Test
    void anUnknownOptionNamesTheOptionsThereAre() {
        Run run = Run.of("footprint", "--task", "100");

        run.assertOneLineUsageError("--task", "--tasks", "--models", "--out", "--full");
    }
}
