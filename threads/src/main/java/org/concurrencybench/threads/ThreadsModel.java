package org.concurrencybench.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;

/**
 * One platform thread per task, started and joined by hand: Java's counterpart of the
 * notebook's {@code threading.Thread(...).start()} and {@code join()}. A batch starts a thread
 * per unit, a tree a thread per node (each inner node starts its children and joins them),
 * a relay a thread per worker, a contention a thread per worker, all updating one
 * {@link SharedCounter}. Every unit runs as {@link Batch#runUnit}: an io unit blocks its thread
 * on a plain socket until the server answers, a unit's payload is handed over by reference.
 * Nothing is pooled, so every task pays for creating an OS thread; P does not bound anything
 * here, and sizes that would need too many threads alive or sockets open at once are refused
 * up front (see {@link ThreadLimits}).
 *
 * <p>Every run joins all of its threads before it returns or throws, so the model holds
 * nothing between runs and closing it has nothing left to end.
 */
public final class ThreadsModel extends AbstractConcurrencyModel {

    public static final String ID = "threads";

    private final ThreadLimits limits = new ThreadLimits(Runtime.getRuntime().maxMemory(),
            DescriptorBudget.ofThisProcess());

    public ThreadsModel(int parallelism) {
        super(ID, parallelism);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return limits.of(workload);
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        try {
            long sum = 0;
            for (long result : SiblingThreads.startAndJoin(threads("unit-"), batch.units(), batch::runUnit)) {
                sum += result;
            }
            return sum;
        } catch (SiblingThreads.TaskFailedException failed) {
            throw failure(batch, failed.getCause());
        }
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        // One factory for the whole tree: its names count up across every node that starts children.
        ThreadFactory nodeThreads = threads("node-");
        try {
            return SiblingThreads.startAndJoin(nodeThreads, 1, index -> sum(tree, tree.root(), nodeThreads))[0];
        } catch (SiblingThreads.TaskFailedException failed) {
            throw failure(tree, failed.getCause());
        }
    }

    /** Runs on the node's own thread: starts a thread per child and joins them. */
    private static long sum(Tree tree, Tree.Node node, ThreadFactory nodeThreads) throws InterruptedException {
        if (node.isLeaf()) {
            return node.leafValue();
        }
        long sum = 0;
        for (long child : SiblingThreads.startAndJoin(nodeThreads, tree.width(),
                index -> sum(tree, node.child(index, tree.width()), nodeThreads))) {
            sum += child;
        }
        return sum;
    }

    /**
     * Each worker waits on its own {@link SynchronousQueue}, not on a hand-written volatile slot
     * with {@code LockSupport.park}/{@code unpark}: the queue is the JDK's rendezvous and does
     * the same park and wake-up, with the short spin before parking that the JDK tunes per
     * thread kind; its {@code take} and {@code put} answer interruption, which is how a
     * cancelled relay ends; and the virtual model uses the same queue, so comparing the two
     * measures the kind of thread and nothing else.
     */
    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        List<SynchronousQueue<Long>> inboxes = new ArrayList<>(relay.workers());
        for (int worker = 0; worker < relay.workers(); worker++) {
            inboxes.add(new SynchronousQueue<>());
        }
        try {
            long[] lastSeen = SiblingThreads.startAndJoin(threads("relay-"), relay.workers(),
                    worker -> relay.passTheToken(worker, inboxes));
            return lastSeen[relay.holderOf(relay.hops())];
        } catch (SiblingThreads.TaskFailedException failed) {
            throw failure(relay, failed.getCause());
        }
    }

    /**
     * A thread per worker. The joins at the end of {@link SiblingThreads#startAndJoin} are what
     * make every worker's updates visible to this thread before it reads the total.
     */
    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        SharedCounter counter = contention.newCounter();
        try {
            SiblingThreads.startAndJoin(threads("contention-"), contention.workers(), worker -> {
                counter.work(worker);
                return 0;
            });
        } catch (SiblingThreads.TaskFailedException failed) {
            throw failure(contention, failed.getCause());
        }
        return counter.total();
    }

    /** A factory of threads named {@code threads-<kind><n>}, n counting from 0 in start order. */
    private ThreadFactory threads(String kind) {
        return Thread.ofPlatform().name(threadName(kind), 0).factory();
    }

    @Override
    protected void shutdown() {
        // Every run has joined its threads before it returned: there is nothing left to end.
    }

    /** Registers the model under {@value ThreadsModel#ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "threads", 10, ThreadsModel::new, ModelDescription
                    .of("one platform Thread per task: new, start, join")
                    .on("batch", "starts and joins a platform thread per unit: every task pays for creating an OS"
                            + " thread, and P bounds nothing")
                    .on("blocking", "starts a platform thread per task, each sleeping on its own: every sleep"
                            + " overlaps, at the price of an OS thread each")
                    .on("mixed", "a platform thread per task computes its slice and then sleeps on its own: every"
                            + " wait overlaps")
                    .on("io", "a platform thread per task blocks in its socket read: every request is in flight at"
                            + " once")
                    .on("transfer", "a platform thread per task; the bytes reach the caller by reference")
                    .on("tree", "a platform thread per node; each inner node starts its children and joins them")
                    .on("relay", "a platform thread per worker; the token goes over a SynchronousQueue, so a hop is"
                            + " waking a parked OS thread")
                    .on("contention", "a platform thread per worker, all updating one shared counter")
                    .on("pinning", "a platform thread per worker, each waiting inside its own lock: every wait can"
                            + " overlap"));
        }
    }
}
