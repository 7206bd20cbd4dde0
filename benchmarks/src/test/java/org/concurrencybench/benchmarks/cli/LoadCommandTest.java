package org.concurrencybench.benchmarks.cli;

import static org.concurrencybench.benchmarks.cli.ServeCommandTest.assertOneLineUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.core.DescriptorBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bench load}'s usage errors: one line, exit code 2, nothing started and no folder written. */
class LoadCommandTest {

    @TempDir
    Path temporary;

    @AfterEach
    void nothingWasStarted() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList(),
                "processes left behind");
        assertFalse(Files.exists(temporary.resolve("run")), "nothing should be written for a usage error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "--rates; 0; each rate must be above 0",
            "--rates; -500; each rate must be above 0",
            "--rates; 500,fast; got 'fast'",
            "--rates; ,; is an empty list",
            "--duration; 0s; --duration must be above 0",
            "--duration; soon; --duration must be a duration",
            "--warmup; -1s; --warmup must be above 0",
            "--connections; 0; --connections must be from 1 to 65,535, got 0",
            "--connections; -4; --connections must be from 1 to 65,535, got -4",
            "--slo; p99; --slo takes PERCENTILE=LATENCY",
            "--slo; p98=100ms; unknown percentile 'p98'",
            "--slo; p99=0ms; the latency must be above 0",
            "--slo; p99=fast; must be a duration",
            "--models; virtual,green-threads; unknown model 'green-threads'",
            "-p; delayMs=-1; serve.delayMs must be",
            "--cores; 0; --cores takes whole numbers from 1"})
    void aBadValueIsNamedWithWhatIsAllowed(String option, String value, String mention) {
        BenchRun run = BenchRun.of(arguments(option, value));

        assertOneLineUsageError(run, mention);
    }

    @Test
    void moreConnectionsThanTheDescriptorLimitAllowsAreRefused() {
        long allowed = DescriptorBudget.ofThisProcess().maxOpenRequests();
        Assumptions.assumeTrue(allowed < 65_535, "this process may open every connection the generator allows");

        BenchRun run = BenchRun.of(arguments("--connections", Long.toString(allowed + 1)));

        assertOneLineUsageError(run, "--connections must be at most", "ulimit -n");
    }

    /** A small valid command line with {@code option} set to {@code value}. */
    private String[] arguments(String option, String value) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--models", "virtual");
        options.put("--cores", "1");
        options.put("--rates", "50");
        options.put("--duration", "1s");
        options.put("--out", temporary.resolve("run").toString());
        options.put(option, value);
        List<String> arguments = new ArrayList<>(List.of("load"));
        options.forEach((name, given) -> {
            arguments.add(name);
            arguments.add(given);
        });
        return arguments.toArray(String[]::new);
    }
}
