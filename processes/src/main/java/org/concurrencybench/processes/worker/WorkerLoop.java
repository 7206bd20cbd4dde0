package org.concurrencybench.processes.worker;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.concurrencybench.processes.protocol.Cancel;
import org.concurrencybench.processes.protocol.Delivery;
import org.concurrencybench.processes.protocol.FrameOutput;
import org.concurrencybench.processes.protocol.FrameType;
import org.concurrencybench.processes.protocol.Frames;
import org.concurrencybench.processes.protocol.Hello;
import org.concurrencybench.processes.protocol.PayloadRoute;
import org.concurrencybench.processes.protocol.ProtocolException;
import org.concurrencybench.processes.protocol.Reply;
import org.concurrencybench.processes.protocol.ServeOrder;
import org.concurrencybench.processes.protocol.StopServing;
import org.concurrencybench.processes.protocol.UnitOutlet;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.RegionWriter;

/**
 * The worker's side of the protocol. A daemon thread reads frames from the parent, so a
 * CANCEL is seen while a unit runs; the thread that calls {@link #serve()} runs the orders
 * one at a time and writes their replies, and, before each reply, the bytes of the order's
 * units, down the route the order names ({@link PayloadRoute}).
 *
 * <p>SERVE and STOP_SERVING are handled by the reading thread itself ({@link WorkerServers}):
 * a server answers its connections on threads of its own, beside the orders, until it is
 * stopped or the worker exits.
 *
 * <p>A cancel interrupts the running unit (every kernel honours interruption) and is
 * answered by a CANCELLED reply, so the worker stays alive and warm for the next run; the
 * parent destroys a worker only when it does not answer in time. The parent numbers orders
 * in increasing order, so a cancel for a number not yet started marks a queued order, and
 * one for an older number comes after its reply and is ignored.
 */
final class WorkerLoop {

    static final int EXIT_BAD_REQUEST = 2;
    static final int EXIT_ORPHANED = 3;

    private static final long NONE = -1;
    private static final Object STOP = new Object();

    private final InputStream orders;
    private final FrameOutput frames;
    private final LineForwardingOutputStream output;
    private final BlockingQueue<Object> jobs = new LinkedBlockingQueue<>();
    private final WorkerServers servers;

    private final Object lock = new Object();
    private final Set<Long> cancelledBeforeStart = new HashSet<>();
    private long running = NONE;
    private long lastStarted = NONE;
    private Thread runner;
    private int status;
    /** The region the last order routed its bytes to, kept mapped for the next; used by the runner alone. */
    private RegionWriter region;

    WorkerLoop(InputStream orders, FrameOutput frames, LineForwardingOutputStream output) {
        this.orders = orders;
        this.frames = frames;
        this.output = output;
        this.servers = new WorkerServers(frames);
    }

    /** Greets the parent, runs orders until told to stop, and returns the exit status. */
    int serve() throws InterruptedException {
        synchronized (lock) {
            runner = Thread.currentThread();
        }
        try {
            frames.write(FrameType.HELLO, Hello.payload(ProcessHandle.current().pid()));
        } catch (IOException parentGone) {
            return EXIT_ORPHANED;
        }
        Thread reader = new Thread(this::readOrders, "worker-orders");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            Object next = jobs.take();
            if (next == STOP) {
                synchronized (lock) {
                    return status;
                }
            }
            WorkOrder.Numbered job = (WorkOrder.Numbered) next;
            Reply reply = run(job);
            try {
                output.sendPartialLine();
                frames.write(reply.frameType(), Reply.payload(reply));
            } catch (IOException parentGone) {
                System.err.println("worker: could not reply to order " + job.id() + ": " + parentGone);
                return EXIT_ORPHANED;
            }
        }
    }

    private Reply run(WorkOrder.Numbered job) {
        long id = job.id();
        synchronized (lock) {
            lastStarted = id;
            if (cancelledBeforeStart.remove(id)) {
                return new Reply.Cancelled(id);
            }
            running = id;
        }
        boolean cancelled;
        Throwable thrown;
        try {
            return new Reply.Result(id, job.order().run(outletFor(job)));
        } catch (Throwable failure) {
            thrown = failure;
        } finally {
            synchronized (lock) {
                cancelled = running == NONE;
                running = NONE;
                // a cancel may land after the unit ended: it must not reach the next order
                Thread.interrupted();
            }
        }
        return cancelled ? new Reply.Cancelled(id) : Reply.UnitError.of(id, thrown);
    }

    /** Where the units of {@code job} send their bytes: frames on the pipe, or the region the parent named. */
    private UnitOutlet outletFor(WorkOrder.Numbered job) throws IOException {
        if (job.order().deliveries() == 0) {
            return UnitOutlet.NONE;
        }
        long id = job.id();
        return switch (job.route()) {
            case PayloadRoute.Pipe pipe -> (unit, size) -> frames.write(FrameType.UNIT_BYTES, Delivery.bytesFrame(id, unit, size));
            case PayloadRoute.Region named -> {
                if (region == null || !region.file().equals(named.file())) {
                    region = new RegionWriter(named.file());
                }
                RegionWriter target = region;
                target.begin(job.order().payloadBytes());
                yield (unit, size) -> {
                    int offset = target.put(unit, size);
                    frames.write(FrameType.UNIT_REGION, Delivery.regionFrame(id, unit, offset, size));
                };
            }
        };
    }

    private void readOrders() {
        try {
            while (true) {
                Frames.Frame frame = Frames.read(orders);
                if (frame == null) {
                    stop("standard input closed without a SHUTDOWN frame: the parent is gone", EXIT_ORPHANED);
                    return;
                }
                switch (frame.type()) {
                    case RUN_UNITS, SUM_SUBTREE, JOIN_CHILDREN, PASS_TOKEN, CONTEND -> jobs.add(WorkOrder.decode(frame));
                    case CANCEL -> cancel(Cancel.orderId(frame));
                    case SERVE -> servers.start(ServeOrder.decode(frame));
                    case STOP_SERVING -> servers.stop(StopServing.serverId(frame));
                    case SHUTDOWN -> {
                        jobs.add(STOP);
                        return;
                    }
                    default -> throw new ProtocolException(frame.type() + " frames go from a worker to its parent");
                }
            }
        } catch (IOException unreadable) {
            stop("could not read an order: " + unreadable.getMessage(), EXIT_BAD_REQUEST);
        }
    }

    private void cancel(long id) {
        synchronized (lock) {
            if (id == running) {
                running = NONE;
                runner.interrupt();
            } else if (id > lastStarted) {
                cancelledBeforeStart.add(id);
            }
        }
    }

    /** Ends the worker without waiting for the queued orders: nobody will read their replies. */
    private void stop(String reason, int exitStatus) {
        System.err.println("worker: " + reason);
        synchronized (lock) {
            status = exitStatus;
            if (running != NONE) {
                running = NONE;
                runner.interrupt();
            }
        }
        jobs.clear();
        jobs.add(STOP);
    }
}
