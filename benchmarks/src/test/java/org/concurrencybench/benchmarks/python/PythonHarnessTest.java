package org.concurrencybench.benchmarks.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.benchmarks.report.JmhResultsReader;
import org.concurrencybench.benchmarks.report.Measurement;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The Python models through the suite's Python harness: every model answers every workload at
 * small sizes as the Java catalog expects; every workload's record through the harness is shaped
 * like JMH's and read by the report as the Java records are; a unit that raises fails the cell
 * in one line naming the model and the cause; no interpreter outlives a run. Skipped, with the
 * reason, where no usable python3 is on the PATH.
 */
class PythonHarnessTest {

    /** Small sizes for every workload: each parameter name set in every workload that has it. */
    private static final Map<String, String> SMALL = sizes("units=6", "limit=3000", "delayMs=1", "width=3", "depth=3",
            "hops=50", "workers=3", "updates=20", "work=20", "payload=100", "holdMs=1", "locks=3");

    private static final List<String> MODELS = PythonModels.ids();

    private static Python python;
    private static PythonHarness harness;

    @TempDir
    Path temporary;

    @BeforeAll
    static void interpreter() {
        python = Python.find();
        assumeTrue(python.unavailable().isEmpty(), () -> "the Python models cannot run here: " + python.describe());
        harness = PythonHarness.open(python);
    }

    @AfterAll
    static void deletePackage() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyModelAnswersEveryWorkloadAtSmallSizesAsTheJavaCatalogExpects() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("verify", "--cores", "2"));
        SMALL.forEach((name, value) -> arguments.addAll(List.of("-p", name + "=" + value)));
        Set<String> before = harnessProcesses();

        List<JsonObject> lines = new ArrayList<>();
        try (PythonPackage pythonPackage = PythonPackage.extract()) {
            Process verify = python.command(pythonPackage, arguments).redirectErrorStream(true).start();
            verify.getOutputStream().close();
            String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, verify.waitFor(), output);
            output.lines().filter(line -> line.startsWith("{")).forEach(line -> lines.add(JsonParser.parseString(line)
                    .getAsJsonObject()));
        }

        assertEquals(MODELS.size() * Workloads.ids().size(), lines.size(), lines.toString());
        for (JsonObject line : lines) {
            String workload = line.get("workload").getAsString();
            long javaExpects = Workloads.create(workload, sizesOf(workload)).expected();
            assertEquals(javaExpects, line.get("expected").getAsLong(), line.toString());
            assertEquals("ok", line.get("status").getAsString(), line.toString());
            assertEquals(javaExpects, line.get("answer").getAsLong(), line.toString());
        }
        assertEquals(before, harnessProcesses(), "interpreters left behind");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyWorkloadsRecordIsShapedLikeJmhsAndReadByTheReportAsTheJavaRecordsAre() throws Exception {
        Set<String> before = harnessProcesses();
        List<String> workloads = Workloads.ids();
        for (int index = 0; index < workloads.size(); index++) {
            String workload = workloads.get(index);
            String model = MODELS.get(index % MODELS.size());
            int cores = 1 + index % 2;
            Path result = temporary.resolve(workload + ".json");
            PythonHarness.Cell cell = new PythonHarness.Cell(model, workload, cores, sizesOf(workload));

            harness.measure(cell, new PythonHarness.Settings(1, 1, 1, 3, 1), result, new ByteArrayOutputStream());

            JsonArray records = JsonParser.parseString(Files.readString(result)).getAsJsonArray();
            assertEquals(1, records.size());
            JsonObject record = records.get(0).getAsJsonObject();
            assertEquals("concurrency_bench." + workload + "." + WorkloadBenchmark.of(workload).method(),
                    record.get("benchmark").getAsString());
            assertEquals("avgt", record.get("mode").getAsString());
            assertEquals(3, record.get("measurementIterations").getAsInt());
            JsonObject interpreter = record.getAsJsonObject("interpreter");
            assertTrue(interpreter.has("version") && interpreter.has("freeThreaded") && interpreter.has("implementation"),
                    record.toString());
            assertTrue(record.get("harness").getAsString().contains("outside JMH"), record.toString());
            Set<String> params = new TreeSet<>(record.getAsJsonObject("params").keySet());
            Set<String> expectedParams = new TreeSet<>(List.of("model", "cores"));
            Workloads.spec(workload).parameters().forEach(parameter -> expectedParams.add(parameter.name()));
            assertEquals(expectedParams, params, record.toString());
            JsonObject metric = record.getAsJsonObject("primaryMetric");
            assertEquals("ms/op", metric.get("scoreUnit").getAsString());
            JsonArray raw = metric.getAsJsonArray("rawData");
            assertEquals(1, raw.size());
            ListStatistics jmh = new ListStatistics();
            raw.get(0).getAsJsonArray().forEach(score -> jmh.addValue(score.getAsDouble()));
            assertEquals(3, jmh.getN());
            assertEquals(jmh.getMean(), metric.get("score").getAsDouble(), 1e-9 * jmh.getMean());
            assertEquals(jmh.getMeanErrorAt(0.999), metric.get("scoreError").getAsDouble(), 1e-6 * jmh.getMeanErrorAt(0.999));

            Measurement read = JmhResultsReader.read(result).getFirst();
            assertEquals(workload, read.workload());
            assertEquals(model, read.model());
            assertEquals(cores, read.cores());
            // as the reader keeps a Java record's sizes: the catalog's writing, a payload of 0 that is the default left out
            writtenSizes(workload).forEach((name, value) -> assertEquals(name.equals("payload") && value.equals("0")
                    && Workloads.spec(workload).parameter(name).defaultValue() == 0 ? null : value, read.sizes().get(name),
                    name + " in " + read.sizes()));
            assertTrue(read.outsideJmh() && read.interpreter().startsWith(interpreter.get("implementation").getAsString()
                    + " " + interpreter.get("version").getAsString()), read.toString());
            assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
        }
        assertEquals(before, harnessProcesses(), "interpreters left behind");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aUnitThatRaisesFailsTheCellInOneLineNamingTheModelAndTheCauseAndLeavesNoInterpreter() throws Exception {
        Set<String> before = harnessProcesses();
        for (String model : List.of("python-thread-pool", "python-process-pool", "python-process-per-task")) {
            PythonHarness.Cell cell = new PythonHarness.Cell(model, "probe", 2, Map.of("units", "4", "failAt", "2"));

            PythonRunException failed = assertThrows(PythonRunException.class, () -> harness.measure(cell,
                    new PythonHarness.Settings(1, 0, 1, 1, 1), temporary.resolve("probe.json"), new ByteArrayOutputStream()));

            assertEquals(1, failed.getMessage().lines().count(), failed.getMessage());
            assertTrue(failed.getMessage().startsWith(model + " failed on probe(units=4)"), failed.getMessage());
            assertTrue(failed.getMessage().contains("unit 2 failed on purpose"), failed.getMessage());
            assertFalse(failed.notApplicable());
            assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList());
        }
        assertEquals(before, harnessProcesses(), "interpreters left behind");
    }

    @Test
    void aCellTheModelDeclaresNotApplicableSaysWhyInOneLine() {
        PythonHarness.Cell cell = new PythonHarness.Cell("python-threads", "tree", 1, Map.of("width", "10", "depth", "6"));

        assertEquals(List.of(java.util.Optional.of("width=10 and depth=6 (1,111,111 nodes) would keep up to 1,111,111"
                + " threads alive at once (every inner node waits for its children); at most 10,000 may be alive at once,"
                + " within the OS's thread limits")), harness.limits(List.of(cell)));
        PythonRunException declined = assertThrows(PythonRunException.class, () -> harness.measure(cell,
                new PythonHarness.Settings(1, 0, 1, 1, 1), temporary.resolve("tree.json"), new ByteArrayOutputStream()));
        assertTrue(declined.notApplicable(), declined.getMessage());
        assertTrue(declined.getMessage().startsWith("n/a: python-threads cannot run tree(width=10, depth=6) at P=1"),
                declined.getMessage());
    }

    @Test
    void aMissingOrTooOldOrForeignInterpreterIsNamedWithTheReason() throws IOException {
        assertEquals("/nonexistent/python3 is not an executable interpreter",
                Python.at(Path.of("/nonexistent/python3")).unavailable().orElseThrow());
        Path old = script("old-python", "echo 'CPython 3 8 10'");
        assertEquals(old + " is Python 3.8.10; the Python models need 3.9 or newer", Python.at(old).unavailable().orElseThrow());
        Path foreign = script("not-python", "echo 'hello'");
        assertEquals(foreign + " is not a Python 3 interpreter that runs (it answered 'hello')",
                Python.at(foreign).unavailable().orElseThrow());
        assertThrows(IllegalStateException.class, () -> PythonHarness.open(Python.at(old)));
    }

    private Path script(String name, String body) throws IOException {
        Path script = temporary.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    /** {@link #SMALL} where workload has the parameter, everything else at the catalog's default, as the catalog writes it. */
    static Map<String, String> sizesOf(String workload) {
        WorkloadSpec spec = Workloads.spec(workload);
        Map<String, String> sizes = new LinkedHashMap<>();
        for (WorkloadSpec.Parameter parameter : spec.parameters()) {
            sizes.put(parameter.name(), SMALL.getOrDefault(parameter.name(), parameter.displayDefault()));
        }
        return sizes;
    }

    private static Map<String, String> writtenSizes(String workload) {
        return WorkloadSizes.parse(List.of(workload), sizesOf(workload).entrySet().stream()
                .map(size -> size.getKey() + "=" + size.getValue()).toList()).written(workload);
    }

    private static Map<String, String> sizes(String... pairs) {
        Map<String, String> sizes = new LinkedHashMap<>();
        for (String pair : pairs) {
            sizes.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return sizes;
    }

    /** The processes on the machine running the harness's package: pid and command line. */
    static Set<String> harnessProcesses() {
        Set<String> found = new TreeSet<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(process -> process.info().commandLine()
                .filter(line -> line.contains("-m concurrency_bench")).ifPresent(line -> found.add(process.pid() + " " + line)));
        return found;
    }
}
