package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report rebuilt from checked-in results: a tiny real run of threads and thread-pool on
 * cpu and tree, trimmed, with round numbers put in so that every figure below can be checked
 * by hand. run-a is JDK 25 (with an n/a pair and two missing error estimates), run-b the
 * same cells on JDK 21.
 */
class ReportCommandTest {

    @TempDir
    Path out;

    @Test
    void oneRunBecomesATablePerWorkloadWithTheBestOfEachColumnInBold() throws Exception {
        String report = reportOf(fixture("run-a/jmh.json"));

        assertContains(report, "## cpu (limit=100000, units=16)");
        assertContains(report, "| model (quick run) | P = 1 | P = 2 |");
        assertContains(report, "| thread-pool | **100.0 ± 2.0** | **50.00 ± 1.00** |");
        assertContains(report, "| threads | 120.0 (no error estimate) | 80.00 ± 4.00 |");
        assertContains(report, "## tree (width=10, depth=4)");
    }

    @Test
    void speedUpAndEfficiencyAreAgainstTheSameModelAtOneCore() throws Exception {
        String report = reportOf(fixture("run-a/jmh.json"));

        assertContains(report, "| thread-pool | **2.00× (100%)** |");
        assertContains(report, "| threads | 1.50× (75%) |");
        assertContains(report, "Best speed-up from P = 1 to P = 2: thread-pool, 2.00× (100% parallel efficiency).");
    }

    @Test
    void everyModelAtOneCoreIsComparedWithTheSequentialBaseline() throws Exception {
        String report = reportOf(fixture("run-a/jmh.json"));

        assertContains(report, "| sequential (baseline) | 98.00 (no error estimate) |  |");
        assertContains(report, "At P = 1 against sequential, the same work on one thread with no model (98.00 ms/op):"
                + " threads +22.4%, thread-pool +2.0%");
    }

    @Test
    void aPairTheModelCannotRunShowsNotApplicableWithTheModelsReason() throws Exception {
        String report = reportOf(fixture("run-a/jmh.json"));

        assertContains(report, "| threads | n/a | n/a |");
        assertContains(report, "- threads at P = 1, 2: n/a: width=10 and depth=4 make 11,111 nodes");
    }

    @Test
    void severalFilesMergeIntoOneReportEachRunLabelledByItsEnvironment() throws Exception {
        String report = reportOf(fixture("run-a/jmh.json"), fixture("run-b/jmh.json"));

        assertContains(report, "| model | run | P = 1 | P = 2 |");
        assertContains(report, "| thread-pool | JDK 25.0.3, bench-host (quick) | **100.0 ± 2.0** | **50.00 ± 1.00** |");
        assertContains(report, "| thread-pool | JDK 21.0.7, bench-host | **110.0 ± 2.0** | **52.00 ± 2.00** |");
        assertContains(report, "- JDK 21.0.7, bench-host: JDK 21.0.7 (Eclipse Adoptium) on bench-host, AMD EPYC 7B13");
    }

    @Test
    void aFileWithoutEnvironmentIsLabelledByItsPath() throws Exception {
        Path bare = fixture("no-environment/jmh.json");

        String report = reportOf(fixture("run-a/jmh.json"), bare);

        assertContains(report, "| thread-pool | " + bare + " | **40.00 ± 2.00** | **25.00 ± 5.00** |");
        assertContains(report, "no environment.json beside " + bare);
    }

    @Test
    void aBaselineRunGivesEveryCellItsRatioAndNamesOnlyChangesOutsideBothErrorBars() throws Exception {
        String report = reportOf(fixture("run-a/jmh.json"), "--baseline", fixture("run-b/jmh.json").toString());

        // 100 ± 2 against 110 ± 2: the intervals do not meet
        assertContains(report, "100.0 ± 2.0 (0.91×, faster)");
        // 50 ± 1 against 52 ± 2: [49, 51] and [50, 54] overlap
        assertContains(report, "50.00 ± 1.00 (0.96×, within error)");
        // 120 with no error estimate against 118 ± 3
        assertContains(report, "120.0 (no error estimate) (1.02×, no error estimate)");
        assertContains(report, "- baseline, JDK 21.0.7, bench-host:");
    }

    /**
     * agree-run against agree-baseline: seven cells in both (a P and a size that only the run has,
     * and a P that only the baseline has, are left out). Their differences are 0, 4, 8, 20, 3, 8
     * and 25%; six baselines have an interval, and the run's score is inside three of them (100 in
     * 100 ± 2, 108 in 100 ± 10, 97 in 100 ± 5); five cells have both intervals, and two of them do
     * not overlap: 60 ± 1 against 50 ± 2, and 30 ± 0.5 against 40 ± 1. 52 ± 1 against 50 ± 1
     * touch at 51, which is no change beyond the error bars.
     */
    @Test
    void aBaselineRunSaysHowWellTheRunsAgreeAndListsTheCellsThatChangedBeyondBothErrorBars() throws Exception {
        Path run = fixture("agree-run/jmh.json");
        BenchRun bench = BenchRun.of("report", run.toString(), "--baseline", fixture("agree-baseline/jmh.json").toString(),
                "--out", out.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);

        assertContains(report, "## Agreement with the baseline\n");
        assertContains(report, "| measure | run |");
        assertContains(report, "| cells in both runs | 7 |");
        assertContains(report, "| within 5% of the baseline | 43% (3 of 7) |");
        assertContains(report, "| within 10% of the baseline | 71% (5 of 7) |");
        assertContains(report, "| median difference | 8.0% |");
        assertContains(report, "| inside the baseline's error interval | 50% (3 of 6 with an interval) |");
        assertContains(report, "| changed beyond both error bars | 40% (2 of 5 with both intervals) |");
        String changed = "| workload | model | P | run | baseline | ratio |\n| --- | --- | --- | ---: | ---: | ---: |\n"
                + "| cpu (limit=100000, units=16) | virtual | 2 | 60.00 ± 1.00 ms/op | 50.00 ± 2.00 ms/op | 1.20×, slower |\n"
                + "| tree (width=10, depth=4) | thread-pool | 1 | 30.00 ± 0.50 ms/op | 40.00 ± 1.00 ms/op | 0.75×, faster |\n\n";
        assertContains(report, changed);
        assertTrue(report.indexOf("## Agreement with the baseline") > report.lastIndexOf("## tree"), "the last section");
        assertContains(html, "<td>inside the baseline's error interval</td>");
        List<String> console = bench.out().lines().map(line -> line.strip().replaceAll(" {2,}", " | ")).toList();
        int section = console.indexOf("Agreement with the baseline");
        assertTrue(section > 0, bench.out());
        assertEquals(List.of("measure | run", "cells in both runs | 7", "within 5% of the baseline | 43% (3 of 7)",
                "within 10% of the baseline | 71% (5 of 7)", "median difference | 8.0%",
                "inside the baseline's error interval | 50% (3 of 6 with an interval)",
                "changed beyond both error bars | 40% (2 of 5 with both intervals)",
                "Agreement with the baseline: the cells changed beyond both error bars",
                "workload | model | P | run | baseline | ratio",
                "cpu (limit=100000, units=16) | virtual | 2 | 60.00 ± 1.00 ms/op | 50.00 ± 2.00 ms/op | 1.20×, slower",
                "tree (width=10, depth=4) | thread-pool | 1 | 30.00 ± 0.50 ms/op | 40.00 ± 1.00 ms/op | 0.75×, faster"),
                console.subList(section + 1, section + 12), "the console ends on the agreement");
    }

    @Test
    void chartsAreWrittenAsPngsBesideTheReportAndTheHtmlHoldsTheSameTables() throws Exception {
        BenchRun run = BenchRun.of("report", fixture("run-a/jmh.json").toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G'};
        for (String chart : new String[] {"cpu.png", "tree.png"}) {
            byte[] bytes = Files.readAllBytes(out.resolve(chart));
            assertArrayEquals(pngSignature, Arrays.copyOf(bytes, 4), chart + " is not a PNG");
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertContains(html, "<td class=\"number\"><strong>100.0 ± 2.0</strong></td>");
        assertContains(html, "<img src=\"cpu.png\"");
        assertContains(run.out(), "Report: " + out.resolve("report.md"));
    }

    @Test
    void aMalformedFileIsOneLineThatNamesItAndExitCodeOne() throws Exception {
        assertRefused(fixture("malformed.json"), "is not valid JSON");
    }

    @Test
    void anEmptyFileIsOneLineThatNamesItAndExitCodeOne() throws Exception {
        assertRefused(fixture("empty.json"), "is empty; expected JMH's JSON results");
    }

    @Test
    void jsonThatIsNotAnArrayOfResultsIsRefused() throws Exception {
        assertRefused(fixture("not-an-array.json"), "expected a JSON array of JMH results, found an object");
    }

    @Test
    void aMissingFileIsRefused() {
        assertRefused(out.resolve("missing.json"), "cannot be read");
    }

    @Test
    void anOutThatIsAFileIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path file = Files.writeString(out.resolve("results.txt"), "notes");

        CommandLineRun run = CommandLineRun.of("report", fixture("run-a/jmh.json").toString(), "--out", file.toString());

        run.assertOneLineUsageError("--out " + file + " is a file, not a folder");
        assertEquals("notes", Files.readString(file));
        assertFalse(Files.exists(out.resolve("report.md")));
    }

    @Test
    void anOutWhereNoFolderCanBeMadeIsAUsageErrorWithTheReason() throws Exception {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc) && !Files.exists(proc.resolve("x")), "no /proc to refuse a folder");

        CommandLineRun.of("report", fixture("run-a/jmh.json").toString(), "--out", "/proc/x")
                .assertOneLineUsageError("--out /proc/x: cannot create the folder (");
    }

    @Test
    void eachModelWithABareTwinIsSetAgainstItWithTheTwinsFiguresAndWhatTheSuiteAdds() throws Exception {
        String report = reportOf(fixture("twins/jmh.json"));

        String spawn = section(report, "## spawn: the suite against the bare twin");
        assertContains(spawn, "| model | P = 1 | P = 2 |");
        assertContains(spawn, "| threads | +20.0% (600.0 / 500.0) | +1.6%, within error (620.0 / 610.0) |");
        assertContains(spawn, "| virtual | +25.0% (5.000 / 4.000) | twin not run |");
        assertFalse(spawn.contains("process-pool"), "a model without a twin has no row: " + spawn);
        assertContains(spawn, "- threads: the twin runs new Thread(task).start() per unit, node and ring worker");
        assertContains(spawn, "the model's run holds in addition a thread factory that names every thread");
        assertContains(spawn, "- virtual: the twin runs Thread.startVirtualThread(task)");
        assertContains(section(report, "## tree: the suite against the bare twin"), "| fork-join | +25.0% (2.000 / 1.600) |");
        assertContains(report, "| process-pool | 0.0880 ± 0.0040 | 0.2700 ± 0.0100 |");
        assertFalse(report.contains("| bare-"), "a twin has no row among the models: " + report);
        assertFalse(report.contains("bare-virtual at P = 2"), "a twin's gap is not a model's: " + report);
    }

    /** The part of the report from {@code heading} to the next heading. */
    private static String section(String report, String heading) {
        int start = report.indexOf(heading + "\n");
        assertTrue(start >= 0, "no " + heading + " in:\n" + report);
        int end = report.indexOf("\n#", start + heading.length());
        return report.substring(start, end < 0 ? report.length() : end);
    }

    private void assertRefused(Path file, String problem) {
        BenchRun run = BenchRun.of("report", file.toString(), "--out", out.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertContains(run.err(), file.toString());
        assertContains(run.err(), problem);
        assertFalse(Files.exists(out.resolve("report.md")), "no report from a bad file");
    }

    private String reportOf(Object... arguments) throws IOException {
        String[] args = new String[arguments.length + 3];
        args[0] = "report";
        for (int index = 0; index < arguments.length; index++) {
            args[index + 1] = arguments[index].toString();
        }
        args[arguments.length + 1] = "--out";
        args[arguments.length + 2] = out.toString();
        BenchRun run = BenchRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ReportCommandTest.class.getResource("/org/concurrencybench/benchmarks/report/" + name).toURI());
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "expected to find:\n" + expected + "\nin:\n" + text);
    }
}
