package org.concurrencybench.executors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.RequestsAtOnce;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.HeapBudget;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * A fixed pool of P platform threads ({@code Executors.newFixedThreadPool}): the executor
 * every Java server has, and the counterpart of Python's {@code ThreadPoolExecutor}.
 *
 * <p>A batch is one task per unit, so that spawn measures a submit and a {@code Future.get} per
 * task; the first unit to fail cancels the run (see {@link RunTracker}), so the caller, waiting
 * for the answers in order, meets a settled future at once. A unit keeps the pool thread that
 * took it until it ends, waits included: an io unit is the plain socket client, so at most P
 * requests (P sockets) are in flight. A contention run is one task per worker, all updating one
 * shared counter; a worker that waits inside the lock keeps its thread while it waits.
 *
 * <p>A pool thread never waits for another task: a fixed pool whose threads wait for their
 * children deadlocks as soon as P of them do. So a tree node submits its children and returns,
 * and the children report their sums upward; a relay worker hands the token on by submitting
 * the next worker's handling of it, as an actor does over an executor. Only the caller waits.
 *
 * <p>It serves as a servlet container does: a fixed pool of {@link Serve#poolThreads()} handler
 * threads (200 by default, Tomcat's maxThreads), fed by one poller thread that reads and parses
 * every connection ({@link PollerServer}, the shape of Tomcat's NIO connector); a handler
 * computes the slice, sleeps and writes the response. A poller rather than a pool thread blocked
 * on each connection: a kept-alive connection would hold its thread for its whole life, so with
 * more connections than threads the rest would starve, where the poller holds a thread only for a
 * request in progress and gives the clean limit of poolThreads requests in flight.
 */
public final class ThreadPoolModel extends AbstractConcurrencyModel {

    public static final String ID = "thread-pool";

    // Live bytes per queued task, measured on JDK 25 with compressed references and rounded up
    // when a unit was its FutureTask, a completion service's wrapper and their queue nodes (145);
    // it is now the FutureTask, its queue node and its lambda, less, so the bound has a margin. A
    // contention worker is the same task.
    private static final long BYTES_PER_UNIT = 200;
    private static final long BYTES_PER_LEAF = 100;
    private static final long BYTES_PER_WORKER = 200;

    private final HeapBudget heap = HeapBudget.ofThisJvm(HeapBudget.HALF_THE_HEAP);
    private final NamedFixedPool workers;
    private final ExecutorService pool;

    public ThreadPoolModel(int parallelism) {
        super(ID, parallelism);
        workers = new NamedFixedPool(id(), threadName("worker-"), parallelism);
        pool = workers.executor();
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return switch (workload) {
            case Batch batch -> heap.check("units", batch.units(), BYTES_PER_UNIT,
                    "every unit is submitted before the answers are taken, so all are queued at once");
            case Tree tree -> heap.check("width^depth (the leaves)", tree.leaves(), BYTES_PER_LEAF,
                    "the pool's queue is first-in first-out, so every leaf is queued before the first one runs");
            case Relay relay -> Optional.empty();
            case Contention contention -> heap.check(contention, BYTES_PER_WORKER,
                    HeapBudget.BYTES_PER_COUNTER_STRIPE, "every worker is submitted before the first is awaited,"
                            + " so all are queued at once");
        };
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        // the unit is made when its task runs, so a queued task holds only its lambda
        IntFunction<Callable<Long>> taskOf = batch.kernel().waits()
                ? unit -> () -> tracker.runUnit(() -> batch.runUnit(unit))
                : unit -> () -> tracker.compute(batch, unit);
        return runTasks(batch, tracker, batch.units(), taskOf);
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        SharedCounter counter = contention.newCounter();
        runTasks(contention, tracker, contention.workers(), worker -> () -> tracker.runUnit(() -> {
            counter.work(worker);
            return 0;
        }));
        // every worker's task has been taken: their updates happen-before this read
        return counter.total();
    }

    /**
     * {@code count} tasks, task {@code i} being {@code taskOf.apply(i)}; the sum of their results,
     * taken in submission order. That still fails fast: the first unit that fails cancels the run,
     * which interrupts every unit in progress and refuses every one still queued, so each future
     * the caller goes on to wait for settles at once.
     */
    private long runTasks(Workload workload, RunTracker tracker, int count, IntFunction<Callable<Long>> taskOf)
            throws InterruptedException {
        List<Future<Long>> futures = new ArrayList<>(count);
        boolean answered = false;
        try {
            for (int index = 0; index < count; index++) {
                futures.add(pool.submit(taskOf.apply(index)));
            }
            long sum = 0;
            for (Future<Long> future : futures) {
                sum += future.get();
            }
            answered = true;
            return sum;
        } catch (ExecutionException unitFailed) {
            throw failure(workload, tracker.failureOr(unitFailed));
        } finally {
            // the tasks still queued are refused when they reach a thread
            tracker.stop();
            if (!answered) {
                // the units that only compute are not tracked: their tasks say when they have ended
                RunTracker.awaitSettled(futures);
            }
        }
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        CompletableFuture<Long> answer = new CompletableFuture<>();
        pool.execute(() -> visit(tree, tree.root(), answer::complete, tracker));
        try {
            return tracker.await(answer);
        } catch (ExecutionException failed) {
            throw failure(tree, failed);
        }
    }

    /** One node's task: a leaf reports its ordinal, an inner node submits its children. */
    private void visit(Tree tree, Node node, LongConsumer parent, RunTracker tracker) {
        if (node.isLeaf()) {
            parent.accept(node.leafValue());
        } else if (tracker.isCancelled()) {
            // its subtree never starts; reporting still lets every node above it finish
            parent.accept(0);
        } else {
            ChildSums children = new ChildSums(tree.width(), parent);
            for (int i = 0; i < tree.width(); i++) {
                Node child = node.child(i, tree.width());
                pool.execute(() -> visit(tree, child, children, tracker));
            }
        }
    }

    /** An inner node waiting for its children without a thread: the last to report passes the sum up. */
    private static final class ChildSums implements LongConsumer {

        private final AtomicLong sum = new AtomicLong();
        private final AtomicInteger pending;
        private final LongConsumer parent;

        ChildSums(int children, LongConsumer parent) {
            this.pending = new AtomicInteger(children);
            this.parent = parent;
        }

        @Override
        public void accept(long childSum) {
            sum.addAndGet(childSum);
            if (pending.decrementAndGet() == 0) {
                parent.accept(sum.get());
            }
        }
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        CompletableFuture<Long> answer = new CompletableFuture<>();
        deliver(relay, Token.first(), answer, tracker);
        try {
            return tracker.await(answer);
        } catch (ExecutionException failed) {
            throw failure(relay, failed);
        }
    }

    /** Hands the token to its holder: that worker's handling of it is a task on the pool. */
    private void deliver(Relay relay, Token token, CompletableFuture<Long> answer, RunTracker tracker) {
        pool.execute(() -> receive(relay, token, answer, tracker));
    }

    /** What a worker does with the token: ends the relay, or passes it on. */
    private void receive(Relay relay, Token token, CompletableFuture<Long> answer, RunTracker tracker) {
        try {
            if (token.isLast(relay)) {
                answer.complete(token.answer(relay));
            } else if (tracker.isCancelled()) {
                answer.cancel(false);
            } else {
                deliver(relay, token.passedOn(relay), answer, tracker);
            }
        } catch (RuntimeException | Error thrown) {
            // no one joins a hand-off task: its failure must reach the caller through the answer
            answer.completeExceptionally(thrown);
        }
    }

    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) throws IOException {
        return PollerServer.start(id(), serve, address, threadName("serve-poller"),
                new ThreadPoolHandlers(id(), threadName("serve-handler-"), serve));
    }

    @Override
    protected void shutdown() {
        workers.shutdownNowAndAwait();
    }

    /** The thread-pool model's entry for {@link java.util.ServiceLoader}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "executors", 20, ThreadPoolModel::new, ModelDescription
                    .of("fixed pool of P platform threads; a task per unit, node and hop")
                    .with(ModelTrait.COMMON_SERVER)
                    .on("batch", "submits a task per unit to P platform threads that already exist")
                    .on("blocking", "a task per unit on P threads; a sleeping task holds its thread, so P sleeps"
                            + " overlap: the figure measures the cap of P, not the cost of a thread")
                    .on("mixed", "holds one of its P threads through each sleep, so at most P waits overlap")
                    .on("io", "blocks one of its P threads in each read: P requests are in flight at a time")
                    .on("transfer", "a task per unit on P threads; the bytes reach the caller by reference")
                    .on("tree", "a task per node; a node submits its children and reports its sum upward, because a"
                            + " pool thread that waited for its children would deadlock the pool")
                    .on("relay", "runs each worker's step as a task on the pool: a hop is a task handed between"
                            + " pool threads")
                    .on("contention", "a task per worker on P threads, over one shared counter")
                    .on("pinning", "waits on its P threads, P at a time")
                    .on("serve", "one poller thread reads and parses every connection and hands each request to a"
                            + " fixed pool of poolThreads handler threads (200 by default, Tomcat's maxThreads),"
                            + " which computes, sleeps and writes the response: poolThreads requests are in flight"
                            + " at a time, however many connections are open")
                    .serving(RequestsAtOnce.POOL_THREADS));
        }
    }
}
