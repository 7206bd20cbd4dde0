package org.concurrencybench.processes;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The worker's side of the protocol. A daemon thread reads frames from the parent, so a
 * CANCEL is seen while a unit runs; the thread that calls {@link #serve()} runs the requests
 * one at a time and writes their replies.
 *
 * <p>A cancel interrupts the running unit (every kernel honours interruption) and is
 * answered by a CANCELLED reply, so the worker stays alive and warm for the next run; the
 * parent destroys a worker only when it does not answer in time. The parent numbers requests
 * in increasing order, so a cancel for a number not yet started marks a queued request, and
 * one for an older number comes after its reply and is ignored.
 */
final class WorkerLoop {

    static final int EXIT_BAD_REQUEST = 2;
    static final int EXIT_ORPHANED = 3;

    /** Greets the parent first: a reply stream that does not start with it is not a worker's. */
    static final int HELLO_MAGIC = 0x43425731; // "CBW1"

    private static final long NONE = -1;
    private static final Object STOP = new Object();

    private final InputStream requests;
    private final FrameOutput frames;
    private final LineForwardingOutputStream output;
    private final BlockingQueue<Object> jobs = new LinkedBlockingQueue<>();

    private final Object lock = new Object();
    private final Set<Long> cancelledBeforeStart = new HashSet<>();
    private long running = NONE;
    private long lastStarted = NONE;
    private Thread runner;
    private int status;

    WorkerLoop(InputStream requests, FrameOutput frames, LineForwardingOutputStream output) {
        this.requests = requests;
        this.frames = frames;
        this.output = output;
    }

    /** Greets the parent, runs requests until told to stop, and returns the exit status. */
    int serve() throws InterruptedException {
        synchronized (lock) {
            runner = Thread.currentThread();
        }
        try {
            frames.write(FrameType.HELLO, Frames.payload(out -> {
                out.writeInt(HELLO_MAGIC);
                out.writeLong(ProcessHandle.current().pid());
            }));
        } catch (IOException parentGone) {
            return EXIT_ORPHANED;
        }
        Thread reader = new Thread(this::readRequests, "worker-requests");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            Object next = jobs.take();
            if (next == STOP) {
                synchronized (lock) {
                    return status;
                }
            }
            Request.Numbered job = (Request.Numbered) next;
            Reply reply = run(job);
            try {
                output.sendPartialLine();
                frames.write(reply.frameType(), Reply.payload(reply));
            } catch (IOException parentGone) {
                System.err.println("worker: could not reply to request " + job.id() + ": " + parentGone);
                return EXIT_ORPHANED;
            }
        }
    }

    private Reply run(Request.Numbered job) {
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
            return new Reply.Result(id, job.request().run());
        } catch (Throwable failure) {
            thrown = failure;
        } finally {
            synchronized (lock) {
                cancelled = running == NONE;
                running = NONE;
                // a cancel may land after the unit ended: it must not reach the next request
                Thread.interrupted();
            }
        }
        return cancelled ? new Reply.Cancelled(id) : Reply.UnitError.of(id, thrown);
    }

    private void readRequests() {
        try {
            while (true) {
                Frames.Frame frame = Frames.read(requests);
                if (frame == null) {
                    stop("standard input closed without a SHUTDOWN frame: the parent is gone", EXIT_ORPHANED);
                    return;
                }
                switch (frame.type()) {
                    case RUN_UNITS, SUM_SUBTREE, JOIN_CHILDREN, PASS_TOKEN -> jobs.add(Request.decode(frame));
                    case CANCEL -> cancel(readCancelledId(frame));
                    case SHUTDOWN -> {
                        jobs.add(STOP);
                        return;
                    }
                    default -> throw new ProtocolException(frame.type() + " frames go from a worker to its parent");
                }
            }
        } catch (IOException unreadable) {
            stop("could not read a request: " + unreadable.getMessage(), EXIT_BAD_REQUEST);
        }
    }

    private static long readCancelledId(Frames.Frame frame) throws IOException {
        DataInputStream in = frame.body();
        try {
            long id = in.readLong();
            Frames.expectEnd(frame, in);
            return id;
        } catch (ProtocolException malformed) {
            throw malformed;
        } catch (IOException malformed) {
            throw Frames.malformed(frame, malformed);
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

    /** Ends the worker without waiting for the queued requests: nobody will read their replies. */
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
