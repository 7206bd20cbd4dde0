package org.concurrencybench.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JVM asked to hold itself to one CPU ends with every thread on it, those it had and those it
 * starts afterwards; one not asked is left alone. Checked in a JVM of its own, since pinning is
 * for the whole process.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ForkPinningTest {

    @Test
    void cpuListsAreReadAndWrittenAsLinuxWritesThem() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), ForkPinning.parseCpuList("0-3,8,10-11\n"));
        assertEquals("0-3,8,10-11", ForkPinning.ranges(List.of(0, 1, 2, 3, 8, 10, 11)));
        assertEquals("5", ForkPinning.ranges(List.of(5)));
    }

    @Test
    void aJvmAskedToPinItselfHasEveryThreadOnItsCpusAndSoDoTheThreadsItStartsAfter() throws Exception {
        Path taskset = ProgramsOnPath.find("taskset").orElse(null);
        Assumptions.assumeTrue(taskset != null, "no taskset here");
        Map<String, List<Integer>> before = ForkPinning.threadCpus();
        Assumptions.assumeTrue(before.values().iterator().next().size() > 1, "this process has one CPU only");
        String first = String.valueOf(before.values().iterator().next().getFirst());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ForkPinning.properties(taskset, first));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), output);

        assertEquals(0, child.exitValue(), output);
        assertEquals("threads on other CPUs: none", output.strip());
    }

    /** Pins itself, starts a thread, and says which of its threads are not on its CPUs. */
    public static final class Child {
        public static void main(String[] args) throws IOException, InterruptedException {
            ForkPinning.applyIfAsked();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread later = Thread.ofPlatform().start(() -> {
                started.countDown();
                try {
                    done.await();
                } catch (InterruptedException ignored) {
                    // ends
                }
            });
            started.await();
            Map<String, List<Integer>> elsewhere =
                    ForkPinning.threadsNotOn(ForkPinning.parseCpuList(System.getProperty(ForkPinning.CPUS)));
            System.out.println("threads on other CPUs: " + (elsewhere.isEmpty() ? "none" : elsewhere));
            done.countDown();
            later.join();
        }
    }
}
