package org.concurrencybench.benchmarks.newmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process that dies in a JMH fork, end to end: {@link DyingWorkerModel}'s tree cell
 * fails because its worker exits with an error, and {@code bench compare} says so in one line
 * with the worker's pid, exit code and last words, measures the cells after it, and exits 1.
 */
class AFailedCellTest {

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWorkerThatDiesFailsItsCellWithItsPidExitCodeAndStderrAndTheNextCellsAreStillMeasured() throws Exception {
        Path out = work.resolve("compare");

        ChildBench.Run compare = ChildBench.registering(work, DyingWorkerModel.Provider.class).run("compare",
                "--models", DyingWorkerModel.ID, "--workloads", "spawn,tree,handoff", "--cores", "1",
                "-p", "spawn.units=10", "-p", "tree.depth=2", "-p", "handoff.hops=10",
                "--out", out.toString(), "--jmh", "-wi 0 -i 1 -r 20ms");

        assertEquals(1, compare.exitCode(), compare.output());
        Matcher failed = Pattern.compile("(?m)^ +FAILED: (.*)$").matcher(compare.output());
        assertTrue(failed.find(), "no FAILED line: " + compare.output());
        String line = failed.group(1);
        assertTrue(line.matches("model " + DyingWorkerModel.ID + ", workload tree\\(.*\\): worker pid \\d+ \\("
                + DyingWorkerModel.ID + "-worker-1\\) exited with code " + DyingWorkerMain.EXIT_CODE
                + " before it was ready; the end of its stderr: " + DyingWorkerMain.LAST_WORDS), line);
        assertTrue(!failed.find(), "one cell failed: " + compare.output());

        Map<String, JsonObject> cells = cells(out.resolve("run.json"));
        assertEquals("measured", cells.get("spawn").get("outcome").getAsString());
        assertEquals("failed", cells.get("tree").get("outcome").getAsString());
        assertEquals(line, cells.get("tree").get("reason").getAsString(), "run.json keeps the console's line");
        assertEquals("measured", cells.get("handoff").get("outcome").getAsString(), "the cell after the failed one");
        assertTrue(Files.readString(out.resolve("run.json"), StandardCharsets.UTF_8).contains("\"status\": \"failed\""));

        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("- " + DyingWorkerModel.ID + " at P = 1: failed: " + line), report);
        assertTrue(report.contains("- tree: " + DyingWorkerModel.ID + " at P = 1: " + line), "listed with the failed cells: " + report);
        assertTrue(compare.output().contains("1 of 3 cells failed:\n  tree: " + DyingWorkerModel.ID + " at P=1: " + line),
                compare.output());
        for (String workload : List.of("spawn", "handoff")) {
            assertTrue(report.contains("## " + workload), report);
        }
    }

    /** Each cell of a run.json by its workload (one model at one P). */
    private static Map<String, JsonObject> cells(Path runJson) throws IOException {
        Map<String, JsonObject> cells = new LinkedHashMap<>();
        JsonObject run = JsonParser.parseString(Files.readString(runJson, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement element : run.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            cells.put(cell.get("workload").getAsString(), cell);
        }
        return cells;
    }
}
