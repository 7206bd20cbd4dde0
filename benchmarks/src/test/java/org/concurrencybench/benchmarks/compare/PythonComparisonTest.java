package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.python.Python;
import org.concurrencybench.core.WorkloadSizes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A comparison of Python models: measured by the harness into jmh.json and the report, or n/a without an interpreter. */
class PythonComparisonTest {

    private static final Limits NONE = (model, cores, workloads) -> Map.of();

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void pythonCellsJoinJmhJsonAndTheReportNamesTheirInterpreter() throws IOException {
        Python python = Python.find();
        Assumptions.assumeTrue(python.unavailable().isEmpty(), () -> "the Python models cannot run: " + python.describe());
        Path out = temporary.resolve("run");
        StringWriter console = new StringWriter();

        ExitCode code = new Comparison(settings(List.of("python-asyncio", "python-threads"), out), new PrintWriter(console,
                true), NONE).run();

        assertEquals(ExitCode.OK, code, console.toString());
        Map<String, String> outcomes = RunJsonOutcomes.of(out.resolve("run.json"));
        assertEquals(Map.of("spawn python-asyncio 1", "measured", "spawn python-threads 1", "measured"), outcomes);
        assertEquals(2, JsonParser.parseString(Files.readString(out.resolve("jmh.json"))).getAsJsonArray().size());
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("The python-threads, python-asyncio rows ran on " + python.describe().substring(0,
                python.describe().indexOf(" (")) + ", measured outside JMH by the suite's Python harness"), report);
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.filter(file -> file.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void withoutAnInterpreterThePythonCellsAreNotApplicableWithTheReasonAndTheRunSucceeds() throws IOException {
        String before = System.getProperty(Python.PROPERTY);
        System.setProperty(Python.PROPERTY, "/nonexistent/python3");
        try {
            Path out = temporary.resolve("none");
            StringWriter console = new StringWriter();

            ExitCode code = new Comparison(settings(List.of("python-threads"), out), new PrintWriter(console, true), NONE)
                    .run();

            assertEquals(ExitCode.OK, code, console.toString());
            assertEquals(Map.of("spawn python-threads 1", "n/a"), RunJsonOutcomes.of(out.resolve("run.json")));
            assertTrue(console.toString().contains("n/a:       spawn: python-threads at P = 1: /nonexistent/python3 is not"
                    + " an executable interpreter"), console.toString());
            assertTrue(Files.readString(out.resolve("report.md")).contains("/nonexistent/python3 is not an executable"
                    + " interpreter"));
        } finally {
            if (before == null) {
                System.clearProperty(Python.PROPERTY);
            } else {
                System.setProperty(Python.PROPERTY, before);
            }
        }
    }

    private static Comparison.Settings settings(List<String> models, Path out) {
        List<String> workloads = List.of("spawn");
        WorkloadSizes sizes = Profile.QUICK.sizesOf(workloads, List.of("spawn.units=20"));
        return new Comparison.Settings(models, workloads, List.of(1), sizes, Profile.QUICK, out, "-wi 0 -i 1 -r 20ms",
                false, sizes, false);
    }
}
