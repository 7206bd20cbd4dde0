package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.WrongAnswerException;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

class FailureReasonTest {

    @Test
    void theForksOwnExceptionIsTheReasonWhereJmhWrappedIt() {
        WrongAnswerException wrong = new WrongAnswerException("virtual", Workloads.create("spawn"), 1, 49_995_000);
        BenchmarkException jmh = new BenchmarkException("Benchmark error during the run", java.util.List.of(wrong));

        String reason = FailureReason.of(new RunnerException("Benchmark caught the exception", jmh), "");

        assertEquals(wrong.getMessage(), reason);
    }

    @Test
    void aForkThatDiedWithoutThrowingIsExplainedByTheFirstLineOfItsStandardError() {
        String output = """
                <forked VM failed with exit code 1>
                <stdout last='20 lines'>
                </stdout>
                <stderr last='20 lines'>
                Unrecognized VM option 'NoSuchFlag'
                Error: Could not create the Java Virtual Machine.
                </stderr>
                """;
        IllegalStateException died = new IllegalStateException("Forked VM failed with exit code 1");
        // thrown by JMH's runner itself, as in a real run
        died.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.openjdk.jmh.runner.Runner", "runSeparate",
                "Runner.java", 1)});
        RunnerException failed = new RunnerException("Benchmark caught the exception", new BenchmarkException(died));

        assertEquals("Forked VM failed with exit code 1: Unrecognized VM option 'NoSuchFlag'", FailureReason.of(failed, output));
    }
}
