package org.concurrencybench.processes.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Payload;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.processes.protocol.Cancel;
import org.concurrencybench.processes.protocol.Delivery;
import org.concurrencybench.processes.protocol.FrameOutput;
import org.concurrencybench.processes.protocol.FrameType;
import org.concurrencybench.processes.protocol.Frames;
import org.concurrencybench.processes.protocol.PayloadRoute;
import org.concurrencybench.processes.protocol.Reply;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.RegionReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
    void aCancelStopsTheRunningUnitAndAQueuedOrderIsCancelledBeforeItStarts() throws Exception {
        long startedBefore = Probe.startedUnits();
        send(1, new WorkOrder.RunUnits(HOLDING, 0, 1));
        send(2, new WorkOrder.RunUnits(HOLDING, 1, 2));
        assertTrue(Probe.awaitStarted(startedBefore + 1, 1, TimeUnit.MINUTES), "the first order should start");

        cancel(2);
        cancel(1);

        assertEquals(new Reply.Cancelled(1), nextReply());
        assertEquals(new Reply.Cancelled(2), nextReply());
        assertEquals(startedBefore + 1, Probe.startedUnits(), "the queued order never started");
        parent.write(FrameType.SHUTDOWN, new byte[0]);
        assertEquals(0, exitStatus.get());
        assertEquals(0, Probe.liveUnits());
    }

    @Test
    void aUnitThatThrowsIsAnErrorReplyAndTheWorkerGoesOn() throws Exception {
        send(1, new WorkOrder.RunUnits(new Batch("probe", new Probe(0, 0), 1), 0, 1));
        send(2, new WorkOrder.PassToken(new Relay("handoff", 2, 10), 1, 5));

        Reply.UnitError error = (Reply.UnitError) nextReply();
        assertEquals("java.lang.IllegalStateException", error.className());
        assertEquals(Probe.failureMessage(0), error.message());
        assertEquals(new Reply.Result(2, 6), nextReply());
        parent.write(FrameType.SHUTDOWN, new byte[0]);
        assertEquals(0, exitStatus.get());
    }

    @Test
    void unitsBytesGoDownTheRouteTheOrderNamesBeforeItsResult(@TempDir Path folder) throws Exception {
        Batch transfer = new Batch("transfer", new Identity(), 3, 1_000);
        Path region = Files.createFile(folder.resolve("worker.region"));

        send(1, new WorkOrder.RunUnits(transfer, 0, 2), PayloadRoute.PIPE);
        send(2, new WorkOrder.RunUnits(transfer, 2, 3), new PayloadRoute.Region(region));

        assertEquals(new Delivery(1, 0, 1_000, checksumOf(0)), nextDelivery(FrameType.UNIT_BYTES, null));
        assertEquals(new Delivery(1, 1, 1_000, checksumOf(1)), nextDelivery(FrameType.UNIT_BYTES, null));
        assertEquals(new Reply.Result(1, 0 + 1), nextReply());
        assertEquals(new Delivery(2, 2, 1_000, checksumOf(2)), nextDelivery(FrameType.UNIT_REGION, RegionReader.at(region)));
        assertEquals(new Reply.Result(2, 2), nextReply());
        parent.write(FrameType.SHUTDOWN, new byte[0]);
        assertEquals(0, exitStatus.get());
    }

    @Test
    void whenTheParentGoesAwayTheRunningUnitIsStoppedAndTheWorkerExits() throws Exception {
        long startedBefore = Probe.startedUnits();
        send(1, new WorkOrder.RunUnits(HOLDING, 0, 1));
        assertTrue(Probe.awaitStarted(startedBefore + 1, 1, TimeUnit.MINUTES), "the order should start");

        toWorker.sink().close();

        assertEquals(WorkerLoop.EXIT_ORPHANED, exitStatus.get());
        assertEquals(0, Probe.liveUnits());
    }

    private void send(long id, WorkOrder order) throws IOException {
        send(id, order, PayloadRoute.PIPE);
    }

    private void send(long id, WorkOrder order, PayloadRoute route) throws IOException {
        parent.write(order.frameType(), WorkOrder.payload(id, route, order));
    }

    private void cancel(long id) throws IOException {
        parent.write(FrameType.CANCEL, Cancel.payload(id));
    }

    private Delivery nextDelivery(FrameType type, RegionReader region) throws IOException {
        Frames.Frame frame = Frames.read(replies);
        assertEquals(type, frame.type());
        return Delivery.decode(frame, region);
    }

    private static long checksumOf(int unit) {
        return Payload.checksum(Payload.bytes(unit, 1_000));
    }

    private Reply nextReply() throws IOException {
        return Reply.decode(Frames.read(replies));
    }
}
