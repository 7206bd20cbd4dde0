package org.concurrencybench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkException;

/** What a benchmark throws in a fork, made fit for JMH to send to the host with Java serialisation. */
class StandInExceptionTest {

    /** A model's own failure that holds a field Java cannot serialise. */
    static final class HoldsAThread extends RuntimeException {

        @SuppressWarnings({"serial", "unused"})
        private final Thread holder = Thread.currentThread();

        HoldsAThread(String message) {
            super(message);
        }
    }

    @Test
    void anExceptionThatSerialisesIsSentAsItIs() {
        RunFailedException failed = new RunFailedException("m", "spawn(units=10)", "worker 2 exited with 137",
                new IllegalStateException("worker 2 exited with 137"));

        assertSame(failed, StandInException.sendable(failed));
    }

    @Test
    void oneThatCannotBeSerialisedIsStoodInForWithItsClassMessageAndStackTrace() throws Exception {
        HoldsAThread original = new HoldsAThread("the pool lost a thread");
        assertFalse(StandInException.serialises(original), "the test's exception must not serialise");

        RuntimeException sent = roundTrip(StandInException.sendable(original));

        StandInException standIn = assertInstanceOf(StandInException.class, sent);
        assertEquals("the pool lost a thread", standIn.getMessage());
        assertEquals(HoldsAThread.class.getName(), standIn.originalClass());
        assertEquals(HoldsAThread.class.getName() + ": the pool lost a thread", standIn.toString());
        assertArrayEquals(original.getStackTrace(), standIn.getStackTrace());
        assertNull(standIn.getCause());
    }

    @Test
    void aRunFailureWhoseCauseCannotBeSerialisedKeepsItsMessageAndItsCausesInsideJmhsException() throws Exception {
        HoldsAThread cause = new HoldsAThread("the pool lost a thread");
        cause.addSuppressed(new HoldsAThread("and could not close"));
        RunFailedException failed = new RunFailedException("m", Workloads.create("spawn"), cause);

        RuntimeException sendable = StandInException.sendable(failed);
        // as JMH's fork sends it: the benchmark's exception among the suppressed ones of its own
        BenchmarkException sent = roundTrip(new BenchmarkException("Benchmark error during the run", List.of(sendable)));

        StandInException run = assertInstanceOf(StandInException.class, sent.getSuppressed()[0]);
        assertEquals(failed.getMessage(), run.getMessage());
        assertEquals(RunFailedException.class.getName(), run.originalClass());
        StandInException standInCause = assertInstanceOf(StandInException.class, run.getCause());
        assertEquals("the pool lost a thread", standInCause.getMessage());
        assertEquals("and could not close", standInCause.getSuppressed()[0].getMessage());
        assertTrue(run.toString().startsWith(RunFailedException.class.getName() + ": model m, workload spawn("), run.toString());
    }

    @Test
    void aCycleOfCausesEnds() {
        HoldsAThread first = new HoldsAThread("first");
        HoldsAThread second = new HoldsAThread("second");
        first.initCause(second);
        second.initCause(first);

        RuntimeException sendable = StandInException.sendable(first);

        assertTrue(StandInException.serialises(sendable));
        assertEquals("second", sendable.getCause().getMessage());
        assertNull(sendable.getCause().getCause(), "the cycle ends where it would repeat");
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
