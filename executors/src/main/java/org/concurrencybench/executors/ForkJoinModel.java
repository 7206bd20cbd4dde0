package org.concurrencybench.executors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.RequestsAtOnce;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * A {@link ForkJoinPool} of parallelism P: divide and conquer with work stealing. A batch is a
 * {@link RecursiveTask} over a range of units that halves itself with {@code invokeAll} down to
 * single units, so every unit is a task, as in the other models; a tree is the classic task
 * per node that forks its children and joins them.
 *
 * <p>Blocking units (sleep, park, probe, ticker, an io unit's plain socket client, a mixed unit's
 * sleep after its prime counting) run inside {@link ForkJoinPool#managedBlock}, the way the
 * JDK's own blocking calls behave in a fork/join pool: while a worker blocks, the pool starts or
 * wakes a spare so that P threads keep running. That is what an expert writes when fork/join tasks must block, and it makes
 * fork-join's blocking figure a measure of that compensation: up to {@link #MAX_SPARES} spare
 * threads beyond P (the bound the common pool uses), not of P threads sleeping in turn, which
 * the thread-pool model already shows. At the bound the pool carries on with the threads it
 * has instead of refusing the work. So at most P + {@link #MAX_SPARES} io requests, and their
 * sockets, are in flight at once. A contention run is a task per worker over one shared
 * counter, split the same way as a batch.
 *
 * <p>{@code pool.invoke} cannot be interrupted and cancelling a fork/join task does not
 * interrupt the worker running it, so the caller waits with {@code get()}, which an interrupt
 * ends, and the {@link RunTracker} interrupts the units of a failed or abandoned run.
 *
 * <p>It serves through the poller the pool models share ({@link PollerServer}): each parsed
 * request is a task on a {@code ForkJoinPool(P)} of the server's own ({@link ForkJoinHandlers})
 * that computes its slice as plain work and sleeps in a managed block, so spare threads overlap
 * the waits, up to P + {@link #MAX_SPARES} requests at a time.
 */
public final class ForkJoinModel extends AbstractConcurrencyModel {

    public static final String ID = "fork-join";

    /** Spare threads the pool may add while workers block: the common pool's default. */
    static final int MAX_SPARES = RequestsAtOnce.SPARES;

    private final NamedThreads threads;
    private final ForkJoinPool pool;

    public ForkJoinModel(int parallelism) {
        super(ID, parallelism);
        threads = new NamedThreads(threadName("worker-"));
        pool = new ForkJoinPool(parallelism, threads, null, false,
                0, parallelism + MAX_SPARES, 1, atTheBound -> true, 60, TimeUnit.SECONDS);
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        return runRange(batch, tracker, batch.units(), unitsOf(batch, tracker));
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        SharedCounter counter = contention.newCounter();
        runRange(contention, tracker, contention.workers(),
                worker -> tracker.runUnit(worker(contention, counter, worker)));
        // the range task joined every worker's task: their updates happen-before this read
        return counter.total();
    }

    /**
     * Tasks {@code [0, count)} split by halves, task {@code i} running {@code unit.applyAsLong(i)},
     * which runs it through the tracker; the sum of their results.
     */
    private long runRange(Workload workload, RunTracker tracker, int count, IntToLongFunction unit)
            throws InterruptedException {
        ForkJoinTask<Long> all = pool.submit(new RangeTask(unit, 0, count, tracker));
        try {
            return all.get();
        } catch (ExecutionException failed) {
            throw failure(workload, tracker.failureOr(failed));
        } finally {
            tracker.stop();
            if (!all.isCompletedNormally()) {
                awaitQuiescence();
            }
        }
    }

    /**
     * {@code invokeAll} rethrows a half's failure without waiting for the other half, so after
     * a failed run some of its range tasks may still be unwinding, their units already stopped,
     * or running a unit that only computes, which the tracker does not wait for. The pool is this
     * model's alone: when it is quiescent, nothing of the run is left.
     */
    private void awaitQuiescence() {
        pool.awaitQuiescence(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    /** Units (or workers) {@code [from, to)}: halves until a single one is left, which it runs. */
    private static final class RangeTask extends RecursiveTask<Long> {

        private final IntToLongFunction unit;
        private final int from;
        private final int to;
        private final RunTracker tracker;

        RangeTask(IntToLongFunction unit, int from, int to, RunTracker tracker) {
            this.unit = unit;
            this.from = from;
            this.to = to;
            this.tracker = tracker;
        }

        @Override
        protected Long compute() {
            if (tracker.isCancelled()) {
                throw new CancellationException("the run was cancelled");
            }
            if (to - from == 1) {
                return unit.applyAsLong(from);
            }
            int middle = (from + to) >>> 1;
            RangeTask left = new RangeTask(unit, from, middle, tracker);
            RangeTask right = new RangeTask(unit, middle, to, tracker);
            invokeAll(left, right);
            return left.join() + right.join();
        }
    }

    /**
     * The batch's units as the pool should run them, chosen once per run from its kernel: what
     * blocks inside a managed block, what computes as plain work. A mixed unit is both: its prime
     * counting is work that should not make the pool start a spare, and only its sleep is a
     * managed block. Making and summing a unit's payload is work too, so it stays outside the
     * block. A unit that waits runs inside the tracker, so that a cancellation interrupts it; one
     * that only computes is only refused once the run is cancelled ({@link RunTracker#compute}).
     */
    private static IntToLongFunction unitsOf(Batch batch, RunTracker tracker) {
        return switch (batch.kernel()) {
            case Sleep sleep -> unit -> tracker.runUnit(blocking(batch, unit));
            case Park park -> unit -> tracker.runUnit(blocking(batch, unit));
            case Probe probe -> unit -> tracker.runUnit(blocking(batch, unit));
            case Ticker ticker -> unit -> tracker.runUnit(blocking(batch, unit));
            case Request request -> unit -> tracker.runUnit(blocking(batch, unit));
            case Mixed mixed -> unit -> tracker.runUnit(() -> {
                long count = mixed.compute(unit);
                return batch.withPayload(unit, Blocker.run(() -> {
                    Thread.sleep(mixed.delayMs());
                    return count;
                }));
            });
            case Primes primes -> unit -> tracker.compute(batch, unit);
            case Identity identity -> unit -> tracker.compute(batch, unit);
            case WhoRuns whoRuns -> unit -> tracker.compute(batch, unit);
        };
    }

    /** A unit whose kernel blocks: the kernel as a managed block, then its payload as work. */
    private static RunTracker.Unit blocking(Batch batch, int unit) {
        return () -> batch.withPayload(unit, Blocker.run(() -> batch.runKernel(unit)));
    }

    /**
     * Worker {@code worker} of a contention run. Without a wait inside the lock a worker only
     * computes (and, contended, spins or parks briefly on the lock), so it is plain work: a
     * managed block would start a spare per worker for nothing. With a wait inside, the whole
     * worker is one managed block: it spends its time either sleeping inside the critical
     * section or blocked waiting to enter it, and both are waits the pool should compensate for,
     * or P workers waiting for one holder would starve every other task. A managed block inside
     * a held monitor is safe where a join would not be: {@code managedBlock} never runs another
     * task on the blocked thread, so no other worker can re-enter the monitor this thread holds
     * (monitors are reentrant) and break its mutual exclusion; the pool runs the others on a
     * spare instead. The cost is fork/join's usual price for blocking: up to {@link #MAX_SPARES}
     * spare threads while workers wait for one contended lock.
     */
    private static RunTracker.Unit worker(Contention contention, SharedCounter counter, int worker) {
        RunTracker.Unit work = () -> {
            counter.work(worker);
            return 0;
        };
        return contention.holdMs() == 0 ? work : () -> Blocker.run(work);
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        try {
            // every node joins its children, so the root settles only after the whole tree has
            return tracker.await(pool.submit(new Subtree(tree, tree.root(), tracker)));
        } catch (ExecutionException failed) {
            throw failure(tree, failed);
        }
    }

    /** A node's sum: forks its children, joins them. */
    private static final class Subtree extends RecursiveTask<Long> {

        private final Tree tree;
        private final Node node;
        private final RunTracker tracker;

        Subtree(Tree tree, Node node, RunTracker tracker) {
            this.tree = tree;
            this.node = node;
            this.tracker = tracker;
        }

        @Override
        protected Long compute() {
            if (node.isLeaf()) {
                return node.leafValue();
            }
            if (tracker.isCancelled()) {
                return 0L;
            }
            Subtree[] children = new Subtree[tree.width()];
            for (int i = 0; i < children.length; i++) {
                children[i] = new Subtree(tree, node.child(i, tree.width()), tracker);
            }
            invokeAll(children);
            long sum = 0;
            for (Subtree child : children) {
                sum += child.join();
            }
            return sum;
        }
    }

    /**
     * A relay is hand-off tasks, as in the thread-pool model. Fork/join has no better idiom for
     * a ring: there is nothing to divide and nothing to join, only one token moving. A hop is
     * forked onto the current worker's own deque, which that worker pops next unless an idle
     * one steals it first, so the figure measures a task hand-off through the deque.
     */
    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        CompletableFuture<Long> answer = new CompletableFuture<>();
        pool.execute(new Hop(relay, Token.first(), answer, tracker));
        try {
            return tracker.await(answer);
        } catch (ExecutionException failed) {
            throw failure(relay, failed);
        }
    }

    /** A worker's handling of the token: ends the relay, or forks the next worker's. */
    private static final class Hop extends RecursiveAction {

        private final Relay relay;
        private final Token token;
        private final CompletableFuture<Long> answer;
        private final RunTracker tracker;

        Hop(Relay relay, Token token, CompletableFuture<Long> answer, RunTracker tracker) {
            this.relay = relay;
            this.token = token;
            this.answer = answer;
            this.tracker = tracker;
        }

        @Override
        protected void compute() {
            try {
                if (token.isLast(relay)) {
                    answer.complete(token.answer(relay));
                } else if (tracker.isCancelled()) {
                    answer.cancel(false);
                } else {
                    new Hop(relay, token.passedOn(relay), answer, tracker).fork();
                }
            } catch (RuntimeException | Error thrown) {
                // no one joins a hop: its failure must reach the caller through the answer
                answer.completeExceptionally(thrown);
            }
        }
    }

    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) throws IOException {
        return PollerServer.start(id(), serve, address, threadName("serve-poller"),
                new ForkJoinHandlers(id(), threadName("serve-worker-"), serve, parallelism()));
    }

    @Override
    protected void shutdown() {
        PoolShutdown.shutdownNowAndAwait(id(), pool, threads);
    }

    /** The fork-join model's entry for {@link java.util.ServiceLoader}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "executors", 30, ForkJoinModel::new, ModelDescription
                    .of("ForkJoinPool(P), RecursiveTask splitting, work stealing; blocking units as managed blocks")
                    .on("batch", "halves the range with RecursiveTask and invokeAll down to a task per unit, with"
                            + " work stealing")
                    .on("blocking", "runs each sleep as a ForkJoinPool.ManagedBlocker, so the pool starts spare"
                            + " threads while its workers sleep: it overlaps far more than P sleeps, and its figure"
                            + " measures that compensation, not P threads sleeping in turn")
                    .on("mixed", "computes each slice as plain work and sleeps in a ManagedBlocker, so spare threads"
                            + " overlap the waits")
                    .on("io", "blocks in a ManagedBlocker, adding spare threads while requests wait")
                    .on("tree", "a RecursiveTask per node that forks and joins its children")
                    .on("relay", "runs each worker's step as a task on the pool")
                    .on("contention", "a task per worker on P threads; with a wait inside the lock each worker runs"
                            + " as a ManagedBlocker, adding spare threads while workers wait")
                    .on("pinning", "runs each worker as a ManagedBlocker, so spare threads overlap the waits")
                    .on("serve", "one poller thread reads and parses every connection; each request is a task on a"
                            + " ForkJoinPool(P) that computes as plain work and sleeps in a ManagedBlocker, so up to"
                            + " 256 spare threads overlap the waits")
                    .serving(RequestsAtOnce.PARALLELISM_AND_SPARES));
        }
    }
}
