package org.concurrencybench.benchmarks.newmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.ModelRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new model is one class and one ServiceLoader line: {@link OneAtATimeModel} is registered
 * here alone, by a services file on the class path of a bench JVM, and list, verify, compare
 * and the report show it in its own words with no other source file knowing it.
 */
class AddingAModelTest {

    @TempDir
    static Path work;

    private static ChildBench child;

    @BeforeAll
    static void registerTheModelInAFolderOfItsOwn() throws IOException {
        child = ChildBench.registering(work, OneAtATimeModel.Provider.class);
    }

    @Test
    void theTestJvmItselfDoesNotKnowTheModel() {
        assertTrue(!ModelRegistry.ids().contains(OneAtATimeModel.ID), "the model must be registered by this test alone");
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void listShowsItsIdAndSummary() throws Exception {
        ChildBench.Run list = child.run("list");

        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().lines().anyMatch(line -> line.contains(OneAtATimeModel.ID)
                && line.endsWith(OneAtATimeModel.SUMMARY)), list.output());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void verifyChecksItsAnswers() throws Exception {
        ChildBench.Run verify = child.run("verify", "--models", OneAtATimeModel.ID, "--workloads", "cpu,spawn,tree,handoff,contention",
                "--cores", "1");

        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("5 ok"), verify.output());
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void compareMeasuresItAndTheReportDescribesItInItsOwnWords() throws Exception {
        Path out = work.resolve("compare");
        ChildBench.Run compare = child.run("compare", "--models", OneAtATimeModel.ID, "--workloads", "cpu", "--cores", "1",
                "-p", "limit=2000", "-p", "units=2", "--out", out.toString(), "--jmh", "-wi 0 -i 1 -r 20ms");

        assertEquals(0, compare.exitCode(), compare.output());
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("| " + OneAtATimeModel.ID + " |"), report);
        assertTrue(report.contains("- " + OneAtATimeModel.ID + ": " + OneAtATimeModel.ON_BATCH), report);

        ChildBench.Run again = child.run("report", out.resolve("jmh.json").toString(), "--out", work.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(Files.readString(work.resolve("again/report.md"), StandardCharsets.UTF_8)
                .contains("- " + OneAtATimeModel.ID + ": " + OneAtATimeModel.ON_BATCH));
    }
}
