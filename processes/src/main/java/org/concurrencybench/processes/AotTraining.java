package org.concurrencybench.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;

/**
 * The training run that writes an AOT cache: a real worker, started with
 * {@code -XX:AOTCacheOutput}, is sent one request of every kind and every kernel (one that
 * fails and one that prints among them), so the cache holds what any worker loads, then
 * told to shut down; the JVM writes the cache as it exits.
 */
final class AotTraining {

    /** Training plus writing the cache (a second JVM the worker starts at exit) takes seconds, not minutes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private AotTraining() {
    }

    /** Trains a worker of {@code worker} and writes its AOT cache to {@code cache}. */
    static void run(WorkerCommand worker, Path cache) throws IOException {
        Tree tree = new Tree("tree", 3, 4);
        Relay relay = new Relay("handoff", 2, 10);
        List<Request> requests = List.of(
                new Request.RunUnits(new Batch("cpu", new Primes(20_000), 4), 0, 4),
                new Request.RunUnits(new Batch("blocking", new Sleep(1), 2), 0, 2),
                new Request.RunUnits(new Batch("spawn", new Identity(), 1_000), 0, 1_000),
                new Request.RunUnits(new Batch("demo", new WhoRuns(), 1), 0, 1),
                new Request.RunUnits(new Batch("demo", new Ticker(0, 1), 1), 0, 1),
                new Request.RunUnits(new Batch("probe", new Probe(0, 0), 1), 0, 1),
                new Request.SumSubtree(tree, 0, tree.leaves()),
                new Request.JoinChildren(tree, new long[] {1, 2, 3}),
                new Request.PassToken(relay, 0, 0));
        Inbox inbox = new Inbox();
        Deadline deadline = Deadline.after(TIMEOUT);
        try (ShutdownGuard guard = new ShutdownGuard("aot-training")) {
            WorkerProcess trainee = WorkerProcess.start(worker.withOptions(List.of("-XX:AOTCacheOutput=" + cache)).command(),
                    "aot-training", inbox, line -> { }, guard);
            try {
                for (int id = 0; id < requests.size(); id++) {
                    trainee.send(id, requests.get(id));
                }
                awaitReplies(inbox, requests.size(), deadline, trainee);
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

    private static void awaitReplies(Inbox inbox, int expected, Deadline deadline, WorkerProcess trainee) {
        int replies = 0;
        while (replies < expected) {
            WorkerEvent event = inbox.nextUninterruptibly(deadline);
            switch (event) {
                case null -> throw trainee.failure("did not answer the training requests within " + Durations.text(TIMEOUT));
                case WorkerEvent.Ended ended -> throw trainee.lostFailure();
                case WorkerEvent.Replied replied -> replies++;
            }
        }
    }
}
