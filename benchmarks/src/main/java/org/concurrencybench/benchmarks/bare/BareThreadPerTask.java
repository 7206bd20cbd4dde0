package org.concurrencybench.benchmarks.bare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;

/**
 * A thread per task, started and joined by hand: {@code new Thread(task).start()} for the
 * threads model's twin, {@code Thread.startVirtualThread(task)} for the virtual model's. Results
 * go into an array, which {@code join} makes visible to the joining thread. The relay's workers
 * pass the token over {@link SynchronousQueue}s with the workload's own loop, as both models do.
 */
final class BareThreadPerTask implements BareIdiom {

    /** Starts a thread that runs {@code task}. */
    @FunctionalInterface
    interface Starter {
        Thread start(Runnable task);
    }

    static final Starter PLATFORM = task -> {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    };

    static final Starter VIRTUAL = Thread::startVirtualThread;

    private final Starter starter;

    BareThreadPerTask(Starter starter) {
        this.starter = starter;
    }

    @Override
    public long batch(Batch batch) throws InterruptedException {
        long[] results = new long[batch.units()];
        Thread[] threads = new Thread[batch.units()];
        for (int unit = 0; unit < threads.length; unit++) {
            int index = unit;
            threads[unit] = starter.start(() -> results[index] = BareIdiom.unit(batch, index));
        }
        long sum = 0;
        for (int unit = 0; unit < threads.length; unit++) {
            threads[unit].join();
            sum += results[unit];
        }
        return sum;
    }

    /** The root on a thread of its own, as in the models: every node is a thread. */
    @Override
    public long tree(Tree tree) throws InterruptedException {
        long[] root = new long[1];
        starter.start(() -> root[0] = sum(tree, tree.root())).join();
        return root[0];
    }

    /** Runs on the node's own thread: a thread per child, then joins them. */
    private long sum(Tree tree, Node node) {
        if (node.isLeaf()) {
            return node.leafValue();
        }
        int width = tree.width();
        long[] sums = new long[width];
        Thread[] children = new Thread[width];
        for (int i = 0; i < width; i++) {
            Node child = node.child(i, width);
            int index = i;
            children[i] = starter.start(() -> sums[index] = sum(tree, child));
        }
        long sum = 0;
        for (int i = 0; i < width; i++) {
            join(children[i]);
            sum += sums[i];
        }
        return sum;
    }

    @Override
    public long relay(Relay relay) throws InterruptedException {
        List<SynchronousQueue<Long>> inboxes = new ArrayList<>(relay.workers());
        for (int worker = 0; worker < relay.workers(); worker++) {
            inboxes.add(new SynchronousQueue<>());
        }
        long[] lastSeen = new long[relay.workers()];
        Thread[] workers = new Thread[relay.workers()];
        for (int worker = 0; worker < workers.length; worker++) {
            int index = worker;
            workers[worker] = starter.start(() -> lastSeen[index] = passTheToken(relay, index, inboxes));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return lastSeen[relay.holderOf(relay.hops())];
    }

    private static long passTheToken(Relay relay, int worker, List<SynchronousQueue<Long>> inboxes) {
        try {
            return relay.passTheToken(worker, inboxes);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    /** {@code join} inside a task, which may not throw a checked exception; nothing here interrupts. */
    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    /** Every thread was joined by the run that started it. */
    @Override
    public void close() {
    }
}
