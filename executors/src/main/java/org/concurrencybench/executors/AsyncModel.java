package org.concurrencybench.executors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.HeapBudget;
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
 * Java's asyncio: {@link CompletableFuture}s that never hold a thread while they wait. Work
 * runs on a fixed pool of P platform threads, the event loop's part; a wait is a timer or a
 * socket the channel group watches.
 *
 * <p>Each kernel says how its units wait, in a switch the compiler checks for every kind: a
 * sleep is a future that a timer completes ({@code completeOnTimeout}), so a thousand sleeping
 * units cost a thousand timers and no thread; a park is such a timer too, counted alive from the
 * moment its timer is set until it fires or is cancelled; a probe's hold is a timer, and so is a
 * mixed unit's wait, after its prime counting has run on the pool. An io unit is NIO.2
 * ({@link AsyncRequest}): an {@code AsynchronousSocketChannel} in this model's own
 * {@link AsynchronousChannelGroup}, which runs the channels' completions on the pool, so a
 * thousand requests in flight are a thousand sockets and no thread. A ticker prints, which is
 * work, so each tick is a stage the timer hands to the pool after the delay
 * ({@code delayedExecutor}), as {@code await asyncio.sleep(d)} resumes on the loop. Prime
 * counting, identity and who-runs are work and run on the pool. A unit's payload is made and
 * summed on the pool as well: after its wait for a sleep, park or request, with its work for a
 * mixed unit or a probe.
 *
 * <p>The timers are the JDK's: one daemon thread, started once for every
 * {@code CompletableFuture} in the JVM, fires them all; a cancelled timed future removes its
 * timer. The channel group's threads are the JDK's too: one per group watches the sockets and
 * hands their completions to the pool, and one fires the channels' read timeouts;
 * {@link #shutdown()} ends the group, and so both, with the model. A tree is {@code asyncio.gather}: each node a task on the pool whose sum is a
 * continuation of its children's; a relay is workers awaiting their inboxes, each woken by the
 * token as a continuation on the pool.
 *
 * <p>A contention run without a wait inside the lock is plain work: a task per worker on the
 * pool, under the workload's lock. With a wait inside, no async programmer would hold a lock
 * that a thread owns across the wait: each stripe gets an {@link AsyncMutex} instead
 * ({@link AsyncContention}), so the contention's lock kind applies only when {@code holdMs} is 0.
 *
 * <p>It serves with NIO.2 ({@link AsyncServer}): an {@code AsynchronousServerSocketChannel} in the
 * same channel group, each connection a chain of completion handlers (accept, read, parse,
 * compute on the pool, a timer for the delay, write, read the next), so no thread is held while
 * a request waits and every open connection can have its request in flight.
 */
public final class AsyncModel extends AbstractConcurrencyModel {

    public static final String ID = "async";

    // Live bytes per unit, leaf or worker, measured on JDK 25 with compressed references and
    // rounded up. A sleeping unit is its future, its timer and its part of allOf's tree (411); a
    // park the same, its future counting itself alive (341, bench footprint at N = 100,000); an io
    // unit also its socket channel, buffers and the futures of its steps (1,397). A contention
    // worker is a task on the pool (285), or, with a wait inside, the futures of its place in its
    // stripe's queue (507), and each stripe its mutex, count and current wait (211). The figures
    // carry no margin, so a run may fill half the heap with them.
    private static final long BYTES_PER_UNIT = 450;
    private static final long BYTES_PER_PARK = 350;
    private static final long BYTES_PER_REQUEST = 1_500;
    private static final long BYTES_PER_LEAF = 300;
    private static final long BYTES_PER_WORKER = 300;
    private static final long BYTES_PER_QUEUED_WORKER = 550;
    private static final long BYTES_PER_ASYNC_STRIPE = 250;

    private final HeapBudget heap = HeapBudget.ofThisJvm(HeapBudget.HALF_THE_HEAP);
    private final NamedFixedPool workers;
    private final ExecutorService pool;
    private final AsynchronousChannelGroup channels;

    public AsyncModel(int parallelism) {
        super(ID, parallelism);
        workers = new NamedFixedPool(id(), threadName("worker-"), parallelism);
        pool = workers.executor();
        try {
            // On the model's own pool, so that a completion is one more step on the loop's P
            // threads; withFixedThreadPool would add P threads that run only completions, and
            // work could not be handed to them.
            channels = AsynchronousChannelGroup.withThreadPool(pool);
        } catch (IOException | RuntimeException failed) {
            workers.shutdownNowAndAwait();
            throw new UncheckedIOException("async: cannot make the channel group for io on its pool of " + parallelism
                    + " threads: " + failed, failed instanceof IOException io ? io : new IOException(failed));
        }
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return switch (workload) {
            case Batch batch when batch.kernel() instanceof Request -> DescriptorBudget.ofThisProcess().of(batch)
                    .or(() -> heap.check("units", batch.units(), BYTES_PER_REQUEST,
                            "every unit's request is in flight at once"));
            case Batch batch when batch.kernel() instanceof Park -> heap.check("units", batch.units(),
                    BYTES_PER_PARK, "every unit is parked at once");
            case Batch batch -> heap.check("units", batch.units(), BYTES_PER_UNIT,
                    "every unit is started before any is awaited, so all are pending at once");
            case Tree tree -> heap.check("width^depth (the leaves)", tree.leaves(), BYTES_PER_LEAF,
                    "the pool's queue is first-in first-out, so every leaf's task is made before the first one runs");
            case Relay relay -> Optional.empty();
            case Contention contention when contention.holdMs() > 0 -> heap.check(contention,
                    BYTES_PER_QUEUED_WORKER, BYTES_PER_ASYNC_STRIPE, "every worker is started at once and waits its turn"
                            + " as a continuation on its stripe's mutex");
            case Contention contention -> heap.check(contention, BYTES_PER_WORKER,
                    HeapBudget.BYTES_PER_COUNTER_STRIPE, "every worker is started before any is awaited");
        };
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        List<CompletableFuture<Long>> units = new ArrayList<>(batch.units());
        for (int unit = 0; unit < batch.units(); unit++) {
            units.add(start(batch, unit, tracker));
        }
        return sumOf(batch, units, tracker, !batch.kernel().waits());
    }

    /**
     * The sum of {@code futures}, or the first failure among them. Whether it returns or throws,
     * no thread is inside a unit of the run and every future is done: the ones still pending are
     * cancelled, which removes their timers and closes their sockets. {@code unitsThatDoNotWait}:
     * then every future settles soon, and those of units that only compute are steps the tracker
     * does not wait for ({@link RunTracker#compute}), so after a failure the run waits for every
     * future to settle before it cancels them.
     */
    private long sumOf(Workload workload, List<CompletableFuture<Long>> futures, RunTracker tracker,
                       boolean unitsThatDoNotWait) throws InterruptedException {
        boolean answered = false;
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        // allOf waits for every unit even after one has failed; every failure of a unit reaches the
        // tracker (a step on the pool fails inside it, a request reports to it), whose cancellation
        // ends the wait at once
        tracker.onCancel(() -> all.completeExceptionally(new CancellationException("the run was cancelled")));
        try {
            all.get();
            long sum = futures.stream().mapToLong(CompletableFuture::join).sum();
            answered = true;
            return sum;
        } catch (ExecutionException | CancellationException failed) {
            throw failure(workload, tracker.failureOr(failed));
        } finally {
            // first no step may start any more (an io unit's first step opens its socket), then the waits end
            tracker.stop();
            if (unitsThatDoNotWait && !answered) {
                RunTracker.awaitSettled(futures);
            }
            futures.forEach(future -> future.cancel(false));
        }
    }

    /** Starts unit {@code unit} the way its kernel waits, and returns its result to come. */
    private CompletableFuture<Long> start(Batch batch, int unit, RunTracker tracker) {
        return switch (batch.kernel()) {
            case Sleep sleep -> thenPayload(batch, unit, after(sleep.delayMs(), unit), tracker);
            case Park park -> thenPayload(batch, unit, parked(park, unit), tracker);
            case Request request -> thenPayload(batch, unit, request(request, unit, tracker), tracker);
            case Mixed mixed -> workThenWait(() -> batch.withPayload(unit, mixed.compute(unit)), mixed.delayMs(),
                    tracker);
            case Probe probe -> probe(batch, probe, unit, tracker);
            case Ticker ticker -> tick(batch, ticker, unit, tracker);
            case Primes primes -> onPool(batch, unit, tracker);
            case Identity identity -> onPool(batch, unit, tracker);
            case WhoRuns whoRuns -> onPool(batch, unit, tracker);
        };
    }

    /** {@code value}, {@code delayMs} from now: a timer completes it and no thread waits. */
    static CompletableFuture<Long> after(long delayMs, long value) {
        return new CompletableFuture<Long>().completeOnTimeout(value, delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * A park: alive from the moment its timer is set until the timer fires or the run cancels
     * it ({@link ParkTimer}).
     */
    private static CompletableFuture<Long> parked(Park park, int unit) {
        return new ParkTimer().completeOnTimeout((long) unit, park.holdMs(), TimeUnit.MILLISECONDS);
    }

    /**
     * A park's future, which its own timer completes: it counts itself alive from the moment it
     * is made ({@link Park#enter()}) and leaves as it is completed or cancelled, before any of
     * its dependents runs, so a run that has its answer has no unit alive. Cancelling it removes
     * its timer ({@code completeOnTimeout} cancels the timer when the future completes in any
     * way). A subclass, as {@link CompletableFuture} provides for, rather than a second future
     * and two actions around a plain one: a pending park then costs what its timer costs and
     * one future, which is what a million of them are made to measure. Its dependents are plain
     * futures ({@link #newIncompleteFuture()} is not overridden).
     */
    private static final class ParkTimer extends CompletableFuture<Long> {

        private static final AtomicIntegerFieldUpdater<ParkTimer> LEFT =
                AtomicIntegerFieldUpdater.newUpdater(ParkTimer.class, "left");

        private volatile int left;

        ParkTimer() {
            Park.enter();
        }

        @Override
        public boolean complete(Long value) {
            leave();
            return super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            leave();
            return super.completeExceptionally(failure);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            leave();
            return super.cancel(mayInterruptIfRunning);
        }

        /** Once, however it ends. */
        private void leave() {
            if (LEFT.compareAndSet(this, 0, 1)) {
                Park.leave();
            }
        }
    }

    /**
     * An io unit: its socket is opened and its exchange started by a step on the pool, and from
     * then on it waits on the channel group without a thread.
     */
    private CompletableFuture<Long> request(Request request, int unit, RunTracker tracker) {
        AsyncRequest exchange = new AsyncRequest(request, unit, channels);
        // its socket fails the request without a thread inside the tracker: it reports the failure
        exchange.answer().whenComplete((answered, failed) -> {
            if (failed != null) {
                tracker.failed(failed);
            }
        });
        CompletableFuture.runAsync(() -> tracker.runUnit(() -> {
            exchange.start();
            return unit;
        }), pool).whenComplete((started, refused) -> {
            if (refused != null) {
                exchange.answer().completeExceptionally(refused);
            }
        });
        return exchange.answer();
    }

    /**
     * {@code waited}'s result with unit {@code unit}'s payload added by a step on the pool; with
     * no payload, {@code waited} itself. Cancelling the result cancels {@code waited}, so its
     * timer or socket goes with it.
     */
    private CompletableFuture<Long> thenPayload(Batch batch, int unit, CompletableFuture<Long> waited,
                                                RunTracker tracker) {
        if (batch.payload() == 0) {
            return waited;
        }
        CompletableFuture<Long> withPayload = waited.thenApplyAsync(
                result -> tracker.runUnit(() -> batch.withPayload(unit, result)), pool);
        withPayload.whenComplete((result, thrown) -> waited.cancel(false));
        return withPayload;
    }

    /** A unit that only computes: a step on the pool, refused once the run is cancelled. */
    private CompletableFuture<Long> onPool(Batch batch, int unit, RunTracker tracker) {
        return CompletableFuture.supplyAsync(() -> tracker.compute(batch, unit), pool);
    }

    /**
     * A probe unit: its body runs on the pool at once, counted as the probe counts its units,
     * and unit {@code failAt} fails there; then its hold is a timer. The probe's own
     * {@code run} with a hold of 0 is exactly that body, without the blocking wait.
     */
    private CompletableFuture<Long> probe(Batch batch, Probe probe, int unit, RunTracker tracker) {
        Probe body = new Probe(probe.failAt(), 0);
        return workThenWait(() -> batch.withPayload(unit, body.run(unit, batch.units())), probe.holdMs(), tracker);
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
    private CompletableFuture<Long> tick(Batch batch, Ticker ticker, int unit, RunTracker tracker) {
        Executor afterDelay = CompletableFuture.delayedExecutor(ticker.delayOf(unit), TimeUnit.MILLISECONDS, pool);
        CompletableFuture<Long> ticking = CompletableFuture.supplyAsync(
                () -> print(tracker, () -> "Starting " + Ticker.workerName(unit), unit), pool);
        for (int tick = 0; tick < ticker.ticks(); tick++) {
            ticking = ticking.thenApplyAsync(index -> print(tracker, () -> Ticker.tickLine(unit), unit), afterDelay);
        }
        return ticking.thenApplyAsync(index -> print(tracker, () -> "Exiting " + Ticker.workerName(unit),
                batch.withPayload(unit, unit)), pool);
    }

    /** Prints a line made on the pool thread, as a step of a unit, and answers {@code result}. */
    private static long print(RunTracker tracker, Supplier<String> line, long result) {
        return tracker.runUnit(() -> {
            System.out.println(line.get());
            return result;
        });
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        RunTracker tracker = new RunTracker();
        if (contention.holdMs() > 0) {
            try {
                return tracker.await(new AsyncContention(contention, pool, tracker).start());
            } catch (ExecutionException failed) {
                throw failure(contention, tracker.failureOr(failed));
            }
        }
        SharedCounter counter = contention.newCounter();
        List<CompletableFuture<Long>> workers = new ArrayList<>(contention.workers());
        for (int worker = 0; worker < contention.workers(); worker++) {
            int index = worker;
            workers.add(CompletableFuture.supplyAsync(() -> tracker.runUnit(() -> {
                counter.work(index);
                return 0;
            }), pool));
        }
        sumOf(contention, workers, tracker, false);
        // every worker's future has completed: their updates happen-before this read
        return counter.total();
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
    protected Server startServer(Serve serve, InetSocketAddress address) throws IOException {
        return AsyncServer.start(serve, address, channels, pool);
    }

    /**
     * Ends the channel group, which closes any socket still open and stops its poller, then the
     * pool. The group would only {@code shutdown()} the pool it was built on; the pool's own
     * shutdown interrupts its threads and waits for each.
     */
    @Override
    protected void shutdown() {
        try {
            channels.shutdownNow();
        } catch (IOException closingFailed) {
            throw new UncheckedIOException("async: closing the sockets of its channel group failed: " + closingFailed,
                    closingFailed);
        } finally {
            workers.shutdownNowAndAwait();
        }
    }

    /** The async model's entry for {@link java.util.ServiceLoader}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "executors", 50, AsyncModel::new, ModelDescription
                    .of("CompletableFuture that never holds a thread while it waits: timers for waits, P threads for"
                            + " work")
                    .with(ModelTrait.COMMON_SERVER)
                    .on("batch", "a future per unit on P threads")
                    .on("blocking", "waits on a timer without holding any thread: every sleep overlaps")
                    .on("mixed", "computes the slice on its P threads, then waits on a timer holding no thread: every"
                            + " wait overlaps")
                    .on("io", "connects, writes and reads through AsynchronousSocketChannel on its P threads and"
                            + " holds no thread while a request waits")
                    .on("tree", "a future per node on P threads")
                    .on("relay", "each hop a stage on the pool")
                    .on("contention", "a task per worker on P threads; with a wait inside the lock, an asynchronous"
                            + " mutex per stripe chains futures: the holder waits on a timer without a thread and"
                            + " the workers behind it are continuations")
                    .on("pinning", "waits on timers behind an asynchronous mutex and holds no thread")
                    .on("serve", "accepts, reads and writes through AsynchronousSocketChannel completion handlers on"
                            + " its P threads, computes on them and waits on a timer holding no thread: every"
                            + " connection's request is in flight at once"));
        }
    }
}
