package org.concurrencybench.benchmarks.cli;

import static org.concurrencybench.benchmarks.cli.ReportCommandTest.assertContains;
import static org.concurrencybench.benchmarks.cli.ReportCommandTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the io, transfer, contention and pinning workloads, rebuilt from run-c: results
 * as JMH writes them, with round figures put in so that each computed sentence below can be
 * checked by hand. JDK 25 ran the forks; mixed ran at 100 units.
 */
class NewWorkloadsReportTest {

    @TempDir
    Path out;

    private String report;

    @BeforeEach
    void buildTheReport() throws Exception {
        BenchRun run = BenchRun.of("report", fixture("run-c/jmh.json").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
    }

    @Test
    void aChoiceParameterTitlesItsTableByTheChoicesName() {
        assertContains(report, "## contention (workers=4, updates=10000, lock=reentrant, holdMs=0, locks=1)");
        assertContains(report, "## pinning (workers=64, updates=2, lock=synchronized, holdMs=5, locks=64)");
        assertContains(report, "## pinning (workers=64, updates=2, lock=reentrant, holdMs=5, locks=64)");
    }

    @Test
    void aBatchWithoutPayloadIsTitledAsBeforePayloadsExistedButTransfersNoBytesAreKept() {
        assertContains(report, "## io (units=1000, delayMs=10)");
        assertContains(report, "## transfer (units=100, payload=0)");
    }

    @Test
    void ioSaysWhatItMeasuresAndDerivesTheFloorFromTheFastestModel() {
        assertContains(report, "open one TCP connection to the workload's own server on 127.0.0.1");
        assertContains(report, "The server is a single platform thread with an NIO selector");
        assertContains(report, "- async: connects, writes and reads through AsynchronousSocketChannel");
        // async 40 ms at P = 1: 30 ms beyond the 10 ms wait over 1,000 connections
        assertContains(report, "Measured floor, the fastest model's time beyond the 10 ms wait for its 1,000 connections:"
                + " at P = 1, async took 40.00 ms, 30.00 ms beyond the wait, 30.00 µs per connection; at P = 2, virtual took"
                + " 14.00 ms, 4.000 ms beyond the wait, 4.000 µs per connection.");
    }

    @Test
    void transferIsTabledAndChartedAsMicrosecondsPerUnitAgainstPayload() throws Exception {
        assertContains(report, "## transfer: cost per unit against payload");
        assertContains(report, "| model | 0 B | 64 KiB | 1 MiB |");
        // 30 ms for 100 units of 1 MiB: 300 µs each
        assertContains(report, "| thread-pool | **5.000 ± 0.500** | **20.00 ± 2.00** | **300.0 ± 30.0** |");
        assertContains(report, "| process-pool | 50.00 ± 5.00 | 100.0 ± 10.0 | 1,200 ± 120 |");
        assertContains(report, "| process-pool-shm | 50.00 ± 5.00 | 40.00 ± 4.00 | 400.0 ± 40.0 |");
        assertContains(report, "![transfer: cost per unit, P = 1, units=100: µs per unit against payload for every model,"
                + " each point with its 99.9% interval (logarithmic scale)](transfer-per-unit.png)");
        byte[] chart = Files.readAllBytes(out.resolve("transfer-per-unit.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(chart, 4));
    }

    @Test
    void contentionSaysHowEachModelOfTheTableRunsItsWorkersInTheModelsOwnWords() {
        assertContains(report, "- thread-pool: a task per worker on P threads, over one shared counter");
        assertContains(report, "- virtual: a virtual thread per worker, all updating one shared counter");
        assertFalse(report.contains("a FileChannel lock on the stripe"), "no process model in this table to explain");
    }

    @Test
    void transferSaysHowEachPoolMovesItsBytes() {
        assertContains(report, "- process-pool: copies each unit's bytes out of its worker through the reply pipe, in frames");
        assertContains(report, "- process-pool-shm: has the worker write each unit's bytes into its region of a"
                + " memory-mapped file in /dev/shm");
    }

    @Test
    void pinningNamesTheForksJdkAndWhatTheFiguresShowInsteadOfAssertingIt() {
        assertContains(report, "The forks of this table ran JDK 25.0.3 (JMH's record of each fork).");
        assertContains(report, "virtual took 10.80 ms at P = 1, 10.60 ms at P = 2. All waits at once would take about 10 ms"
                + " (updates × holdMs); P at a time, as pinned carriers allow, 640 ms at P = 1, 320 ms at P = 2 (workers /"
                + " P × updates × holdMs). The figures are near the all-at-once estimate: virtual threads let their"
                + " carriers go while they waited holding the lock, as JDK 25.0.3 does inside synchronized since JDK 24"
                + " (JEP 491).");
        assertContains(report, "holding the lock, as a ReentrantLock lets them on every JDK: the control behaves.");
        assertFalse(report.contains("Goal:"), "the report states no targets of its own");
    }
}
