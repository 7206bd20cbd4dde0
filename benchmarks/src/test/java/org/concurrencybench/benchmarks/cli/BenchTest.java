package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.concurrencybench.benchmarks.common.ExitCode;
import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void aMistypedOptionSuggestsTheRightOneAndListsTheOptions() {
        CommandLineRun run = CommandLineRun.of("verify", "--modles", "virtual");

        run.assertOneLineUsageError("--modles", "did you mean --models?", "options:", "--workloads", "--cores");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        CommandLineRun run = CommandLineRun.of("benchmark");

        run.assertOneLineUsageError("benchmark", "commands: list, verify, demo, compare, report");
    }

    @Test
    void theHelpSaysWhatBenchAloneRunsAndAboutHowLongItTakes() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("./bench alone runs compare --quick"), run.out());
        assertTrue(help.contains("then the four common servers under load"), run.out());
        assertTrue(help.contains("CPython's own models on cpu, blocking and spawn"), run.out());
    }

    @Test
    void versionNamesTheSuiteAndTheJdk() {
        CommandLineRun run = CommandLineRun.of("--version");

        assertEquals(ExitCode.OK.code(), run.exitCode());
        assertTrue(run.out().startsWith("bench ") && run.out().contains("on Java " + Runtime.version().feature()),
                run.out());
    }
}
