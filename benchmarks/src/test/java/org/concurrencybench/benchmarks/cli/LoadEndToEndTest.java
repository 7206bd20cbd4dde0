package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.load.LoadResultsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench load} for real, through a server JVM and generator JVMs, at rates so low and
 * periods so short that the figures mean nothing: what is checked is that every rate gets its
 * point and its .hgrm, the report has the model's rows, a model that cannot serve is n/a with
 * its reason, and no JVM is left.
 */
class LoadEndToEndTest {

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aTinyLoadOnVirtualThreadsWritesEveryFileAndLeavesNoProcess() throws IOException, URISyntaxException {
        Path out = temporary.resolve("run");

        BenchRun run = BenchRun.of("load", "--models", "virtual,sequential", "--cores", "1", "--rates", "50,100",
                "--duration", "1s", "--warmup", "500ms", "--connections", "4", "--capacity-probe", "200ms",
                "--out", out.toString());

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + "\n" + run.err());
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("load.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("complete", json.get("status").getAsString());
        JsonArray results = json.getAsJsonArray("results");
        assertEquals(2, results.size(), results.toString());
        JsonObject virtual = results.get(0).getAsJsonObject();
        assertEquals("virtual", virtual.get("model").getAsString());
        assertEquals("measured", virtual.get("outcome").getAsString(), virtual.toString());
        JsonArray points = virtual.getAsJsonArray("points");
        assertEquals(2, points.size(), points.toString());
        for (int i = 0; i < points.size(); i++) {
            JsonObject point = points.get(i).getAsJsonObject();
            assertEquals(List.of(50.0, 100.0).get(i), point.get("offeredRate").getAsDouble());
            assertTrue(point.get("completed").getAsLong() > 0, point.toString());
            assertTrue(point.get("p99Ms").getAsDouble() > 0, point.toString());
            assertTrue(point.get("peakRssBytes").getAsLong() > 0, point.toString());
            assertTrue(Files.isRegularFile(out.resolve(point.get("hgrm").getAsString())), point.toString());
        }
        assertTrue(Files.isRegularFile(out.resolve("virtual-p1-50.hgrm")));
        assertTrue(Files.isRegularFile(out.resolve("virtual-p1-100.hgrm")));
        JsonObject sequential = results.get(1).getAsJsonObject();
        assertEquals("n/a", sequential.get("outcome").getAsString(), sequential.toString());
        assertTrue(sequential.get("reason").getAsString().contains("one thread"), sequential.toString());
        String markdown = Files.readString(out.resolve("load.md"), StandardCharsets.UTF_8);
        assertTrue(markdown.contains("| virtual | 50/s |"), markdown);
        assertTrue(markdown.contains("| virtual | 100/s |"), markdown);
        assertTrue(markdown.contains("sequential at P = 1: n/a"), markdown);
        assertTrue(Files.isRegularFile(out.resolve("load.html")));
        assertTrue(Files.isRegularFile(out.resolve("environment.json")));
        assertTrue(Files.isRegularFile(out.resolve("load-percentiles-p1.png")));
        assertTrue(markdown.contains("latency by percentile at 100/s offered"), markdown);
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList(),
                "server or generator JVMs left behind");

        // read back as it was written, every figure
        assertEquals(Files.readString(out.resolve("load.json"), StandardCharsets.UTF_8),
                LoadResultsReader.read(out.resolve("load.json")).toJson());

        // a comparison's report in the same folder joins the load run, its charts drawn where the report goes
        Files.copy(ReportCommandTest.fixture("run-a/jmh.json"), out.resolve("jmh.json"));
        Path elsewhere = temporary.resolve("report");
        BenchRun report = BenchRun.of("report", out.resolve("jmh.json").toString(), "--out", elsewhere.toString());
        assertEquals(ExitCode.OK.code(), report.exitCode(), report.err());
        String joined = Files.readString(elsewhere.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(joined.contains("## Servers under an open-loop load"), joined);
        assertTrue(joined.indexOf("## Servers under an open-loop load") > joined.indexOf("## Runs"), joined);
        assertTrue(joined.contains("| virtual | 100/s |"), joined);
        assertTrue(Files.isRegularFile(elsewhere.resolve("load-p1.png")));
        assertTrue(Files.isRegularFile(elsewhere.resolve("load-percentiles-p1.png")));
        assertTrue(report.out().contains("highest rate sustained"), report.out());
    }
}
