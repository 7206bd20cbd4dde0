package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void listShowsEveryRegisteredModelEveryWorkloadWithItsDefaultsAndTheProcessors() {
        CommandLineRun run = CommandLineRun.of("list");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        List<String> lines = run.outLines();
        for (ModelProvider model : ModelRegistry.providers()) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(model.id() + " ")
                            && line.contains(" " + model.module() + " ") && line.endsWith(model.summary())),
                    "a row with the id, module and summary of " + model.id() + " in:\n" + run.out());
        }
        for (WorkloadSpec workload : Workloads.all()) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(workload.id() + " ")
                            && line.contains(" " + workload.kind() + " ") && line.contains(workload.unitDoes())
                            && line.endsWith(ListCommand.defaults(workload))),
                    "a row with the id, kind, unit and defaults of " + workload.id() + " in:\n" + run.out());
        }
        assertTrue(lines.contains("Available processors: " + Runtime.getRuntime().availableProcessors()), run.out());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("JDK: " + Runtime.version())), run.out());
    }

    @Test
    void aParameterWithChoicesShowsItsDefaultAndTheOtherChoices() {
        CommandLineRun run = CommandLineRun.of("list");

        String contention = run.outLines().stream().filter(line -> line.startsWith("contention ")).findFirst().orElseThrow();
        assertTrue(contention.endsWith("workers=4, updates=100000, lock=synchronized (or reentrant, atomic), holdMs=0,"
                + " locks=1"), contention);
    }

    @Test
    void anUnknownOptionIsAOneLineUsageError() {
        CommandLineRun.of("list", "--bogus").assertOneLineUsageError("--bogus");
    }
}
