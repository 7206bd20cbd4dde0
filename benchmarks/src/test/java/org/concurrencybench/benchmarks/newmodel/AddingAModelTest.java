package org.concurrencybench.benchmarks.newmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.cli.Bench;
import org.concurrencybench.core.ModelProvider;
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

    private static Path registration;

    @BeforeAll
    static void registerTheModelInAFolderOfItsOwn() throws IOException {
        registration = work.resolve("registration");
        Path services = registration.resolve("META-INF/services/" + ModelProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, OneAtATimeModel.Provider.class.getName() + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void theTestJvmItselfDoesNotKnowTheModel() {
        assertTrue(!ModelRegistry.ids().contains(OneAtATimeModel.ID), "the model must be registered by this test alone");
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void listShowsItsIdAndSummary() throws Exception {
        Run list = bench("list");

        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().lines().anyMatch(line -> line.contains(OneAtATimeModel.ID)
                && line.endsWith(OneAtATimeModel.SUMMARY)), list.output());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void verifyChecksItsAnswers() throws Exception {
        Run verify = bench("verify", "--models", OneAtATimeModel.ID, "--workloads", "cpu,spawn,tree,handoff,contention",
                "--cores", "1");

        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("5 ok"), verify.output());
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void compareMeasuresItAndTheReportDescribesItInItsOwnWords() throws Exception {
        Path out = work.resolve("compare");
        Run compare = bench("compare", "--models", OneAtATimeModel.ID, "--workloads", "cpu", "--cores", "1",
                "-p", "limit=2000", "-p", "units=2", "--out", out.toString(), "--jmh", "-wi 0 -i 1 -r 20ms");

        assertEquals(0, compare.exitCode(), compare.output());
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("| " + OneAtATimeModel.ID + " |"), report);
        assertTrue(report.contains("- " + OneAtATimeModel.ID + ": " + OneAtATimeModel.ON_BATCH), report);

        Run again = bench("report", out.resolve("jmh.json").toString(), "--out", work.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(Files.readString(work.resolve("again/report.md"), StandardCharsets.UTF_8)
                .contains("- " + OneAtATimeModel.ID + ": " + OneAtATimeModel.ON_BATCH));
    }

    private record Run(int exitCode, String output) {
    }

    /** {@code bench args} in a JVM of its own whose class path has the registration folder too. */
    private static Run bench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + registration, Bench.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "bench", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("bench " + String.join(" ", args) + " did not end in 3 minutes");
            }
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
