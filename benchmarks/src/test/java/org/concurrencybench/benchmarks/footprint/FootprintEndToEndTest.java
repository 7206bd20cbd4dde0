package org.concurrencybench.benchmarks.footprint;

import static org.concurrencybench.benchmarks.footprint.FootprintFilesTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.cli.Bench;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench footprint} for real, through the measuring JVMs, at a size so small that the
 * figures mean nothing: what is checked is that every model and N gets its record, a pool that
 * cannot hold the tasks says how many it held, the thread models' bare twins follow them, the
 * files are written, and no JVM is left.
 */
class FootprintEndToEndTest {

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void virtualAndPlatformThreadsAreMeasuredAndAPoolSaysHowManyItHeld() throws IOException {
        Path out = temporary.resolve("run");
        StringWriter console = new StringWriter();
        StringWriter errors = new StringWriter();

        int code = Bench.execute(new PrintWriter(console), new PrintWriter(errors), "footprint", "--tasks", "100",
                "--models", "virtual,threads,thread-pool", "--out", out.toString());

        assertEquals(ExitCode.OK.code(), code, console + "\n" + errors);
        FootprintResults results = FootprintResults.fromJson(Files.readString(out.resolve("footprint.json"), StandardCharsets.UTF_8));
        assertEquals("complete", results.status());
        for (String model : List.of("virtual", "threads")) {
            FootprintRecord record = results.record(model, 100);
            assertNotNull(record, "no record of " + model);
            assertEquals(CellOutcome.MEASURED, record.outcome(), model + ": " + record.reason());
            assertNotNull(record.heapBytesPerTask(), model);
            assertNotNull(record.rssBytesPerTask(), model);
            assertTrue(record.heapUsedBytes() > 0 && record.baselineHeapUsedBytes() > 0, record.toString());
        }
        // each thread model's bare twin at the N it held; a pool has none
        for (String twin : List.of("bare-virtual", "bare-threads")) {
            FootprintRecord record = results.record(twin, 100);
            assertNotNull(record, "no record of " + twin);
            assertEquals(CellOutcome.MEASURED, record.outcome(), twin + ": " + record.reason());
            assertNotNull(record.heapBytesPerTask(), twin);
        }
        assertEquals(List.of(), results.records().stream().map(FootprintRecord::model)
                .filter(model -> model.equals("bare-thread-pool")).toList());
        assertContains(Files.readString(out.resolve("footprint.md"), StandardCharsets.UTF_8), "## Against the bare idiom");
        FootprintRecord pool = results.record("thread-pool", 100);
        if (pool.outcome() != CellOutcome.MEASURED) {
            // a pool of P threads holds P tasks; on a machine with 100 processors it would hold them all
            assertEquals(CellOutcome.NOT_APPLICABLE, pool.outcome());
            assertContains(pool.reason(), "held only " + Runtime.getRuntime().availableProcessors() + " of 100 tasks at once");
        }
        // the heap the command gives every measuring JVM, as the JVM itself reports it
        assertEquals(2L << 30, results.environment().childJvm().maxHeapBytes());
        assertFalse(results.environment().childJvm().gc().isBlank());
        assertContains(Files.readString(out.resolve("footprint.md"), StandardCharsets.UTF_8), "## Heap per task (bytes)");
        assertContains(console.toString(), "Heap per task (bytes)");
        assertContains(console.toString(), "Results: " + out.resolve("footprint.md"));
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList(),
                "no measuring JVM or worker may outlive the command");
    }
}
