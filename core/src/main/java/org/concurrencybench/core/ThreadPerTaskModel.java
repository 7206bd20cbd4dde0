package org.concurrencybench.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Supplier;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * A model that runs every task on a thread of its own, started for the task and joined: a
 * thread per unit of a batch, per node of a tree (each inner node starts its children and joins
 * them), per worker of a relay, and per worker of a contention, all updating one
 * {@link SharedCounter}. Every unit runs as {@link Batch#runUnit}: an io unit is the plain
 * blocking socket client, and a unit's payload is handed over by reference. Nothing is pooled
 * and P bounds nothing here.
 *
 * <p>The threads and virtual models are this class with a different kind of thread, so that
 * their runs are the same code and comparing them measures the kind of thread and its idiom
 * for starting and joining ({@link TaskThreads}), which each model gives, with the sizes it
 * refuses.
 *
 * <p>It serves the same way: a thread per connection ({@link ThreadPerConnectionServer}), of
 * the model's kind, named {@code <id>-serve-connection-<n>}, and one platform thread
 * {@code <id>-serve-accept} that accepts, at most {@link #maxConnections()} connections at once.
 *
 * <p>Every run ends all of its threads before it returns or throws, and a server ends its own
 * when it is closed (the model closes its servers first), so closing the model has nothing left
 * to end.
 */
public abstract class ThreadPerTaskModel extends AbstractConcurrencyModel {

    private final Supplier<Thread.Builder> kindOfThread;

    /** @param kindOfThread a new builder of the model's threads: {@code Thread::ofPlatform} or {@code Thread::ofVirtual} */
    protected ThreadPerTaskModel(String id, int parallelism, Supplier<Thread.Builder> kindOfThread) {
        super(id, parallelism);
        this.kindOfThread = kindOfThread;
    }

    /**
     * The threads of one run, made by {@code kindOfThread} and named after {@code namePrefix}:
     * each {@code namePrefix} and n, n counting from 0 in start order across the whole run (in a
     * tree, across every node that starts children), or, where a name string per thread would
     * cost more than the thread's own heap can bear, all with one name.
     */
    protected abstract TaskThreads threadsOfARun(Thread.Builder kindOfThread, String namePrefix);

    /** One run's threads, named {@code <id>-<kind><n>}. */
    private TaskThreads startRun(String kind) {
        return threadsOfARun(kindOfThread.get(), threadName(kind));
    }

    @Override
    protected final long runBatch(Batch batch) throws InterruptedException {
        try (TaskThreads run = startRun("unit-")) {
            return sum(run.startAndJoin(batch.units(), batch::runUnit));
        } catch (TaskThreads.TaskFailedException failed) {
            throw failure(batch, failed.getCause());
        }
    }

    @Override
    protected final long runTree(Tree tree) throws InterruptedException {
        try (TaskThreads run = startRun("node-")) {
            return run.startAndJoin(1, root -> sum(tree, tree.root(), run))[0];
        } catch (TaskThreads.TaskFailedException failed) {
            throw failure(tree, failed.getCause());
        }
    }

    /** Runs on the node's own thread: starts a thread per child and joins them. */
    private static long sum(Tree tree, Tree.Node node, TaskThreads run) throws InterruptedException {
        if (node.isLeaf()) {
            return node.leafValue();
        }
        return sum(run.startAndJoin(tree.width(), index -> sum(tree, node.child(index, tree.width()), run)));
    }

    /**
     * Each worker waits on its own {@link SynchronousQueue}, not on a hand-written volatile slot
     * with {@code LockSupport.park}/{@code unpark}: the queue is the JDK's rendezvous and does
     * the same park and wake-up, with the short spin before parking that the JDK tunes per
     * thread kind (a virtual thread that waits in {@code take} unmounts, and {@code put} hands
     * the token over and schedules the taker); its {@code take} and {@code put} answer
     * interruption, which is how a cancelled relay ends.
     */
    @Override
    protected final long runRelay(Relay relay) throws InterruptedException {
        List<SynchronousQueue<Long>> inboxes = new ArrayList<>(relay.workers());
        for (int worker = 0; worker < relay.workers(); worker++) {
            inboxes.add(new SynchronousQueue<>());
        }
        try (TaskThreads run = startRun("relay-")) {
            long[] lastSeen = run.startAndJoin(relay.workers(), worker -> relay.passTheToken(worker, inboxes));
            return lastSeen[relay.holderOf(relay.hops())];
        } catch (TaskThreads.TaskFailedException failed) {
            throw failure(relay, failed.getCause());
        }
    }

    /**
     * A thread per worker. Joining every worker is what makes its updates visible to this
     * thread before it reads the total.
     */
    @Override
    protected final long runContention(Contention contention) throws InterruptedException {
        SharedCounter counter = contention.newCounter();
        try (TaskThreads run = startRun("contention-")) {
            run.startAndJoin(contention.workers(), worker -> {
                counter.work(worker);
                return 0;
            });
        } catch (TaskThreads.TaskFailedException failed) {
            throw failure(contention, failed.getCause());
        }
        return counter.total();
    }

    /**
     * Connections the model's server serves at once, each holding a thread of the model's kind;
     * one accepted beyond them is closed at once. {@link Integer#MAX_VALUE} for no bound of its
     * own.
     */
    protected abstract int maxConnections();

    @Override
    protected final Server startServer(Serve serve, InetSocketAddress address) throws IOException {
        return ThreadPerConnectionServer.start(id(), serve, address, threadName("serve-accept"),
                kindOfThread.get().name(threadName("serve-connection-"), 0).factory(), maxConnections());
    }

    @Override
    protected final void shutdown() {
        // Every run has ended all of its threads before it returned, and the servers were closed
        // before this: there is nothing left to end.
    }

    private static long sum(long[] results) {
        long sum = 0;
        for (long result : results) {
            sum += result;
        }
        return sum;
    }
}
