package org.concurrencybench.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a run, from made-up records whose figures can be checked by hand. */
class FootprintFilesTest {

    @TempDir
    Path folder;

    private static FootprintResults results(List<FootprintRecord> records) {
        FootprintEnvironment environment = FootprintEnvironment.capture(List.of("-Xmx2g")).withChildJvm(FootprintRecordTest.JVM);
        return new FootprintResults("complete", List.of("virtual", "thread-pool"), List.of(1_000, 1_000_000),
                TaskHold.HOLD_MS, environment, records);
    }

    private static FootprintRecord measured(String model, int tasks, long rssPerTask, long heapPerTask) {
        return new FootprintRecord(model, tasks, CellOutcome.MEASURED, rssPerTask, heapPerTask, null,
                70_000_000L + rssPerTask * tasks, 3_000_000L + heapPerTask * tasks, 70_000_000L, 3_000_000L, 0, 2.5);
    }

    private static final List<FootprintRecord> RECORDS = List.of(
            measured("virtual", 1_000, -434, 944),
            measured("virtual", 1_000_000, 1_194, 930),
            FootprintRecord.notMeasured("thread-pool", 1_000, CellOutcome.NOT_APPLICABLE,
                    "held only 2 of 1,000 tasks at once"),
            FootprintRecord.notMeasured("thread-pool", 1_000_000, CellOutcome.FAILED,
                    "the measuring JVM exited with code 1 and no report"));

    @Test
    void theJsonHasOneRecordPerModelAndNWithItsFiguresOrItsReason() throws IOException {
        FootprintResults results = results(RECORDS);

        FootprintFiles.writeAll(folder, results);

        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("footprint.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonArray records = json.getAsJsonArray("records");
        assertEquals(4, records.size());
        JsonObject million = records.get(1).getAsJsonObject();
        assertEquals("virtual", million.get("model").getAsString());
        assertEquals(1_000_000, million.get("tasks").getAsInt());
        assertEquals(1_194, million.get("rssBytesPerTask").getAsLong());
        assertEquals(930, million.get("heapBytesPerTask").getAsLong());
        assertFalse(million.has("reason"), "a measured record has no reason");
        JsonObject held = records.get(2).getAsJsonObject();
        assertEquals("n/a", held.get("outcome").getAsString());
        assertEquals("held only 2 of 1,000 tasks at once", held.get("reason").getAsString());
        assertFalse(held.has("rssBytesPerTask"), "a record with a reason has no figures");
        JsonObject jvm = json.getAsJsonObject("environment").getAsJsonObject("childJvm");
        assertEquals(1024, jvm.get("threadStackSizeKb").getAsInt());
        assertEquals(2L << 30, jvm.get("maxHeapBytes").getAsLong());
        assertEquals("G1", jvm.get("gc").getAsString());
        assertEquals("-Xmx2g", json.getAsJsonObject("environment").getAsJsonArray("childJvmOptions").get(0).getAsString());
        assertEquals(results, FootprintResults.fromJson(Files.readString(folder.resolve("footprint.json"))));
    }

    @Test
    void theMarkdownHasATableForEachWayOfCountingAndEveryReason() throws IOException {
        FootprintFiles.writeAll(folder, results(RECORDS));

        String markdown = Files.readString(folder.resolve("footprint.md"), StandardCharsets.UTF_8);
        assertContains(markdown, "## Peak RSS per task (bytes)\n\n| model | N = 1,000 | N = 1,000,000 |\n| --- | ---: | ---: |\n"
                + "| virtual | -434 | 1,194 |\n| thread-pool | n/a | failed |");
        assertContains(markdown, "## Heap per task (bytes)\n\n| model | N = 1,000 | N = 1,000,000 |\n| --- | ---: | ---: |\n"
                + "| virtual | 944 | 930 |\n| thread-pool | n/a | failed |");
        assertContains(markdown, "- thread-pool at N = 1,000: n/a: held only 2 of 1,000 tasks at once");
        assertContains(markdown, "- thread-pool at N = 1,000,000: failed: the measuring JVM exited with code 1 and no report");
        assertContains(markdown, "-Xss (ThreadStackSize) 1,024 KB, -Xmx (MaxHeapSize) 2,048 MB, G1 collector");
        assertContains(markdown, "![bytes per task against N, both ways, for every model](footprint.png)");
    }

    @Test
    void theMarkdownSetsEachModelAgainstItsBareTwinWhereBothWereMeasuredAndSaysWhatTheModelKeeps() throws IOException {
        List<FootprintRecord> withTwin = new ArrayList<>(RECORDS);
        withTwin.add(measured("bare-virtual", 1_000, 500, 700));
        withTwin.add(measured("bare-virtual", 1_000_000, 1_100, 850));

        FootprintFiles.writeAll(folder, results(withTwin));

        String markdown = Files.readString(folder.resolve("footprint.md"), StandardCharsets.UTF_8);
        assertContains(markdown, "## Against the bare idiom");
        // a per-task figure at or below 0 says only that two JVMs differ: no ratio
        assertContains(markdown, "| virtual | 1,000 | 944 / 700 (1.35×) | -434 / 500 |");
        assertContains(markdown, "| virtual | 1,000,000 | 930 / 850 (1.09×) | 1,194 / 1,100 (1.09×) |");
        assertFalse(markdown.contains("| thread-pool | 1,000 |"), "a pool has no memory twin");
        assertContains(markdown, "- virtual against bare-virtual (Thread.startVirtualThread(task) per task, the threads in a"
                + " list): the model keeps in addition a slot in its group's results array");
        assertFalse(markdown.contains("| bare-virtual |"), "a twin is not a row of the models' tables");
    }

    @Test
    void withoutTwinsThereIsNoSectionForThem() throws IOException {
        FootprintFiles.writeAll(folder, results(RECORDS));

        assertFalse(Files.readString(folder.resolve("footprint.md"), StandardCharsets.UTF_8).contains("bare idiom"));
    }

    @Test
    void theChartIsAPngOfThePositiveFiguresAndNoTemporaryFileIsLeft() throws IOException {
        List<Path> written = FootprintFiles.writeAll(folder, results(RECORDS));

        assertEquals(List.of("footprint.json", "footprint.png", "footprint.md"),
                written.stream().map(file -> file.getFileName().toString()).toList());
        assertTrue(ImageIO.read(folder.resolve("footprint.png").toFile()).getWidth() > 0);
        // the -434 at N = 1,000 has no place on a log axis: three points in two series
        assertEquals(List.of("virtual, peak RSS", "virtual, heap"),
                List.copyOf(FootprintChart.chart(results(RECORDS)).orElseThrow().getSeriesMap().keySet()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void withNoFigureToDrawThereIsNoChartAndTheMarkdownDoesNotPointAtOne() throws IOException {
        List<FootprintRecord> gapsOnly = RECORDS.subList(2, 4);

        FootprintFiles.writeAll(folder, results(gapsOnly));

        assertFalse(Files.exists(folder.resolve("footprint.png")));
        assertFalse(Files.readString(folder.resolve("footprint.md")).contains("footprint.png"));
        assertContains(Files.readString(folder.resolve("footprint.md")), "| virtual | not run | not run |");
    }

    @Test
    void aFolderThatAlreadyHoldsResultsIsRefused() throws IOException {
        Files.writeString(folder.resolve("footprint.json"), "{}");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> FootprintFiles.checkFree(folder));

        assertContains(refused.getMessage(), "already holds results (footprint.json)");
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "expected to find\n" + expected + "\nin\n" + text);
    }
}
