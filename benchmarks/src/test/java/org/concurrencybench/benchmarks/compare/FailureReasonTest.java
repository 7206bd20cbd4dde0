package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.WrongAnswerException;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

class FailureReasonTest {

    @Test
    void theForksOwnExceptionIsTheReasonWhereJmhWrappedIt() {
        WrongAnswerException wrong = new WrongAnswerException("virtual", Workloads.create("spawn"), 1, 49_995_000);
        BenchmarkException jmh = new BenchmarkException("Benchmark error during the run", List.of(wrong));

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

    @Test
    void aWorkersDeathIsOneLineWithItsPidExitCodeAndTheEndOfItsStderrWithoutStackFrames() {
        // as a process model words it: the end of the worker's stderr indented below the first line
        RunFailedException died = new RunFailedException("process-pool", "cpu(limit=2000, units=2)", """
                worker pid 4242 (process-pool-worker-1) exited with code 1; the end of its stderr:
                    Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
                    \tat org.example.Kernel.run(Kernel.java:12)
                    \t... 3 more""", null);
        BenchmarkException jmh = new BenchmarkException("Benchmark error during the run", List.of(died));

        String reason = FailureReason.of(new RunnerException("Benchmark caught the exception", jmh), "");

        assertEquals("model process-pool, workload cpu(limit=2000, units=2): worker pid 4242 (process-pool-worker-1) exited"
                + " with code 1; the end of its stderr: Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
                reason);
    }

    @Test
    void aLongMessageKeepsItsFirstLineAndTheLastOfTheOthers() {
        StringBuilder message = new StringBuilder("worker pid 7 (w-1) exited with code 3; the end of its stderr:");
        for (int line = 1; line <= 8; line++) {
            message.append("\n    line ").append(line);
        }

        assertEquals("worker pid 7 (w-1) exited with code 3; the end of its stderr: ... | line 4 | line 5 | line 6 | line 7"
                + " | line 8", FailureReason.oneLine(new IllegalStateException(message.toString())));
        assertEquals("first | second", FailureReason.oneLine(new IllegalStateException("first\n\n  second  \n")));
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsClass() {
        assertEquals("java.lang.NullPointerException", FailureReason.oneLine(new NullPointerException()));
    }
}
