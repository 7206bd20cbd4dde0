package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadGeneratorMainTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome main(String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LoadGeneratorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void usageError(String message, String... args) throws InterruptedException {
        Outcome outcome = main(args);
        assertEquals(LoadGeneratorMain.USAGE, outcome.exitCode(), outcome.toString());
        assertEquals(message + System.lineSeparator(), outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void badInputPrintsOneLineAndExitsTwo() throws InterruptedException {
        usageError("load generator: rate must be above 0 and at most 1,000,000 requests per second, got -1",
                "--port", "8080", "--expect-index", "--rate", "-1");
        usageError("load generator: duration must be above 0 and at most 1 h, got 0 ms",
                "--port", "8080", "--expect-index", "--duration", "0");
        usageError("load generator: warmup must be between 0 ms and 1 h, got -2 s",
                "--port", "8080", "--expect-index", "--warmup=-2s");
        usageError("load generator: connections must be between 1 and 65,535, got 0",
                "--port", "8080", "--expect-index", "--connections", "0");
        usageError("load generator: port must be between 1 and 65,535, got 70,000", "--port", "70000",
                "--expect-index");
        usageError("load generator: host must be a loopback address (127.0.0.1, another 127.x.x.x, ::1 or localhost),"
                + " got '10.1.2.3'", "--host", "10.1.2.3", "--port", "8080", "--expect-index");
        usageError("--rate must be a number, got 'fast'", "--port", "8080", "--expect-index", "--rate", "fast");
        usageError("--connections must be a whole number, got '1.5'", "--port", "8080", "--expect-index",
                "--connections", "1.5");
        usageError("--port is required: the port of the server on 127.0.0.1", "--expect-index");
        usageError("--expect is required: how the expected bodies are computed (index: unit i answers \"i\\n\"),"
                + " or --expect-index", "--port", "8080");
        usageError("expected bodies must be one of index or serve:<work>:<units>, got 'html'", "--port", "8080", "--expect", "html");
        usageError("--timeout needs a value", "--port", "8080", "--expect-index", "--timeout");
        usageError("--poisson takes no value, got 'yes'", "--port", "8080", "--expect-index", "--poisson=yes");
        usageError("unknown option '--threads'; options: --host, --port, --rate, --duration, --warmup, --connections,"
                + " --units, --poisson, --seed, --timeout, --expect, --expect-index, --hgrm, --hgrm-uncorrected,"
                + " --json, --capacity, --help", "--port", "8080", "--threads", "4");
    }

    @Test
    void connectionsBeyondWhatTheProcessMayOpenAreAUsageError() throws InterruptedException {
        Outcome outcome = main("--port", "8080", "--expect-index", "--connections", "65000");

        assertEquals(LoadGeneratorMain.USAGE, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().startsWith("load generator: connections must be at most "), outcome.err());
        assertEquals(1, outcome.err().lines().count());
    }

    @Test
    void helpPrintsTheOptions() throws InterruptedException {
        Outcome outcome = main("--help");

        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.out().contains("--expect-index"), outcome.out());
    }

    @Test
    void aRunPrintsItsResultAndWritesTheFilesAskedFor(@TempDir Path folder) throws Exception {
        Path json = folder.resolve("result.json");
        Path hgrm = folder.resolve("corrected.hgrm");
        Path uncorrected = folder.resolve("uncorrected.hgrm");
        Outcome outcome;
        try (NullHttpServer server = NullHttpServer.start(ExpectedBodies.index())) {
            outcome = main("--port", Integer.toString(server.port()), "--expect-index", "--rate", "200",
                    "--duration", "500ms", "--warmup", "100ms", "--connections", "4", "--units", "10",
                    "--json", json.toString(), "--hgrm", hgrm.toString(), "--hgrm-uncorrected", uncorrected.toString());
        }

        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.out().startsWith("offered 200.0/s, achieved "), outcome.out());
        assertTrue(outcome.out().contains("requests: 100 scheduled, 100 sent, 100 completed"), outcome.out());
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(100, result.get("scheduled").getAsLong());
        assertEquals(100, result.get("completed").getAsLong());
        assertEquals(0, result.getAsJsonObject("errors").get("total").getAsLong());
        Histogram corrected = Histogram.fromString(result.getAsJsonObject("histograms").get("corrected").getAsString());
        assertEquals(100, corrected.getTotalCount());
        assertEquals(result.getAsJsonObject("latencyMs").getAsJsonObject("corrected").get("max").getAsDouble(),
                corrected.getMaxValue() / 1_000.0);
        for (Path distribution : new Path[] {hgrm, uncorrected}) {
            String text = Files.readString(distribution);
            assertTrue(text.contains("Value     Percentile TotalCount 1/(1-Percentile)"), text);
            assertTrue(text.contains("Total count    =          100]"), text);
        }
    }
}
