package org.concurrencybench.benchmarks.cli;

import static org.concurrencybench.benchmarks.cli.ReportCommandTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.compare.RunJsonOutcomes;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.compare.Comparison;
import org.concurrencybench.benchmarks.compare.Limits;
import org.concurrencybench.benchmarks.compare.Profile;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench compare} for real, at sizes and iterations so small that the figures mean
 * nothing: what is checked is what it writes, how it stops and what it leaves behind.
 */
class CompareCommandTest {

    /** One short iteration, no warm-up: a fork's run takes well under a second. */
    private static final String TINY_JMH = "-wi 0 -i 1 -r 20ms";

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyModelOnATinyWorkloadIsMeasuredOrDeclaredNotApplicableAndTheReportIsWritten() throws IOException {
        Path out = temporary.resolve("run");

        // every model named, process-per-task too, which quick leaves out unless it is named
        BenchRun run = BenchRun.of("compare", "--models", String.join(",", ModelRegistry.ids()), "--workloads", "cpu",
                "--cores", "1", "-p", "limit=2000", "-p", "units=2", "--out", out.toString(), "--jmh", TINY_JMH);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        Set<String> measured = measuredModels(out.resolve("jmh.json"));
        Map<String, String> outcomes = RunJsonOutcomes.of(out.resolve("run.json"));
        for (String model : ModelRegistry.ids()) {
            String outcome = outcomes.get("cpu " + model + " 1");
            assertTrue("measured".equals(outcome) && measured.contains(model) || "n/a".equals(outcome),
                    model + " should be measured or n/a, run.json says " + outcome + ", jmh.json has " + measured);
        }
        assertTrue(measured.contains("sequential"), "the baseline runs with the cpu workload as a model like any other");
        // at P = 1 a JVM left to itself would pick the Serial collector; every fork runs G1
        for (JsonElement result : JsonParser.parseString(Files.readString(out.resolve("jmh.json"), StandardCharsets.UTF_8))
                .getAsJsonArray()) {
            JsonArray jvmArgs = result.getAsJsonObject().getAsJsonArray("jvmArgs");
            assertTrue(jvmArgs.toString().contains("\"-XX:+UseG1GC\""), "a fork's JVM options: " + jvmArgs);
        }
        for (String file : List.of("environment.json", "report.md", "report.html", "cpu.png", "jmh.log")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " is missing");
        }
        assertTrue(run.out().matches("(?s).*\\[ *1/\\d+] cpu: sequential at P=1 .*"), "the first cell's progress: " + run.out());
        assertContains(run.out(), "left");
        assertContains(run.out(), "Report: " + out.resolve("report.md"));
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.filter(file -> file.getFileName().toString().startsWith(".")).toList(),
                    "temporary files left in the output folder");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aCellsForksRunInRoundsOneForkOfEveryCellEachAndMakeOneRecord() throws IOException {
        Assumptions.assumeTrue(ModelRegistry.ids().containsAll(List.of("thread-pool", "fork-join")), "models not installed");
        Path out = temporary.resolve("rounds");

        BenchRun run = BenchRun.of("compare", "--models", "thread-pool,fork-join", "--workloads", "cpu", "--cores", "1",
                "-p", "limit=2000", "-p", "units=2", "--out", out.toString(), "--jmh", "-f 2 -wi 0 -i 2 -r 20ms");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        // round 1 in the plan's order, round 2 reversed
        String console = run.out();
        int first = console.indexOf("thread-pool at P=1, fork 1 of 2");
        int second = console.indexOf("fork-join at P=1, fork 1 of 2");
        int third = console.indexOf("fork-join at P=1, fork 2 of 2");
        int fourth = console.indexOf("thread-pool at P=1, fork 2 of 2");
        assertTrue(first >= 0 && first < second && second < third && third < fourth, console);
        JsonArray records = JsonParser.parseString(Files.readString(out.resolve("jmh.json"))).getAsJsonArray();
        assertEquals(2, records.size(), records.toString());
        for (var record : records) {
            JsonObject cell = record.getAsJsonObject();
            assertEquals(2, cell.get("forks").getAsInt(), cell.toString());
            JsonArray forks = cell.getAsJsonObject("primaryMetric").getAsJsonArray("rawData");
            assertEquals(2, forks.size(), cell.toString());
            forks.forEach(fork -> assertEquals(2, fork.getAsJsonArray().size(), cell.toString()));
        }
        try (var parts = Files.list(out)) {
            assertEquals(List.of(), parts.filter(file -> file.getFileName().toString().startsWith(".cell-")).toList());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFailedCellIsMarkedFailedWithItsReasonAndTheCellsAfterItAreStillMeasured() throws IOException {
        // A model's own limit, hidden from the comparison, makes its fork fail in the set-up:
        // a real failure in a real fork, with a reason the test knows.
        Optional<String[]> limited = modelLimitedOnDefaultTree();
        Assumptions.assumeTrue(limited.isPresent(), "no installed model declares a limit for the default tree");
        String model = limited.get()[0];
        Path out = temporary.resolve("failed");
        List<String> workloads = List.of("spawn", "tree", "handoff");
        WorkloadSizes sizes = Profile.FULL.sizesOf(workloads, List.of("spawn.units=10", "handoff.hops=10"));
        Limits noneDeclared = (anyModel, cores, anyWorkloads) -> Map.of();
        StringWriter console = new StringWriter();

        ExitCode code = new Comparison(new Comparison.Settings(List.of(model), workloads, List.of(1), sizes, Profile.QUICK, out,
                TINY_JMH), new PrintWriter(console, true), noneDeclared).run();

        assertEquals(ExitCode.FAILED, code, console.toString());
        Map<String, String> outcomes = RunJsonOutcomes.of(out.resolve("run.json"));
        assertEquals("measured", outcomes.get("spawn " + model + " 1"));
        assertEquals("failed", outcomes.get("tree " + model + " 1"));
        assertEquals("measured", outcomes.get("handoff " + model + " 1"), "the cell after the failed one is measured");
        assertEquals(Set.of("spawn", "handoff"), measuredWorkloads(out.resolve("jmh.json")));
        String run = Files.readString(out.resolve("run.json"), StandardCharsets.UTF_8);
        assertContains(run, "\"status\": \"failed\"");
        assertContains(run, limited.get()[1].substring(0, 40));
        String reason = "n/a: " + model + " cannot run tree";
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertContains(report, "| " + model + " | failed |");
        assertContains(report, "1 cell failed");
        assertContains(report, "# Failed cells");
        assertContains(report, "- tree: " + model + " at P = 1: " + reason);
        assertContains(console.toString(), "FAILED: " + reason);
        assertContains(console.toString(), "1 of 3 cells failed:\n  tree: " + model + " at P=1: " + reason);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void whenJmhRefusesToRunTheComparisonStopsAtTheFirstCellInsteadOfFailingEveryCellAlike() throws IOException {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("thread-pool"), "thread-pool is not installed");
        Path out = temporary.resolve("refused");
        List<String> workloads = List.of("spawn", "handoff");
        WorkloadSizes sizes = Profile.FULL.sizesOf(workloads, List.of("spawn.units=10", "handoff.hops=10"));
        StringWriter console = new StringWriter();
        ExitCode code;

        // JMH's own lock, held as another JMH run on the machine holds it
        try (FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            code = new Comparison(new Comparison.Settings(List.of("thread-pool"), workloads, List.of(1), sizes, Profile.QUICK, out,
                    TINY_JMH), new PrintWriter(console, true), Limits.fromRegistry()).run();
        }

        assertEquals(ExitCode.FAILED, code, console.toString());
        Map<String, String> outcomes = RunJsonOutcomes.of(out.resolve("run.json"));
        assertEquals("failed", outcomes.get("spawn thread-pool 1"));
        assertEquals("not run", outcomes.get("handoff thread-pool 1"));
        assertContains(console.toString(), "FAILED: ERROR: ");
        assertContains(console.toString(), "JMH refused to run the cell at all, as it would every other: the comparison stops");
        assertContains(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8),
                "thread-pool at P = 1: not run: the comparison stopped when JMH refused to run spawn: thread-pool at P=1");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anInterruptedComparisonWritesWhatFinishedAndLeavesNoProcessBehind() throws Exception {
        List<String> models = ModelRegistry.ids();
        Assumptions.assumeTrue(models.contains("thread-pool"), "thread-pool is not installed");
        Path out = temporary.resolve("interrupted");
        Files.createDirectories(out);
        // the second cell sleeps 2 x 5 s on one thread: long enough to be interrupted in the middle
        Process compare = new ProcessBuilder(javaCommand("compare", "--models", "thread-pool", "--workloads", "spawn,blocking",
                "--cores", "1", "-p", "spawn.units=10", "-p", "blocking.units=2", "-p", "blocking.delayMs=5000",
                "--out", out.toString(), "--jmh", TINY_JMH)).redirectErrorStream(true).start();
        List<ProcessHandle> descendants;
        List<String> lines = new ArrayList<>();
        try (WatchService watcher = out.getFileSystem().newWatchService();
             BufferedReader console = new BufferedReader(new InputStreamReader(compare.getInputStream(), StandardCharsets.UTF_8))) {
            out.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            String line;
            while ((line = console.readLine()) != null && !line.startsWith("[2/2]")) {
                lines.add(line);
            }
            assertTrue(line != null, "the comparison ended before its second cell: " + lines);
            awaitSecondIteration(watcher, out.resolve("jmh.log"));
            descendants = compare.descendants().toList();

            // SIGTERM, as a kill or the end of a session sends; through the handle, which leaves
            // the output open for what the comparison prints while it stops
            compare.toHandle().destroy();

            assertTrue(compare.waitFor(1, TimeUnit.MINUTES), "compare did not stop");
            console.lines().forEach(lines::add);
        }
        assertFalse(descendants.isEmpty(), "the second cell's fork should have been running");
        for (ProcessHandle process : descendants) {
            assertTrue(process.onExit().isDone() || !process.isAlive(), "left running: " + process.info());
        }
        Map<String, String> outcomes = RunJsonOutcomes.of(out.resolve("run.json"));
        assertEquals("measured", outcomes.get("spawn thread-pool 1"));
        assertEquals("not run", outcomes.get("blocking thread-pool 1"));
        assertContains(Files.readString(out.resolve("run.json"), StandardCharsets.UTF_8), "\"status\": \"interrupted\"");
        assertEquals(Set.of("thread-pool"), measuredModels(out.resolve("jmh.json")));
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertContains(report, "thread-pool at P = 1: not run: the comparison was interrupted");
        assertContains(String.join("\n", lines), "Interrupted; what finished is in " + out);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSweptPayloadIsACellPerValueAndTheReportDrawsTheCostPerUnitAgainstIt() throws IOException {
        Assumptions.assumeTrue(ModelRegistry.ids().contains("thread-pool"), "thread-pool is not installed");
        Path out = temporary.resolve("sweep");

        BenchRun run = BenchRun.of("compare", "--models", "thread-pool", "--workloads", "transfer", "--cores", "1",
                "-p", "units=4", "-p", "payload=0,1024", "--out", out.toString(), "--jmh", TINY_JMH);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertContains(run.out(), "[1/2] transfer, payload=0: thread-pool at P=1");
        assertContains(run.out(), "[2/2] transfer, payload=1024: thread-pool at P=1");
        JsonObject record = JsonParser.parseString(Files.readString(out.resolve("run.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("0,1024", record.getAsJsonObject("parameters").getAsJsonObject("transfer").get("payload").getAsString());
        List<String> cellPayloads = new ArrayList<>();
        record.getAsJsonArray("cells").forEach(cell -> cellPayloads.add(cell.getAsJsonObject().getAsJsonObject("sizes")
                .get("payload").getAsString()));
        assertEquals(List.of("0", "1024"), cellPayloads);
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertContains(report, "## transfer (units=4, payload=0)");
        assertContains(report, "## transfer (units=4, payload=1024)");
        assertContains(report, "## transfer: cost per unit against payload");
        assertContains(report, "| model | 0 B | 1 KiB |");
        for (String chart : List.of("transfer-payload-0.png", "transfer-payload-1024.png", "transfer-payload-0-ranking.png",
                "transfer-payload-1024-ranking.png", "transfer-per-unit.png")) {
            assertTrue(Files.isRegularFile(out.resolve(chart)), chart + " is missing");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withTwinsEachModelsCellIsFollowedByItsBareTwinsAndTheReportSetsOneAgainstTheOther() throws IOException {
        Assumptions.assumeTrue(ModelRegistry.ids().containsAll(List.of("thread-pool", "fork-join")),
                "thread-pool or fork-join is not installed");
        Path out = temporary.resolve("twins");

        BenchRun run = BenchRun.of("compare", "--models", "thread-pool,fork-join", "--workloads", "spawn,handoff", "--cores",
                "1", "--twins", "-p", "spawn.units=10", "-p", "handoff.hops=10", "--out", out.toString(), "--jmh", TINY_JMH);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertContains(run.out(), "twins:     bare-thread-pool, bare-fork-join, each after its model on spawn, handoff");
        assertContains(run.out(), "[1/8] spawn: thread-pool at P=1");
        assertContains(run.out(), "[2/8] spawn: bare-thread-pool at P=1");
        assertContains(run.out(), "[8/8] handoff: bare-fork-join at P=1");
        Map<String, String> outcomes = RunJsonOutcomes.of(out.resolve("run.json"));
        for (String workload : List.of("spawn", "handoff")) {
            for (String model : List.of("thread-pool", "bare-thread-pool", "fork-join", "bare-fork-join")) {
                assertEquals("measured", outcomes.get(workload + " " + model + " 1"), workload + " " + model);
            }
        }
        JsonArray results = JsonParser.parseString(Files.readString(out.resolve("jmh.json"), StandardCharsets.UTF_8))
                .getAsJsonArray();
        Set<String> twins = new TreeSet<>();
        for (JsonElement result : results) {
            JsonObject params = result.getAsJsonObject().getAsJsonObject("params");
            if (params.has("idiom")) {
                twins.add(result.getAsJsonObject().get("benchmark").getAsString().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1")
                        + " " + params.get("idiom").getAsString() + " " + params.get("cores").getAsString());
            }
        }
        assertEquals(Set.of("BareSpawnBenchmark.startAndJoinTasks bare-thread-pool 1",
                "BareSpawnBenchmark.startAndJoinTasks bare-fork-join 1", "BareHandoffBenchmark.passTheToken bare-thread-pool 1",
                "BareHandoffBenchmark.passTheToken bare-fork-join 1"), twins);
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertContains(report, "### spawn: the suite against the bare twin");
        assertContains(report, "### handoff: the suite against the bare twin");
        assertTrue(report.matches("(?s).*\\| thread-pool \\| [+-]\\d+\\.\\d%.*"), report);
    }

    @Test
    void aParameterNoSelectedWorkloadHasIsAUsageError() {
        BenchRun run = BenchRun.of("compare", "--workloads", "cpu", "-p", "hops=10", "--out", temporary.toString());

        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertContains(run.err(), "-p hops: no selected workload has this parameter; cpu: limit, units, payload");
    }

    @Test
    void aBenchmarkPatternInTheJmhOptionsIsAUsageError() {
        BenchRun run = BenchRun.of("compare", "--jmh", "CpuBenchmark -f 1", "--out", temporary.toString());

        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertContains(run.err(), "--jmh takes JMH options only");
    }

    @Test
    void aFolderThatAlreadyHoldsResultsIsNotOverwritten() throws IOException {
        Files.writeString(temporary.resolve("jmh.json"), "[]");

        BenchRun run = BenchRun.of("compare", "--workloads", "cpu", "--out", temporary.toString());

        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertContains(run.err(), "already holds results");
        assertEquals("[]", Files.readString(temporary.resolve("jmh.json")));
    }

    @Test
    void anOutThatIsAFileIsAUsageErrorAndTheFileIsLeftAlone() throws IOException {
        Path file = Files.writeString(temporary.resolve("results.txt"), "notes");

        CommandLineRun run = CommandLineRun.of("compare", "--workloads", "cpu", "--out", file.toString());

        run.assertOneLineUsageError("--out " + file + " is a file, not a folder");
        assertEquals("notes", Files.readString(file));
    }

    @Test
    void anOutBelowAFileIsAUsageErrorThatNamesTheFile() throws IOException {
        Path file = Files.writeString(temporary.resolve("results.txt"), "notes");

        CommandLineRun.of("compare", "--workloads", "cpu", "--out", file.resolve("run").toString())
                .assertOneLineUsageError("--out " + file.resolve("run") + ": " + file + " is a file, not a folder");
    }

    @Test
    void anOutWhereNoFolderCanBeMadeIsAUsageErrorWithTheReason() {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc) && !Files.exists(proc.resolve("x")), "no /proc to refuse a folder");

        CommandLineRun.of("compare", "--workloads", "cpu", "--out", "/proc/x")
                .assertOneLineUsageError("--out /proc/x: cannot create the folder (");
    }

    @Test
    void anEmptyListOfModelsSaysItIsEmpty() {
        CommandLineRun.of("compare", "--models", ",,", "--out", temporary.toString())
                .assertOneLineUsageError("--models ',,' is an empty list", "known models:");
    }

    @Test
    void theModelAndPAreChosenWithTheirOwnOptionsNotWithP() {
        CommandLineRun.of("compare", "--workloads", "cpu", "-p", "cores=4", "--out", temporary.toString())
                .assertOneLineUsageError("-p cores is chosen with --cores, not -p");
    }

    /** Waits, on file events, until JMH has logged the start of the second cell's first iteration. */
    private static void awaitSecondIteration(WatchService watcher, Path log) throws IOException, InterruptedException {
        while (countOf(log, "Iteration   1:") < 2) {
            WatchKey key = watcher.take();
            key.pollEvents();
            key.reset();
        }
    }

    private static int countOf(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Bench.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Optional<String[]> modelLimitedOnDefaultTree() {
        return ModelRegistry.ids().stream().map(model -> {
            try (ConcurrencyModel created = ModelRegistry.create(model, 1)) {
                return created.limit(Workloads.create("tree")).map(reason -> new String[] {model, reason});
            }
        }).flatMap(Optional::stream).findFirst();
    }

    /** The models of every result in a jmh.json. */
    private static Set<String> measuredModels(Path jmhJson) throws IOException {
        Set<String> models = new TreeSet<>();
        JsonArray results = JsonParser.parseString(Files.readString(jmhJson, StandardCharsets.UTF_8)).getAsJsonArray();
        for (JsonElement result : results) {
            JsonObject params = result.getAsJsonObject().getAsJsonObject("params");
            models.add(params.get("model").getAsString());
        }
        return models;
    }

    /** The workloads of every result in a jmh.json, by their benchmark. */
    private static Set<String> measuredWorkloads(Path jmhJson) throws IOException {
        Set<String> workloads = new TreeSet<>();
        JsonArray results = JsonParser.parseString(Files.readString(jmhJson, StandardCharsets.UTF_8)).getAsJsonArray();
        for (JsonElement result : results) {
            String benchmark = result.getAsJsonObject().get("benchmark").getAsString();
            workloads.add(WorkloadBenchmark.byName(benchmark).map(WorkloadBenchmark::workload).orElse(benchmark));
        }
        return workloads;
    }
}
