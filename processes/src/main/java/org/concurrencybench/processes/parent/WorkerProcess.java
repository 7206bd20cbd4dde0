package org.concurrencybench.processes.parent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
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
import org.concurrencybench.processes.protocol.ServingReport;
import org.concurrencybench.processes.protocol.StopServing;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.RegionReader;

/**
 * The parent's handle on one worker JVM: starts it, sends it frames, reads its replies on a
 * thread of its own, drains its stderr on another, and ends it.
 *
 * <p>The reply reader passes replies to an event sink and prints the worker's output lines
 * as they arrive, before the reply of the order that printed them. The bytes of each unit
 * are checksummed by the reply reader where they arrived (in the frame, or in the worker's
 * payload region) and passed on as a {@link WorkerEvent.Delivered}. When the reply stream
 * ends or turns to garbage it posts one {@link WorkerEvent.Ended}; after garbage it keeps
 * draining, so the worker never blocks on a full pipe while it is being ended.
 *
 * <p>A worker with a payload region owns its file: the reply reader deletes it once the
 * worker has ended, however it ended, so a worker that dies takes its region with it.
 */
public final class WorkerProcess {

    /** How long an ended worker's exit and its last stderr are waited for, to report them. */
    private static final Duration EXIT_REPORT_WAIT = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);
    private static final Duration THREAD_END_WAIT = Duration.ofSeconds(10);

    private final Process process;
    private final String label;
    private final Consumer<WorkerEvent> events;
    private final Consumer<String> output;
    private final ShutdownGuard guard;
    private final FrameOutput orders;
    /** The worker's payload region, or null when its units' bytes come over the pipe. */
    private final RegionReader region;
    private final StderrTail stderr = new StderrTail();
    private final CompletableFuture<Void> hello = new CompletableFuture<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Answers awaited to SERVE and STOP_SERVING frames, by server id: they bypass the run's inbox. */
    private final Map<Long, CompletableFuture<Void>> serving = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> stopping = new ConcurrentHashMap<>();
    private Thread stderrDrainer;
    private Thread replyReader;
    /** Why the reply stream broke, as a phrase after "worker pid N": null while it is whole. */
    private volatile String broken;
    private volatile boolean endPosted;

    private WorkerProcess(Process process, String label, Consumer<WorkerEvent> events, Consumer<String> output,
                          ShutdownGuard guard, RegionReader region) {
        this.process = process;
        this.label = label;
        this.events = events;
        this.output = output;
        this.guard = guard;
        this.region = region;
        this.orders = new FrameOutput(process.getOutputStream());
    }

    /**
     * Starts a worker. Its threads are named {@code <label>-replies} and
     * {@code <label>-stderr}; {@code output} gets each line its units print.
     */
    public static WorkerProcess start(List<String> command, String label, Consumer<WorkerEvent> events,
                                      Consumer<String> output, ShutdownGuard guard) {
        return start(command, label, events, output, guard, null);
    }

    /**
     * Starts a worker whose units put their bytes into {@code region}, which it then owns;
     * null for a worker whose units send them over the pipe.
     */
    public static WorkerProcess start(List<String> command, String label, Consumer<WorkerEvent> events,
                                      Consumer<String> output, ShutdownGuard guard, RegionReader region) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException cannotStart) {
            if (region != null) {
                region.delete();
            }
            throw new WorkerFailedException("could not start worker " + label + " (" + String.join(" ", command)
                    + "): " + cannotStart.getMessage(), -1, OptionalInt.empty(), "");
        }
        guard.track(process);
        WorkerProcess worker = new WorkerProcess(process, label, events, output, guard, region);
        worker.stderrDrainer = StderrTail.drain(process.getErrorStream(), worker.stderr, label + "-stderr");
        worker.replyReader = new Thread(worker::readReplies, label + "-replies");
        worker.replyReader.setDaemon(true);
        worker.replyReader.start();
        return worker;
    }

    long pid() {
        return process.pid();
    }

    /** Its payload region's file, if its units' bytes go through one. */
    Optional<Path> regionFile() {
        return region == null ? Optional.empty() : Optional.of(region.file());
    }

    /** Whether its reply stream has ended: it can take no more orders. */
    boolean hasEnded() {
        return endPosted;
    }

    /** Whether it exited with status 0 and never broke the protocol: how a worker given SHUTDOWN ends. */
    public boolean endedNormally() {
        return ended.getCount() == 0 && broken == null && !process.isAlive() && process.exitValue() == 0;
    }

    /**
     * Waits until the worker has greeted the parent, which it does once it can take orders.
     * Not cut short by an interrupt (the flag is restored): a model's constructor either has
     * its workers or ends them, within {@code timeout}.
     */
    void awaitReady(Duration timeout) {
        Waits.uninterruptibly(Deadline.after(timeout), nanos -> {
            try {
                return hello.get(nanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                throw failure("did not say hello within " + Durations.text(timeout) + " of starting; it is still running");
            } catch (ExecutionException lost) {
                throw (WorkerFailedException) lost.getCause();
            }
        });
    }

    /**
     * Sends an order, its units' bytes routed to this worker's region if it has one, else
     * over the pipe; a worker that can no longer read it is reported with why it ended.
     */
    public void send(long id, WorkOrder order) {
        send(id, order, region == null ? PayloadRoute.PIPE : new PayloadRoute.Region(region.file()));
    }

    /** Sends an order whose units' bytes take {@code route}. */
    public void send(long id, WorkOrder order, PayloadRoute route) {
        try {
            orders.write(order.frameType(), WorkOrder.payload(id, route, order));
        } catch (IOException pipeClosed) {
            throw unreachable(pipeClosed);
        }
    }

    /**
     * Asks the worker to accept connections for {@code order}'s server; the future completes
     * once it does, or fails with a {@link WorkerFailedException} when it cannot or has ended.
     * Safe beside a run: it goes through neither the pool's inbox nor its order numbers.
     */
    public CompletableFuture<Void> serve(ServeOrder order) {
        CompletableFuture<Void> answer = awaitAnswer(serving, order.serverId());
        try {
            orders.write(FrameType.SERVE, order.payload());
        } catch (IOException gone) {
            answer.completeExceptionally(unreachable(gone));
        }
        return answer;
    }

    /**
     * Asks the worker to close server {@code serverId}'s listener and connections; the future
     * completes once it has, or fails when the worker has ended (which closed them too).
     */
    public CompletableFuture<Void> stopServing(long serverId) {
        CompletableFuture<Void> answer = awaitAnswer(stopping, serverId);
        try {
            orders.write(FrameType.STOP_SERVING, StopServing.payload(serverId));
        } catch (IOException gone) {
            answer.completeExceptionally(unreachable(gone));
        }
        return answer;
    }

    /** A future for an answer about {@code serverId}, failed at once if the worker has ended already. */
    private CompletableFuture<Void> awaitAnswer(Map<Long, CompletableFuture<Void>> awaited, long serverId) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        awaited.put(serverId, answer);
        // the reply reader fails what is awaited after counting down: one of the two sees the other
        if (ended.getCount() == 0) {
            awaited.remove(serverId);
            answer.completeExceptionally(lostFailure());
        }
        return answer;
    }

    private void answered(ServingReport report) {
        CompletableFuture<Void> answer = (report.type() == FrameType.SERVING_STOPPED ? stopping : serving)
                .remove(report.serverId());
        if (answer == null) {
            return; // an answer given up on
        }
        if (report.failure() == null) {
            answer.complete(null);
        } else {
            answer.completeExceptionally(failure(report.failure()));
        }
    }

    private void failAnswersAwaited() {
        for (Map<Long, CompletableFuture<Void>> awaited : List.of(serving, stopping)) {
            for (Long serverId : List.copyOf(awaited.keySet())) {
                CompletableFuture<Void> answer = awaited.remove(serverId);
                if (answer != null) {
                    answer.completeExceptionally(lostFailure());
                }
            }
        }
    }

    /** Asks the worker to stop order {@code id}; a worker that is gone needs no asking. */
    void cancel(long id) {
        try {
            orders.write(FrameType.CANCEL, Cancel.payload(id));
        } catch (IOException gone) {
            // its Ended event tells the rest
        }
    }

    /**
     * Tells the worker to exit once its queued orders are answered: a SHUTDOWN frame, then
     * the end of its input. Returns at once; {@link #awaitExit} waits.
     */
    void requestShutdown() {
        try {
            orders.write(FrameType.SHUTDOWN, new byte[0]);
        } catch (IOException gone) {
            // already ended
        }
        closeOrders();
    }

    /** Waits up to {@code grace} for the worker to exit, kills it if it has not, and waits for its threads. */
    void awaitExit(Duration grace) {
        if (!Waits.forExit(process, grace)) {
            kill();
        }
        awaitThreads();
    }

    /** {@link #requestShutdown()}, then {@link #awaitExit}. */
    public void shutdown(Duration grace) {
        requestShutdown();
        awaitExit(grace);
    }

    /** Sends the worker (and anything it started) the kill signal, without waiting: for killing many at once. */
    void signalKill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Kills the worker (and anything it started) at once and waits until it and its threads are gone. */
    public void kill() {
        signalKill();
        closeOrders();
        if (!Waits.forExit(process, KILL_WAIT)) {
            System.err.println("concurrency-bench: worker pid " + pid() + " survived destroyForcibly for "
                    + Durations.text(KILL_WAIT));
        }
        awaitThreads();
    }

    /** Why this worker is lost to the run: it died, or broke the protocol. */
    public WorkerFailedException lostFailure() {
        OptionalInt code = exitCode();
        if (broken != null) {
            return failure(broken + exitStatus(code, "; it exited with code ", "; it was still running"), code);
        }
        if (!hello.isDone() || hello.isCompletedExceptionally()) {
            return failure(exitStatus(code, "exited with code ", "closed its standard output") + " before it was ready", code);
        }
        return failure(exitStatus(code, "exited with code ", "closed its standard output but is still running"), code);
    }

    /**
     * A failure of this worker: {@code what} it did, its pid, its exit code if it has exited,
     * and the end of its stderr.
     */
    public WorkerFailedException failure(String what) {
        OptionalInt code = exitCode();
        return failure(what + exitStatus(code, "; it exited with code ", ""), code);
    }

    /** @param whatAndStatus what the worker did, with its exit code when {@code code} has one */
    private WorkerFailedException failure(String whatAndStatus, OptionalInt code) {
        String tail = stderr.lastLines(StderrTail.LINES_SHOWN);
        String message = "worker pid " + pid() + " (" + label + ") " + whatAndStatus
                + (tail.isEmpty() ? "; it wrote nothing to stderr" : "; the end of its stderr:\n" + tail.indent(4).stripTrailing());
        return new WorkerFailedException(message, pid(), code, tail);
    }

    /** Everything kept of its stderr (the last 64 KiB). */
    public String stderrText() {
        return stderr.text();
    }

    /** Its exit code, once it has exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    private static String exitStatus(OptionalInt code, String exitedPrefix, String running) {
        return code.isPresent() ? exitedPrefix + code.getAsInt() : running;
    }

    private WorkerFailedException unreachable(IOException pipeClosed) {
        boolean hasEnded;
        try {
            hasEnded = ended.await(EXIT_REPORT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupt) {
            Thread.currentThread().interrupt();
            hasEnded = false;
        }
        return hasEnded ? lostFailure() : failure("could not be sent an order (" + pipeClosed.getMessage() + ")");
    }

    private void readReplies() {
        InputStream in = process.getInputStream();
        try {
            Frames.Frame first = Frames.read(in);
            if (first != null) {
                Hello.check(first);
                hello.complete(null);
                Frames.Frame frame;
                while ((frame = Frames.read(in)) != null) {
                    deliver(frame);
                }
            }
        } catch (ProtocolException notAFrame) {
            broken = "answered garbage: " + notAFrame.getMessage();
            // reported at once: the worker is still running and may never stop writing
            hello.completeExceptionally(lostFailure());
            postEnd();
            drain(in);
        } catch (IOException unreadable) {
            broken = "could not be read from: " + unreadable.getMessage();
        } finally {
            Waits.forExit(process, EXIT_REPORT_WAIT);
            if (region != null) {
                region.delete();
            }
            Waits.forEnd(stderrDrainer, EXIT_REPORT_WAIT);
            if (!hello.isDone()) {
                hello.completeExceptionally(lostFailure());
            }
            guard.untrack(process);
            ended.countDown();
            failAnswersAwaited();
            postEnd();
        }
    }

    private void deliver(Frames.Frame frame) throws ProtocolException {
        switch (frame.type()) {
            case OUTPUT -> output.accept(new String(frame.payload(), StandardCharsets.UTF_8));
            case RESULT, ERROR, CANCELLED -> events.accept(new WorkerEvent.Replied(this, Reply.decode(frame)));
            case UNIT_BYTES, UNIT_REGION -> events.accept(new WorkerEvent.Delivered(this, Delivery.decode(frame, region)));
            case SERVING, SERVE_FAILED, SERVING_STOPPED -> answered(ServingReport.decode(frame));
            default -> throw new ProtocolException(frame.type() + " frames go from the parent to a worker");
        }
    }

    private void postEnd() {
        if (!endPosted) {
            endPosted = true;
            events.accept(new WorkerEvent.Ended(this));
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // nothing more to drain
        }
    }

    private void closeOrders() {
        try {
            orders.close();
        } catch (IOException gone) {
            // the pipe is already closed at the other end
        }
    }

    private void awaitThreads() {
        for (Thread thread : new Thread[] {replyReader, stderrDrainer}) {
            if (!Waits.forEnd(thread, THREAD_END_WAIT)) {
                System.err.println("concurrency-bench: " + thread.getName() + " did not end within "
                        + Durations.text(THREAD_END_WAIT) + " of its worker");
            }
        }
    }

    @Override
    public String toString() {
        return label + "(pid " + pid() + ")";
    }
}
