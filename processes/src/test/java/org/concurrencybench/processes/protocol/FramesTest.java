package org.concurrencybench.processes.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.LockKind;
import org.concurrencybench.core.Payload;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WorkloadCodec;
import org.concurrencybench.core.serve.Serve;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static final Tree TREE = new Tree("tree", 3, 4);
    private static final Relay RELAY = new Relay("handoff", 5, 101);

    @Test
    void everyOrderSurvivesTheRoundTripWithItsIdAndRoute() throws IOException, InterruptedException {
        Contention contention = new Contention("contention", 4, 10, LockKind.ATOMIC, 0, 2);
        List<WorkOrder> orders = List.of(
                new WorkOrder.RunUnits(new Batch("cpu", new Primes(50_000), 8), 2, 5),
                new WorkOrder.SumSubtree(TREE, 27, 27),
                new WorkOrder.JoinChildren(TREE, new long[] {4, 5, 6}),
                new WorkOrder.PassToken(RELAY, 3, 43),
                new WorkOrder.ContendWorkers(contention, Path.of("/dev/shm/counter-1.counter"), 1, 3));
        PayloadRoute region = new PayloadRoute.Region(Path.of("/dev/shm/worker-1.region"));
        long id = 41;
        for (WorkOrder order : orders) {
            PayloadRoute route = id % 2 == 0 ? PayloadRoute.PIPE : region;
            WorkOrder.Numbered decoded = WorkOrder.decode(roundTrip(order.frameType(), WorkOrder.payload(++id, route, order)));

            assertEquals(id, decoded.id());
            assertEquals(route, decoded.route());
            assertEquals(order.workload(), decoded.order().workload());
            if (order instanceof WorkOrder.ContendWorkers) {
                assertEquals(order, decoded.order(), "it names the same counter file and workers");
            } else {
                assertEquals(order.run(UnitOutlet.NONE), decoded.order().run(UnitOutlet.NONE), order.toString());
            }
        }
    }

    @Test
    void everyReplySurvivesTheRoundTrip() throws IOException {
        Reply.UnitError error = Reply.UnitError.of(7, new IllegalStateException("unit 0 failed on purpose"));
        for (Reply reply : List.of(new Reply.Result(5, -12L), error, new Reply.Cancelled(9))) {
            Reply decoded = Reply.decode(roundTrip(reply.frameType(), Reply.payload(reply)));

            assertEquals(reply.orderId(), decoded.orderId());
            assertEquals(reply.getClass(), decoded.getClass());
        }
        Reply.UnitError decoded = (Reply.UnitError) Reply.decode(roundTrip(error.frameType(), Reply.payload(error)));
        RemoteUnitException remote = decoded.toException(4242);
        assertEquals("java.lang.IllegalStateException: unit 0 failed on purpose (in worker pid 4242)", remote.getMessage());
        assertArrayEquals(error.stack(), remote.getStackTrace(), "the unit's stack frames become the exception's own");
    }

    @Test
    void textWhereAFrameBelongsIsGarbageShownAsTextAndHex() {
        ProtocolException garbage = assertThrows(ProtocolException.class,
                () -> Frames.read(new ByteArrayInputStream("Error: Could not find or load main class\n".getBytes(StandardCharsets.US_ASCII))));

        assertTrue(garbage.getMessage().startsWith("expected a frame, got \"Error: Could not find or load main class.\" (45 72 72 6f"),
                garbage.getMessage());
    }

    @Test
    void aLengthBeyondTheLimitIsGarbage() {
        byte[] bytes = {(byte) FrameType.RESULT.code, 0x7f, 0, 0, 0};

        ProtocolException garbage = assertThrows(ProtocolException.class, () -> Frames.read(new ByteArrayInputStream(bytes)));

        assertTrue(garbage.getMessage().contains("it would claim 2130706432 bytes; at most " + (Payload.MAX_BYTES + 12)
                + " are allowed"),
                garbage.getMessage());
    }

    @Test
    void aStreamThatEndsInsideAFrameIsGarbageButOneThatEndsBetweenFramesIsNot() throws IOException {
        byte[] cut = {(byte) FrameType.RESULT.code, 0, 0, 0, 16, 1, 2};

        ProtocolException garbage = assertThrows(ProtocolException.class, () -> Frames.read(new ByteArrayInputStream(cut)));

        assertEquals("the stream ended inside a RESULT frame: 2 of 16 bytes arrived", garbage.getMessage());
        assertNull(Frames.read(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void anOrderThatIsNotASubtreeIsRefused() throws IOException {
        byte[] payload = Frames.payload(out -> {
            out.writeLong(1);
            PayloadRoute.write(out, PayloadRoute.PIPE);
            WorkloadCodec.write(out, TREE);
            out.writeLong(1);
            out.writeLong(2);
        });

        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> WorkOrder.decode(new Frames.Frame(FrameType.SUM_SUBTREE, payload)));

        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        assertTrue(refused.getMessage().contains("leaves [1, 3) are not a subtree of tree(width=3, depth=4)"),
                refused.getMessage());
    }

    @Test
    void aServeOrderAndItsStopSurviveTheRoundTripWithTheirServerId() throws IOException {
        ServeOrder order = new ServeOrder(7, 8080, new Serve(100, 10, 64));

        assertEquals(order, ServeOrder.decode(roundTrip(FrameType.SERVE, order.payload())));
        assertEquals(7, StopServing.serverId(roundTrip(FrameType.STOP_SERVING, StopServing.payload(7))));
    }

    @Test
    void aServeOrderWhoseServiceIsInvalidIsRefused() throws IOException {
        byte[] payload = Frames.payload(out -> {
            out.writeLong(1);
            out.writeInt(8080);
            out.writeLong(0);
            out.writeLong(10);
            out.writeInt(64);
        });

        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> ServeOrder.decode(new Frames.Frame(FrameType.SERVE, payload)));

        assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        assertTrue(refused.getMessage().startsWith("SERVE frame is malformed: "), refused.getMessage());
    }

    @Test
    void everyReportAboutServingSurvivesTheRoundTrip() throws IOException {
        for (ServingReport report : List.of(ServingReport.serving(3), ServingReport.stopped(4),
                ServingReport.failed(5, "could not accept on 127.0.0.1:8080: java.net.BindException: Address in use"))) {
            assertEquals(report, ServingReport.decode(roundTrip(report.type(), report.payload())));
        }
    }

    private static Frames.Frame roundTrip(FrameType type, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FrameOutput out = new FrameOutput(bytes)) {
            out.write(type, payload);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());
        Frames.Frame frame = Frames.read(in);
        assertNull(Frames.read(in), "one frame written, one read");
        return frame;
    }
}
