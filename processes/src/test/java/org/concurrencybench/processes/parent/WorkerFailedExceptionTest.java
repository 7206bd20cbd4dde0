package org.concurrencybench.processes.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker's failure as it leaves the process that saw it: JMH serialises what a benchmark
 * threw in its fork to send it to the host, so the failure of a worker that really died must
 * come back from ObjectOutputStream and ObjectInputStream whole, facts and message.
 */
class WorkerFailedExceptionTest {

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aDeadWorkersFailureSurvivesSerialisationWithItsPidExitCodeAndStderrTail() throws Exception {
        WorkerFailedException died = assertThrows(WorkerFailedException.class, () -> WorkerPool.start("test", "worker", 1,
                WorkerCommand.of(ExitingWorkerMain.class), WorkerTimeouts.fixed(Duration.ofMinutes(1)), line -> { }));
        // as a model throws it: the run's failure, with the worker's as its cause
        RunFailedException run = RunFailures.failed("test", Workloads.create("spawn"), died);

        RunFailedException copy = roundTrip(run);

        WorkerFailedException cause = assertInstanceOf(WorkerFailedException.class, copy.getCause());
        assertEquals(died.pid(), cause.pid());
        assertEquals(OptionalInt.of(ExitingWorkerMain.EXIT_CODE), cause.exitCode());
        assertEquals(ExitingWorkerMain.FIRST_LINE + "\n" + ExitingWorkerMain.LAST_LINE, cause.stderrTail());
        List<String> facts = List.of("worker pid " + died.pid() + " (test-worker-1)",
                "exited with code " + ExitingWorkerMain.EXIT_CODE + " before it was ready",
                "the end of its stderr:\n    " + ExitingWorkerMain.FIRST_LINE + "\n    " + ExitingWorkerMain.LAST_LINE);
        for (String fact : facts) {
            assertTrue(cause.getMessage().contains(fact), "'" + fact + "' missing from: " + cause.getMessage());
            assertTrue(copy.getMessage().contains(fact), "'" + fact + "' missing from: " + copy.getMessage());
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aFailureSeenAfterTheWorkerExitedNamesItsExitCodeInTheMessage() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        try (ShutdownGuard guard = new ShutdownGuard("test")) {
            WorkerProcess worker = WorkerProcess.start(WorkerCommand.of(ExitingWorkerMain.class).command(), "test-worker-1",
                    event -> {
                        if (event instanceof WorkerEvent.Ended) {
                            ended.countDown();
                        }
                    }, line -> { }, guard);
            try {
                assertTrue(ended.await(1, TimeUnit.MINUTES), "the worker should exit");

                WorkerFailedException failure = roundTrip(worker.failure("broke the protocol: a test says so"));

                assertEquals("worker pid " + worker.pid() + " (test-worker-1) broke the protocol: a test says so; it exited with code "
                        + ExitingWorkerMain.EXIT_CODE + "; the end of its stderr:\n    " + ExitingWorkerMain.FIRST_LINE + "\n    "
                        + ExitingWorkerMain.LAST_LINE, failure.getMessage());
                assertEquals(OptionalInt.of(ExitingWorkerMain.EXIT_CODE), failure.exitCode());
            } finally {
                worker.kill();
            }
        }
    }

    @Test
    void aFailureOfAWorkerThatHadNotExitedHasNoExitCodeAfterTheTripEither() throws Exception {
        WorkerFailedException running = new WorkerFailedException("worker pid 7 (test-worker-1) sent no reply", 7,
                OptionalInt.empty(), "");

        WorkerFailedException copy = roundTrip(running);

        assertEquals(OptionalInt.empty(), copy.exitCode());
        assertEquals(7, copy.pid());
        assertEquals(running.getMessage(), copy.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T roundTrip(T thrown) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(thrown);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
