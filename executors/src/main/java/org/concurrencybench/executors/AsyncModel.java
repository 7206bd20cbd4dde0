package org.concurrencybench.executors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;

/**
 * Java's asyncio: {@link CompletableFuture}s that never hold a thread while they wait. Work
 * runs on a fixed pool of P platform threads, the event loop's part; a wait is a timer.
 *
 * <p>Each kernel says how its units wait, in a switch the compiler checks for every kind: a
 * sleep is a future that a timer completes ({@code completeOnTimeout}), so a thousand sleeping
 * units cost a thousand timers and no thread; a probe's hold is such a timer too, and so is a
 * mixed unit's wait, after its prime counting has run on the pool. A ticker prints, which is
 * work, so each tick is a stage the timer hands to the pool after the delay
 * ({@code delayedExecutor}), as {@code await asyncio.sleep(d)} resumes on the loop. Prime
 * counting, identity and who-runs are work and run on the pool.
 *
 * <p>The timers are the JDK's: one daemon thread, started once for every
 * {@code CompletableFuture} in the JVM, fires them all; a cancelled timed future removes its
 * timer. A tree is {@code asyncio.gather}: each node a task on the pool whose sum is a
 * continuation of its children's; a relay is workers awaiting their inboxes, each woken by the
 * token as a continuation on the pool.
 */
public final class AsyncModel extends AbstractConcurrencyModel {

    public static final String ID = "async";

    // Live bytes per unit or leaf, measured on JDK 25 with compressed references and rounded up;
    // a sleeping unit is its future and its timer.
    private static final long BYTES_PER_UNIT = 350;
    private static final long BYTES_PER_LEAF = 300;

    private final NamedThreads threads;
    private final ExecutorService pool;

    public AsyncModel(int parallelism) {
        super(ID, parallelism);
        threads = new NamedThreads(threadName("worker-"));
        pool = Executors.newFixedThreadPool(parallelism, threads);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return switch (workload) {
            case Batch batch -> HeapBudget.check("units", batch.units(), BYTES_PER_UNIT,
                    "every unit is started before any is awaited, so all are pending at once");
            case Tree tree -> HeapBudget.check("width^depth (the leaves)", tree.leaves(), BYTES_PER_LEAF,
                    "the pool's queue is first-in first-out, so every leaf's task is made before the first one runs");
            case Relay relay -> Optional.empty();
        };
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        List<CompletableFuture<Long>> units = new ArrayList<>(batch.units());
        for (int unit = 0; unit < batch.units(); unit++) {
            units.add(start(batch, unit, tracker));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(units.toArray(CompletableFuture[]::new));
        for (CompletableFuture<Long> unit : units) {
            // allOf waits for every unit even after one has failed: the first failure ends it at once
            unit.whenComplete((result, thrown) -> {
                if (thrown != null) {
                    all.completeExceptionally(thrown);
                }
            });
        }
        try {
            all.get();
            return units.stream().mapToLong(CompletableFuture::join).sum();
        } catch (ExecutionException failed) {
            throw failure(batch, tracker.failureOr(failed));
        } finally {
            // a cancelled timed future takes its timer with it
            units.forEach(unit -> unit.cancel(false));
            tracker.stop();
        }
    }

    /** Starts unit {@code unit} the way its kernel waits, and returns its result to come. */
    private CompletableFuture<Long> start(Batch batch, int unit, RunTracker tracker) {
        return switch (batch.kernel()) {
            case Sleep sleep -> after(sleep.delayMs(), unit);
            case Mixed mixed -> workThenWait(() -> mixed.compute(unit), mixed.delayMs(), tracker);
            case Probe probe -> probe(probe, batch.units(), unit, tracker);
            case Ticker ticker -> tick(ticker, unit, tracker);
            case Primes primes -> onPool(batch, unit, tracker);
            case Identity identity -> onPool(batch, unit, tracker);
            case WhoRuns whoRuns -> onPool(batch, unit, tracker);
        };
    }

    /** {@code value}, {@code delayMs} from now: a timer completes it and no thread waits. */
    private static CompletableFuture<Long> after(long delayMs, long value) {
        return new CompletableFuture<Long>().completeOnTimeout(value, delayMs, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Long> onPool(Batch batch, int unit, RunTracker tracker) {
        return CompletableFuture.supplyAsync(() -> tracker.runUnit(() -> batch.runUnit(unit)), pool);
    }

    /**
     * A probe unit: its body runs on the pool at once, counted as the probe counts its units,
     * and unit {@code failAt} fails there; then its hold is a timer. The probe's own
     * {@code run} with a hold of 0 is exactly that body, without the blocking wait.
     */
    private CompletableFuture<Long> probe(Probe probe, int units, int unit, RunTracker tracker) {
        Probe body = new Probe(probe.failAt(), 0);
        return workThenWait(() -> body.run(unit, units), probe.holdMs(), tracker);
    }

    /**
     * {@code body} as a step on the pool, then its result held {@code delayMs} by a timer: the
     * pool thread is free again as soon as the work is done, as after {@code await} in a
     * coroutine. The returned future is the timed one, so cancelling it cancels its timer.
     */
    private CompletableFuture<Long> workThenWait(RunTracker.Unit body, long delayMs, RunTracker tracker) {
        CompletableFuture<Long> held = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> tracker.runUnit(body), pool)
                .whenComplete((result, thrown) -> {
                    if (thrown != null) {
                        held.completeExceptionally(thrown);
                    } else {
                        held.completeOnTimeout(result, delayMs, TimeUnit.MILLISECONDS);
                    }
                });
        return held;
    }

    /** The ticker's lines, each printed by a stage that the pool runs once its delay has passed. */
    private CompletableFuture<Long> tick(Ticker ticker, int unit, RunTracker tracker) {
        Executor afterDelay = CompletableFuture.delayedExecutor(ticker.delayOf(unit), TimeUnit.MILLISECONDS, pool);
        CompletableFuture<Long> ticking = CompletableFuture.supplyAsync(
                () -> print(tracker, () -> "Starting " + Ticker.workerName(unit), unit), pool);
        for (int tick = 0; tick < ticker.ticks(); tick++) {
            ticking = ticking.thenApplyAsync(index -> print(tracker, () -> Ticker.tickLine(unit), unit), afterDelay);
        }
        return ticking.thenApplyAsync(index -> print(tracker, () -> "Exiting " + Ticker.workerName(unit), unit), pool);
    }

    /** Prints a line made on the pool thread, as a step of unit {@code unit}, and answers the unit's index. */
    private static long print(RunTracker tracker, Supplier<String> line, int unit) {
        return tracker.runUnit(() -> {
            System.out.println(line.get());
            return unit;
        });
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        try {
            return tracker.await(spawn(tree, tree.root(), tracker));
        } catch (ExecutionException failed) {
            throw failure(tree, failed);
        }
    }

    /** {@code asyncio.create_task}: the node starts as a step of its own on the pool. */
    private CompletableFuture<Long> spawn(Tree tree, Node node, RunTracker tracker) {
        if (node.isLeaf()) {
            return CompletableFuture.supplyAsync(node::leafValue, pool);
        }
        return CompletableFuture.supplyAsync(() -> gatherChildren(tree, node, tracker), pool)
                .thenCompose(Function.identity());
    }

    /**
     * {@code sum(await asyncio.gather(*children))}: the sum is a continuation on the pool that
     * runs once every child is done, failed or not, so the root settles after every node.
     */
    private CompletableFuture<Long> gatherChildren(Tree tree, Node node, RunTracker tracker) {
        if (tracker.isCancelled()) {
            throw new CancellationException("the run was cancelled");
        }
        List<CompletableFuture<Long>> children = new ArrayList<>(tree.width());
        for (int i = 0; i < tree.width(); i++) {
            children.add(spawn(tree, node.child(i, tree.width()), tracker));
        }
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
                .thenApplyAsync(done -> children.stream().mapToLong(CompletableFuture::join).sum(), pool);
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        Ring ring = new Ring(relay, tracker);
        ring.start();
        try {
            return tracker.await(ring.answer);
        } catch (ExecutionException failed) {
            throw failure(relay, failed);
        }
    }

    /**
     * Workers that await their inboxes: a worker waiting for the token is a continuation
     * registered on its inbox, not a thread, and the token wakes it as a step on the pool.
     */
    private final class Ring {

        final CompletableFuture<Long> answer = new CompletableFuture<>();
        private final Relay relay;
        private final RunTracker tracker;
        /** Each worker's inbox: the next token it will receive. Handed between threads by the completions. */
        private final List<CompletableFuture<Token>> inboxes;

        Ring(Relay relay, RunTracker tracker) {
            this.relay = relay;
            this.tracker = tracker;
            this.inboxes = new ArrayList<>(relay.workers());
            for (int worker = 0; worker < relay.workers(); worker++) {
                inboxes.add(null);
                awaitToken(worker);
            }
        }

        void start() {
            inboxes.get(0).complete(Token.first());
        }

        private void awaitToken(int worker) {
            CompletableFuture<Token> inbox = new CompletableFuture<>();
            inboxes.set(worker, inbox);
            inbox.thenAcceptAsync(this::receive, pool);
        }

        private void receive(Token token) {
            try {
                if (token.isLast(relay)) {
                    answer.complete(token.answer(relay));
                } else if (tracker.isCancelled()) {
                    answer.cancel(false);
                } else {
                    // await the next token before handing this one on: in a ring of two it comes straight back
                    awaitToken(token.holder());
                    Token next = token.passedOn(relay);
                    inboxes.get(next.holder()).complete(next);
                }
            } catch (RuntimeException | Error thrown) {
                answer.completeExceptionally(thrown);
            }
        }
    }

    @Override
    protected void shutdown() {
        PoolShutdown.shutdownNowAndAwait(id(), pool, threads);
    }

    /** The async model's entry for {@link java.util.ServiceLoader}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "executors", 50, "CompletableFuture that never holds a thread while it waits: timers for waits, P threads for work", AsyncModel::new);
        }
    }
}
