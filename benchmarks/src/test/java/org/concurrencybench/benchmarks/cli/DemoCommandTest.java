package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.python.Python;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WhoRuns;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoCommandTest {

    private static final long MAIN_PID = ProcessHandle.current().pid();

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void anInJvmModelPrintsTheNotebooksLinesInTheirOrder() {
        Optional<ModelProvider> found = ModelRegistry.providers().stream()
                .filter(provider -> !VerifyCommandTest.startsProcesses(provider)).findFirst();
        Assumptions.assumeTrue(found.isPresent(), "no in-JVM model on the class path yet");
        ModelProvider model = found.get();

        CommandLineRun run = CommandLineRun.of("demo", "--models", model.id(), "--scale", "0.01");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        // on a machine with other than two processors, the virtual model adds a note on its carriers
        List<String> lines = run.outLines().stream().filter(line -> !line.startsWith("note: ")).toList();
        assertEquals("== " + model.id() + ", P = 2: " + model.summary(), lines.get(0));
        assertEquals("ID of process running main program: " + MAIN_PID, lines.get(1));
        assertEquals("Main thread name: " + WhoRuns.describe(Thread.currentThread()), lines.get(2));
        int joined = lines.indexOf("All tasks joined");
        for (int task = 1; task <= 2; task++) {
            int assigned = indexOfPrefix(lines, "Task " + task + " assigned to thread: ");
            int process = lines.indexOf("ID of process running task " + task + ": " + MAIN_PID);
            assertTrue(2 < assigned && assigned < process && process < joined, run.out());
        }
        for (String worker : List.of("Worker-1", "Worker-2")) {
            List<Integer> ticks = indexesOfPrefix(lines, worker + ": ");
            assertEquals(5, ticks.size(), worker + " ticks five times:\n" + run.out());
            assertTrue(joined < lines.indexOf("Starting " + worker), run.out());
            assertTrue(lines.indexOf("Starting " + worker) < ticks.get(0), run.out());
            assertTrue(ticks.get(4) < lines.indexOf("Exiting " + worker), run.out());
            assertTrue(lines.get(ticks.get(0)).endsWith("(pid " + MAIN_PID + ")"), run.out());
        }
        assertEquals("Exiting Main Thread", lines.get(lines.size() - 1));
        assertEquals(3 + 4 + 1 + 1 + 2 * 7 + 1, lines.size(), "no other lines:\n" + run.out());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void processModelsShowTheirWorkersOwnPids() {
        List<String> models = ModelRegistry.providers().stream().filter(VerifyCommandTest::startsProcesses)
                .map(ModelProvider::id).toList();
        Assumptions.assumeFalse(models.isEmpty(), "no process model on the class path yet");

        CommandLineRun run = CommandLineRun.of("demo", "--models", String.join(",", models), "--scale", "0.01");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        List<String> taskPids = run.outLines().stream().filter(line -> line.startsWith("ID of process running task "))
                .map(line -> line.substring(line.indexOf(": ") + 2)).toList();
        assertEquals(2 * models.size(), taskPids.size(), run.out());
        for (String pid : taskPids) {
            assertNotEquals(String.valueOf(MAIN_PID), pid, "a task ran in the main process:\n" + run.out());
        }
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void theScaleMultipliesTheNotebooksOneSecondTick() {
        assertEquals(10, DemoCommand.tickDelayMs("0.01"));
        assertEquals(1_000, DemoCommand.tickDelayMs("1"));
        assertEquals(10_000, DemoCommand.tickDelayMs("10"));
    }

    @Test
    void aScaleThatIsNotMoreThanZeroAndAtMostTenIsRefused() {
        for (String scale : List.of("0", "-1", "10.5", "abc", "NaN", "Infinity")) {
            CommandLineRun.of("demo", "--scale", scale).assertOneLineUsageError(
                    "--scale takes a number more than 0 and at most 10", "got '" + scale + "'");
        }
    }

    @Test
    void anUnknownModelNamesTheKnownOnes() {
        List<String> mentions = new ArrayList<>(List.of("unknown model 'nope'", "known models:"));
        mentions.addAll(ModelRegistry.ids());
        CommandLineRun.of("demo", "--models", "nope").assertOneLineUsageError(mentions.toArray(String[]::new));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void pythonModelsPrintTheSameFactsInTheSameFormFromInterpretersOfTheirOwn() {
        Python python = Python.find();
        Assumptions.assumeTrue(python.unavailable().isEmpty(), () -> "the Python models cannot run: " + python.describe());

        CommandLineRun run = CommandLineRun.of("demo", "--models", "python-threads,python-process-per-task", "--scale",
                "0.01");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        List<String> lines = run.outLines();
        int second = lines.indexOf("== python-process-per-task, P = 2: "
                + PythonModels.description("python-process-per-task").orElseThrow().summary());
        assertTrue(second > 0, run.out());
        for (List<String> demo : List.of(lines.subList(0, second - 1), lines.subList(second, lines.size()))) {
            String mainPid = demo.get(1).substring("ID of process running main program: ".length());
            assertNotEquals(String.valueOf(MAIN_PID), mainPid, "the demo runs in an interpreter of its own");
            assertEquals("Main thread name: MainThread", demo.get(2));
            List<String> taskPids = demo.stream().filter(line -> line.startsWith("ID of process running task "))
                    .map(line -> line.substring(line.indexOf(": ") + 2)).toList();
            assertEquals(2, taskPids.size(), run.out());
            boolean inProcesses = demo.getFirst().startsWith("== python-process-per-task");
            taskPids.forEach(pid -> assertEquals(inProcesses, !pid.equals(mainPid), run.out()));
            assertTrue(demo.contains("All tasks joined"), run.out());
            for (String worker : List.of("Worker-1", "Worker-2")) {
                List<Integer> ticks = indexesOfPrefix(demo, worker + ": ");
                assertEquals(5, ticks.size(), worker + " ticks five times:\n" + run.out());
                assertTrue(demo.indexOf("Starting " + worker) < ticks.getFirst(), run.out());
                assertTrue(ticks.getLast() < demo.indexOf("Exiting " + worker), run.out());
            }
            assertEquals("Exiting Main Thread", demo.getLast());
        }
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void withoutAnInterpreterEachPythonModelSaysNotApplicableWithTheReason() {
        String before = System.getProperty(Python.PROPERTY);
        System.setProperty(Python.PROPERTY, "/nonexistent/python3");
        try {
            CommandLineRun run = CommandLineRun.of("demo", "--models", "python-asyncio", "--python", "--scale", "0.01");

            assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
            assertEquals(List.of("== python-asyncio, P = 2: " + PythonModels.description("python-asyncio").orElseThrow()
                            .summary(), "n/a: /nonexistent/python3 is not an executable interpreter"), run.outLines());
        } finally {
            if (before == null) {
                System.clearProperty(Python.PROPERTY);
            } else {
                System.setProperty(Python.PROPERTY, before);
            }
        }
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        List<Integer> found = indexesOfPrefix(lines, prefix);
        return found.isEmpty() ? -1 : found.get(0);
    }

    private static List<Integer> indexesOfPrefix(List<String> lines, String prefix) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                found.add(i);
            }
        }
        return found;
    }
}
