package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bench serve}'s usage errors: one line, exit code 2, and no model, thread or socket left behind. */
class ServeCommandTest {

    @AfterEach
    void nothingIsLeft() {
        List<String> threads = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("virtual-") || name.startsWith("thread-pool-")
                        || name.startsWith("sequential-")).toList();
        assertEquals(List.of(), threads, "threads of a model left behind");
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList(),
                "processes left behind");
    }

    @Test
    void anUnknownModelIsNamedWithTheKnownOnes() {
        BenchRun run = BenchRun.of("serve", "--model", "green-threads", "--port", "0");

        assertOneLineUsageError(run, "unknown model 'green-threads'", "known models:", "virtual");
    }

    @Test
    void aModelThatCannotServeSaysWhyInItsOwnWords() {
        BenchRun run = BenchRun.of("serve", "--model", "sequential", "--port", "0");

        assertOneLineUsageError(run, "sequential cannot serve:");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"-1; got -1", "65536; got 65536"})
    void aPortOutOfRangeIsNamedWithWhatIsAllowed(String port, String got) {
        BenchRun run = BenchRun.of("serve", "--model", "virtual", "--port", port);

        assertOneLineUsageError(run, "--port must be from 1 to 65535", got);
    }

    @Test
    void aPortInUseIsNamedAndTheModelIsClosed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BenchRun run = BenchRun.of("serve", "--model", "thread-pool", "--cores", "1", "--port",
                    Integer.toString(taken.getLocalPort()));

            assertOneLineUsageError(run, "--port " + taken.getLocalPort() + " cannot be bound", "choose another port");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "work=0; serve.work must be 1 to",
            "units=ten; -p units takes a whole number, got 'ten'",
            "poolThreads=0; -p poolThreads must be from 1 to 10000, got 0",
            "threads=4; unknown size 'threads'",
            "work; -p takes NAME=VALUE"})
    void aBadSizeIsNamedWithWhatIsAllowed(String param, String mention) {
        BenchRun run = BenchRun.of("serve", "--model", "virtual", "--port", "0", "-p", param);

        assertOneLineUsageError(run, mention);
    }

    static void assertOneLineUsageError(BenchRun run, String... mentions) {
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), "exit code; stderr: " + run.err());
        assertEquals(1, run.err().lines().count(), "one line on stderr, got: " + run.err());
        assertEquals("", run.out(), "nothing on stdout");
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        for (String mention : mentions) {
            assertTrue(run.err().contains(mention), "stderr should mention '" + mention + "': " + run.err());
        }
    }
}
