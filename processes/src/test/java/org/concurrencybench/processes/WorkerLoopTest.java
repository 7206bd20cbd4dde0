package org.concurrencybench.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker's loop in this JVM, over pipes, so Probe's counters see its units. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WorkerLoopTest {

    private static final Batch HOLDING = new Batch("probe", new Probe(-1, 600_000), 2);

    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    private Pipe toWorker;
    private FrameOutput parent;
    private InputStream replies;

    @BeforeEach
    void startTheLoop() throws IOException {
        toWorker = Pipe.open();
        Pipe fromWorker = Pipe.open();
        parent = new FrameOutput(Channels.newOutputStream(toWorker.sink()));
        replies = new BufferedInputStream(Channels.newInputStream(fromWorker.source()));
        FrameOutput workerOut = new FrameOutput(Channels.newOutputStream(fromWorker.sink()));
        WorkerLoop loop = new WorkerLoop(new BufferedInputStream(Channels.newInputStream(toWorker.source())), workerOut,
                new LineForwardingOutputStream(workerOut));
        Thread.ofPlatform().name("test-worker-main").start(() -> {
            try {
                exitStatus.complete(loop.serve());
            } catch (Throwable failed) {
                exitStatus.completeExceptionally(failed);
            }
        });
        assertEquals(FrameType.HELLO, Frames.read(replies).type(), "a worker greets first");
    }

    @Test
    void aCancelStopsTheRunningUnitAndAQueuedRequestIsCancelledBeforeItStarts() throws Exception {
        long startedBefore = Probe.startedUnits();
        send(1, new Request.RunUnits(HOLDING, 0, 1));
        send(2, new Request.RunUnits(HOLDING, 1, 2));
        assertTrue(Probe.awaitStarted(startedBefore + 1, 1, TimeUnit.MINUTES), "the first request should start");

        cancel(2);
        cancel(1);

        assertEquals(new Reply.Cancelled(1), nextReply());
        assertEquals(new Reply.Cancelled(2), nextReply());
        assertEquals(startedBefore + 1, Probe.startedUnits(), "the queued request never started");
        parent.write(FrameType.SHUTDOWN, new byte[0]);
        assertEquals(0, exitStatus.get());
        assertEquals(0, Probe.liveUnits());
    }

    @Test
    void aUnitThatThrowsIsAnErrorReplyAndTheWorkerGoesOn() throws Exception {
        send(1, new Request.RunUnits(new Batch("probe", new Probe(0, 0), 1), 0, 1));
        send(2, new Request.PassToken(new Relay("handoff", 2, 10), 1, 5));

        Reply.UnitError error = (Reply.UnitError) nextReply();
        assertEquals("java.lang.IllegalStateException", error.className());
        assertEquals(Probe.failureMessage(0), error.message());
        assertEquals(new Reply.Result(2, 6), nextReply());
        parent.write(FrameType.SHUTDOWN, new byte[0]);
        assertEquals(0, exitStatus.get());
    }

    @Test
    void whenTheParentGoesAwayTheRunningUnitIsStoppedAndTheWorkerExits() throws Exception {
        long startedBefore = Probe.startedUnits();
        send(1, new Request.RunUnits(HOLDING, 0, 1));
        assertTrue(Probe.awaitStarted(startedBefore + 1, 1, TimeUnit.MINUTES), "the request should start");

        toWorker.sink().close();

        assertEquals(WorkerLoop.EXIT_ORPHANED, exitStatus.get());
        assertEquals(0, Probe.liveUnits());
    }

    private void send(long id, Request request) throws IOException {
        parent.write(request.frameType(), Request.payload(id, request));
    }

    private void cancel(long id) throws IOException {
        parent.write(FrameType.CANCEL, Frames.payload(out -> out.writeLong(id)));
    }

    private Reply nextReply() throws IOException {
        return Reply.decode(Frames.read(replies));
    }
}
