package org.concurrencybench.executors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
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
 * {@link CompletableFuture} stages over a fixed pool of P platform threads: work is composed,
 * not waited for. A unit that blocks still blocks the pool thread running it; the async model
 * is the one that does not.
 *
 * <p>A batch is {@code supplyAsync} per unit joined by {@code allOf}: one n-ary join, which the
 * library builds as a balanced tree of relays, where a {@code thenCombine} reduction would be a
 * chain N stages long and add a stage per unit. {@code allOf} waits for every unit even after
 * one has failed, so the first failure, which cancels the run, completes it at once. A unit
 * that blocks (a sleep, an io unit's plain socket client) holds its pool thread, so at most P
 * requests are in flight. A contention run is {@code supplyAsync} per worker over one shared
 * counter, joined the same way.
 *
 * <p>A tree node's future is the {@code thenCombine} of its children's futures; a relay is a
 * chain of {@code thenComposeAsync} stages, each hop a stage on the pool for the worker that
 * receives the token, built one hop at a time.
 *
 * <p>It serves through the poller the pool models share ({@link PollerServer}): each parsed
 * request is {@code supplyAsync} of its slice, then a stage that sleeps and makes the response,
 * on a fixed pool of P threads of the server's own ({@link CompletableFutureHandlers}). The
 * sleeping stage holds its thread, so P requests are in flight at a time.
 */
public final class CompletableFutureModel extends AbstractConcurrencyModel {

    public static final String ID = "completable-future";

    // Live bytes per stage kept, measured on JDK 25 with compressed references and rounded up;
    // a queued unit or contention worker was its future, its task, its queue node, a failure
    // relay and its part of allOf's tree (286); without the relay it is less, so the bound has a
    // margin. The other figures carry none, so a run may fill half the heap with them.
    private static final long BYTES_PER_UNIT = 300;
    private static final long BYTES_PER_LEAF = 300;
    private static final long BYTES_PER_HOP = 64;
    private static final long BYTES_PER_WORKER = 300;

    private final HeapBudget heap = HeapBudget.ofThisJvm(HeapBudget.HALF_THE_HEAP);
    private final NamedFixedPool workers;
    private final ExecutorService pool;

    public CompletableFutureModel(int parallelism) {
        super(ID, parallelism);
        workers = new NamedFixedPool(id(), threadName("worker-"), parallelism);
        pool = workers.executor();
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return switch (workload) {
            case Batch batch -> heap.check("units", batch.units(), BYTES_PER_UNIT,
                    "every unit's future is made before allOf can complete");
            case Tree tree -> heap.check("width^depth (the leaves)", tree.leaves(), BYTES_PER_LEAF,
                    "the pool's queue is first-in first-out, so every leaf's stage is made before the first one runs");
            case Relay relay -> heap.check("hops", relay.hops(), BYTES_PER_HOP,
                    "each hop's composed stage waits for the next, so all are kept until the last hop");
            case Contention contention -> heap.check(contention, BYTES_PER_WORKER,
                    HeapBudget.BYTES_PER_COUNTER_STRIPE, "every worker's future is made before allOf can complete");
        };
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        // the unit is made when its task runs, so a queued task holds only its lambda
        IntFunction<Supplier<Long>> stepOf = batch.kernel().waits()
                ? unit -> () -> tracker.runUnit(() -> batch.runUnit(unit))
                : unit -> () -> tracker.compute(batch, unit);
        return supplyAll(batch, tracker, batch.units(), stepOf);
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        SharedCounter counter = contention.newCounter();
        supplyAll(contention, tracker, contention.workers(), worker -> () -> tracker.runUnit(() -> {
            counter.work(worker);
            return 0;
        }));
        // every worker's future has completed: their updates happen-before this read
        return counter.total();
    }

    /** {@code supplyAsync} of {@code count} steps, step {@code i} being {@code stepOf.apply(i)}; their sum. */
    private long supplyAll(Workload workload, RunTracker tracker, int count, IntFunction<Supplier<Long>> stepOf)
            throws InterruptedException {
        List<CompletableFuture<Long>> futures = new ArrayList<>(count);
        boolean answered = false;
        try {
            for (int index = 0; index < count; index++) {
                futures.add(CompletableFuture.supplyAsync(stepOf.apply(index), pool));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
            // allOf waits for every unit even after one has failed; a unit fails only inside the
            // tracker, whose cancellation ends the wait at once
            tracker.onCancel(() -> all.completeExceptionally(new CancellationException("the run was cancelled")));
            all.get();
            long sum = futures.stream().mapToLong(CompletableFuture::join).sum();
            answered = true;
            return sum;
        } catch (ExecutionException | CancellationException failed) {
            throw failure(workload, tracker.failureOr(failed));
        } finally {
            // the tasks still queued are refused when they reach a thread
            tracker.stop();
            if (!answered) {
                // the units that only compute are not tracked: their futures say when they have ended
                RunTracker.awaitSettled(futures);
            }
        }
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        try {
            return tracker.await(subtree(tree, tree.root(), tracker));
        } catch (ExecutionException failed) {
            throw failure(tree, failed);
        }
    }

    /** A node as a task on the pool; an inner node's task answers with the combination of its children. */
    private CompletableFuture<Long> subtree(Tree tree, Node node, RunTracker tracker) {
        if (node.isLeaf()) {
            return CompletableFuture.supplyAsync(node::leafValue, pool);
        }
        return CompletableFuture.supplyAsync(() -> combineChildren(tree, node, tracker), pool)
                .thenCompose(Function.identity());
    }

    /**
     * The sum of the node's children, as a future: a combination waits for both of its inputs,
     * failed or not, so the root settles only after every node has.
     */
    private CompletableFuture<Long> combineChildren(Tree tree, Node node, RunTracker tracker) {
        if (tracker.isCancelled()) {
            throw new CancellationException("the run was cancelled");
        }
        CompletableFuture<Long> sum = subtree(tree, node.child(0, tree.width()), tracker);
        for (int i = 1; i < tree.width(); i++) {
            sum = sum.thenCombine(subtree(tree, node.child(i, tree.width()), tracker), Long::sum);
        }
        return sum;
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        try {
            return tracker.await(journey(relay, Token.first(), tracker));
        } catch (ExecutionException failed) {
            throw failure(relay, failed);
        }
    }

    /**
     * The rest of the token's journey from its holder. The next hop is a stage on the pool,
     * built only when it runs: the stack does not grow, and the stages built so far wait for
     * the last one, which settles them all on one pass.
     */
    private CompletableFuture<Long> journey(Relay relay, Token token, RunTracker tracker) {
        if (token.isLast(relay)) {
            return CompletableFuture.completedFuture(token.answer(relay));
        }
        return CompletableFuture.completedFuture(token.passedOn(relay)).thenComposeAsync(received -> {
            if (tracker.isCancelled()) {
                throw new CancellationException("the run was cancelled");
            }
            return journey(relay, received, tracker);
        }, pool);
    }

    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) throws IOException {
        return PollerServer.start(id(), serve, address, threadName("serve-poller"),
                new CompletableFutureHandlers(id(), threadName("serve-worker-"), serve, parallelism()));
    }

    @Override
    protected void shutdown() {
        workers.shutdownNowAndAwait();
    }

    /** The completable-future model's entry for {@link java.util.ServiceLoader}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "executors", 40, CompletableFutureModel::new, ModelDescription
                    .of("supplyAsync / thenCombine / allOf / thenComposeAsync over a fixed pool of P threads")
                    .on("batch", "a supplyAsync stage per unit on a fixed pool of P threads, joined with allOf")
                    .on("blocking", "a stage per unit on P threads; a sleeping stage holds its thread, so P sleeps"
                            + " overlap: the figure measures the cap of P")
                    .on("mixed", "holds one of its P threads through each sleep, so at most P waits overlap")
                    .on("io", "blocks one of its P threads in each read: P requests are in flight at a time")
                    .on("tree", "a future per node, the children's sums combined with thenCombine")
                    .on("relay", "each hop a stage chained with thenComposeAsync on the pool")
                    .on("contention", "a stage per worker on P threads, over one shared counter")
                    .on("pinning", "waits on its P threads, P at a time")
                    .on("serve", "one poller thread reads and parses every connection; each request is supplyAsync"
                            + " of its slice then a stage that sleeps and writes, on a fixed pool of P threads, so P"
                            + " requests are in flight at a time")
                    .serving(RequestsAtOnce.PARALLELISM));
        }
    }
}
