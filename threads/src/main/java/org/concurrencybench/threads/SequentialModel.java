package org.concurrencybench.threads;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * No concurrency at all: every unit, node, hop and update in turn on the calling thread. It is
 * a model like any other so that every table has the row the others are set against, what the
 * work costs with no thread started, no task queued and no hand-off made. P changes nothing.
 *
 * <p>Waiting work is where a baseline says least (one thread waits for every unit end to end),
 * so sizes whose waits add up to more than {@value #MAX_SERIAL_WAIT_MS} ms are refused with that
 * sum as the reason. The demonstration kernels and the contract's probe are not refused: their
 * waits are the point of them.
 *
 * <p>It has no server ({@link #limit(Serve)}): the only server of its idiom is one thread
 * serving one connection until that connection closes, and a kept-alive connection would leave
 * every other client waiting for as long as its own client stays.
 */
public final class SequentialModel extends AbstractConcurrencyModel {

    public static final String ID = "sequential";

    /** Waits end to end beyond this are the sleeps' sum, not a baseline worth the time to measure. */
    static final long MAX_SERIAL_WAIT_MS = 500;

    public SequentialModel(int parallelism) {
        super(ID, parallelism);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        long serialWaitMs = switch (workload) {
            case Batch batch -> batch.units() * waitPerUnit(batch);
            case Contention contention -> (long) contention.workers() * contention.updates() * contention.holdMs();
            case Tree tree -> 0;
            case Relay relay -> 0;
        };
        if (serialWaitMs <= MAX_SERIAL_WAIT_MS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "one thread waits for every unit in turn, %,d ms per operation;"
                + " sequential runs waiting work up to %,d ms of waits", serialWaitMs, MAX_SERIAL_WAIT_MS));
    }

    /** Why sequential serves nothing: the same reason whatever the service. */
    static final String NO_SERVER = "one thread serving one kept-alive connection until its client closes would"
            + " leave every other client waiting, so sequential has no server that can hold many connections at once";

    @Override
    public Optional<String> limit(Serve serve) {
        return Optional.of(NO_SERVER);
    }

    /** Never called: {@link #limit(Serve)} refuses every service before a server would start. */
    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) {
        throw new IllegalStateException(ID + " cannot serve " + serve + ": " + NO_SERVER);
    }

    private static long waitPerUnit(Batch batch) {
        return switch (batch.kernel()) {
            case Sleep sleep -> sleep.delayMs();
            case Mixed mixed -> mixed.delayMs();
            case Request request -> request.delayMs();
            case Park park -> park.holdMs();
            // the demonstrations show waits one after another on purpose; the probe holds until cancelled
            case Ticker ticker -> 0;
            case Probe probe -> 0;
            case Primes primes -> 0;
            case Identity identity -> 0;
            case WhoRuns whoRuns -> 0;
        };
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        long sum = 0;
        for (int unit = 0; unit < batch.units(); unit++) {
            // a computing unit does not look at interruption itself: the run is cancelled between units
            if (Thread.interrupted()) {
                throw new InterruptedException(ID + ": interrupted after " + unit + " of " + batch.units() + " units");
            }
            try {
                sum += batch.runUnit(unit);
            } catch (RuntimeException failed) {
                throw failure(batch, failed);
            }
        }
        return sum;
    }

    @Override
    protected long runTree(Tree tree) {
        return tree.sequentialSum(tree.root());
    }

    /** The token goes round the ring in a loop: each worker's inbox is a slot, each hop a write. */
    @Override
    protected long runRelay(Relay relay) {
        long[] inboxes = new long[relay.workers()];
        int holder = 0;
        for (long hop = 0; hop < relay.hops(); hop++) {
            int next = relay.next(holder);
            inboxes[next] = inboxes[holder] + 1;
            holder = next;
        }
        return inboxes[holder];
    }

    /** The workers one after another, each taking the lock (never contended) at every update. */
    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        SharedCounter counter = contention.newCounter();
        for (int worker = 0; worker < contention.workers(); worker++) {
            counter.work(worker);
        }
        return counter.total();
    }

    @Override
    protected void shutdown() {
        // every run happens on the caller's thread: there is nothing to end
    }

    /** Registers the model under {@value SequentialModel#ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "threads", 0, SequentialModel::new, ModelDescription
                    .of("no concurrency: every unit in turn on the calling thread, the baseline")
                    .with(ModelTrait.BASELINE)
                    .on("batch", "runs every unit in turn on the calling thread: the work with no model at all")
                    .on("blocking", "sleeps for every task in turn: its figure is the sleeps end to end")
                    .on("mixed", "computes and then sleeps for every task in turn: the slices and the waits end to end")
                    .on("io", "sends every request in turn and waits for its answer: the requests end to end")
                    .on("transfer", "makes and checks every unit's bytes in turn on one thread, the floor of the"
                            + " in-JVM models")
                    .on("tree", "walks the tree recursively on the calling thread, starting nothing")
                    .on("relay", "passes the token round the ring in a loop on one thread: a hop with no hand-off")
                    .on("contention", "runs the workers one after another on one thread, so its lock is never"
                            + " contended")
                    .on("pinning", "runs the workers one after another on one thread: every wait in turn")
                    .on("serve", "n/a: one thread serving a kept-alive connection until its client closes would"
                            + " starve every other client, so the baseline has no server"));
        }
    }
}
