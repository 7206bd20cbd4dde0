package org.concurrencybench.processes.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.LockKind;
import org.concurrencybench.core.LoopbackServer;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.processes.parent.Deadline;
import org.concurrencybench.processes.parent.Durations;
import org.concurrencybench.processes.parent.Inbox;
import org.concurrencybench.processes.parent.ShutdownGuard;
import org.concurrencybench.processes.parent.WorkerCommand;
import org.concurrencybench.processes.parent.WorkerEvent;
import org.concurrencybench.processes.parent.WorkerProcess;
import org.concurrencybench.processes.protocol.PayloadRoute;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.FileCounter;
import org.concurrencybench.processes.shm.RegionReader;
import org.concurrencybench.processes.shm.SharedFolder;

/**
 * The training run that writes an AOT cache: a real worker, started with
 * {@code -XX:AOTCacheOutput}, is sent one order of every workload kind and every kernel
 * (one that fails and one that prints among them; io against a server of its own,
 * contention against a counter file, units' bytes both through a payload region and over
 * the pipe), so the cache holds what any worker loads, then told to shut down; the JVM
 * writes the cache as it exits.
 */
final class AotTraining {

    /** Training plus writing the cache (a second JVM the worker starts at exit) takes seconds, not minutes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** Small enough to be quick, large enough to fill several pages of a region. */
    private static final Batch WITH_PAYLOAD = new Batch("transfer", new Identity(), 4, 10_000);

    private AotTraining() {
    }

    /** Trains a worker of {@code worker} and writes its AOT cache to {@code cache}. */
    static void run(WorkerCommand worker, Path cache) throws IOException {
        Inbox inbox = new Inbox();
        Deadline deadline = Deadline.after(TIMEOUT);
        try (ShutdownGuard guard = new ShutdownGuard("aot-training");
             LoopbackServer server = LoopbackServer.start();
             SharedFolder shared = SharedFolder.create("aot-training")) {
            List<WorkOrder> orders = orders(server.port(), FileCounter.create(shared, contention(LockKind.SYNCHRONIZED)));
            WorkerProcess trainee = WorkerProcess.start(worker.withOptions(List.of("-XX:AOTCacheOutput=" + cache)).command(),
                    "aot-training", inbox, line -> { }, guard, RegionReader.create(shared, "aot-training"));
            try {
                int id = 0;
                for (WorkOrder order : orders) {
                    trainee.send(++id, order);
                }
                trainee.send(++id, new WorkOrder.RunUnits(WITH_PAYLOAD, 0, WITH_PAYLOAD.units()), PayloadRoute.PIPE);
                awaitReplies(inbox, id, deadline, trainee);
            } catch (RuntimeException failed) {
                trainee.kill();
                throw failed;
            }
            // the JVM prints its own report of writing the cache on stdout after the last frame,
            // so it is judged by its exit code and the file, not by the protocol
            trainee.shutdown(Duration.ofNanos(Math.max(1, deadline.remainingNanos())));
            OptionalInt exit = trainee.exitCode();
            if (exit.isEmpty() || exit.getAsInt() != 0 || !Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IOException("the training worker ended with " + (exit.isPresent() ? "exit code " + exit.getAsInt()
                        : "no exit code") + " and " + (Files.isRegularFile(cache) ? Files.size(cache) + " bytes" : "no file")
                        + " at " + cache + "; its stderr: " + trainee.stderrText().strip());
            }
        } finally {
            Files.deleteIfExists(Path.of(cache + ".config"));
        }
    }

    /**
     * One order of every workload kind and every kernel, so every tag of the codec is
     * decoded: io calls the server on {@code ioPort}, contention updates {@code counter}.
     */
    static List<WorkOrder> orders(int ioPort, Path counter) {
        Tree tree = new Tree("tree", 3, 4);
        Relay relay = new Relay("handoff", 2, 10);
        return List.of(
                new WorkOrder.RunUnits(new Batch("cpu", new Primes(20_000), 4), 0, 4),
                new WorkOrder.RunUnits(new Batch("blocking", new Sleep(1), 2), 0, 2),
                new WorkOrder.RunUnits(new Batch("spawn", new Identity(), 1_000), 0, 1_000),
                new WorkOrder.RunUnits(new Batch("mixed", new Mixed(100, 1), 2), 0, 2),
                new WorkOrder.RunUnits(new Batch("io", new Request(ioPort, 0), 2), 0, 2),
                new WorkOrder.RunUnits(new Batch("park", new Park(1), 2), 0, 2),
                new WorkOrder.RunUnits(new Batch("demo", new WhoRuns(), 1), 0, 1),
                new WorkOrder.RunUnits(new Batch("demo", new Ticker(0, 1), 1), 0, 1),
                new WorkOrder.RunUnits(new Batch("probe", new Probe(0, 0), 1), 0, 1),
                new WorkOrder.RunUnits(WITH_PAYLOAD, 0, WITH_PAYLOAD.units()),
                new WorkOrder.SumSubtree(tree, 0, tree.leaves()),
                new WorkOrder.JoinChildren(tree, new long[] {1, 2, 3}),
                new WorkOrder.PassToken(relay, 0, 0),
                new WorkOrder.ContendWorkers(contention(LockKind.SYNCHRONIZED), counter, 0, 2),
                new WorkOrder.ContendWorkers(contention(LockKind.ATOMIC), counter, 0, 2));
    }

    /** Two workers on one stripe: the file lock and the atomic add both run, on the same counter file. */
    private static Contention contention(LockKind lock) {
        return new Contention("contention", 2, 100, lock, 0, 1);
    }

    private static void awaitReplies(Inbox inbox, int expected, Deadline deadline, WorkerProcess trainee) {
        int replies = 0;
        while (replies < expected) {
            WorkerEvent event = inbox.nextUninterruptibly(deadline);
            switch (event) {
                case null -> throw trainee.failure("did not answer the training orders within " + Durations.text(TIMEOUT));
                case WorkerEvent.Ended ended -> throw trainee.lostFailure();
                case WorkerEvent.Delivered delivered -> {
                    // the bytes of a unit; its order's reply follows
                }
                case WorkerEvent.Replied replied -> replies++;
            }
        }
    }
}
