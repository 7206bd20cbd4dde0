package org.concurrencybench.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;

/**
 * One virtual thread per task: per unit of a batch, per node of a tree (each inner node forks
 * its children and joins them), per worker of a relay, per worker of a contention (all
 * updating one {@link SharedCounter}). Each run has its own thread-per-task executor (see
 * {@link VirtualRun}); blocking in a task unmounts its virtual thread and frees the carrier for
 * another. Every unit runs as {@link Batch#runUnit}: an io unit is the plain blocking socket
 * client, which on a virtual thread waits without holding its carrier, and a unit's payload is
 * handed over by reference. Sizes whose tasks would not fit in the heap, or whose sockets
 * would not fit in the process's file descriptors, are refused up front (see
 * {@link VirtualThreadLimits}).
 *
 * <p>The carriers are the JVM's one virtual-thread scheduler. Java 21 has no public way to
 * give an executor carriers of its own, and this model does not reach into JDK internals for
 * one, so P is honoured per JVM, not per model: the scheduler has
 * {@code -Djdk.virtualThreadScheduler.parallelism} carriers (by default the available
 * processors), which the benchmarks set to P in every forked JVM together with
 * {@code -XX:ActiveProcessorCount=P}. Inside one JVM, every virtual model shares that
 * scheduler whatever P it was created with.
 */
public final class VirtualModel extends AbstractConcurrencyModel {

    public static final String ID = "virtual";

    private final VirtualThreadLimits limits = new VirtualThreadLimits(Runtime.getRuntime().maxMemory(),
            DescriptorBudget.ofThisProcess());

    public VirtualModel(int parallelism) {
        super(ID, parallelism);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return limits.of(workload);
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        try (VirtualRun run = new VirtualRun(threadName("unit-"))) {
            long sum = 0;
            for (long result : run.forkAndJoin(batch.units(), batch::runUnit)) {
                sum += result;
            }
            return sum;
        } catch (VirtualRun.TaskFailedException failed) {
            throw failure(batch, failed.getCause());
        }
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        try (VirtualRun run = new VirtualRun(threadName("node-"))) {
            return run.join(run.fork(() -> sum(tree, tree.root(), run)));
        } catch (VirtualRun.TaskFailedException failed) {
            throw failure(tree, failed.getCause());
        }
    }

    /** Runs on the node's own virtual thread: forks a virtual thread per child and joins them. */
    private static long sum(Tree tree, Tree.Node node, VirtualRun run) throws InterruptedException {
        if (node.isLeaf()) {
            return node.leafValue();
        }
        List<Future<Long>> children = new ArrayList<>(tree.width());
        for (int index = 0; index < tree.width(); index++) {
            Tree.Node child = node.child(index, tree.width());
            children.add(run.fork(() -> sum(tree, child, run)));
        }
        long sum = 0;
        for (Future<Long> child : children) {
            sum += run.join(child);
        }
        return sum;
    }

    /**
     * Each worker waits on its own {@link SynchronousQueue}, the JDK's rendezvous: a virtual
     * thread that waits in {@code take} unmounts, and {@code put} hands the token over and
     * schedules the taker. The threads model relays with the same queue, so the two differ
     * only in the kind of thread that waits.
     */
    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        List<SynchronousQueue<Long>> inboxes = new ArrayList<>(relay.workers());
        for (int worker = 0; worker < relay.workers(); worker++) {
            inboxes.add(new SynchronousQueue<>());
        }
        try (VirtualRun run = new VirtualRun(threadName("relay-"))) {
            long[] lastSeen = run.forkAndJoin(relay.workers(), worker -> relay.passTheToken(worker, inboxes));
            return lastSeen[relay.holderOf(relay.hops())];
        } catch (VirtualRun.TaskFailedException failed) {
            throw failure(relay, failed.getCause());
        }
    }

    /**
     * A virtual thread per worker. A worker that waits for the lock, or inside it, unmounts,
     * except where the JDK pins it: before JDK 24 (JEP 491) a virtual thread that blocks in
     * {@code synchronized} keeps its carrier, which is what the pinning workload shows.
     * Joining every worker's future is what makes its updates visible to this thread before it
     * reads the total.
     */
    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        SharedCounter counter = contention.newCounter();
        try (VirtualRun run = new VirtualRun(threadName("contention-"))) {
            run.forkAndJoin(contention.workers(), worker -> {
                counter.work(worker);
                return 0;
            });
        } catch (VirtualRun.TaskFailedException failed) {
            throw failure(contention, failed.getCause());
        }
        return counter.total();
    }

    @Override
    protected void shutdown() {
        // Every run has closed its executor, which waits for its threads, before it returned:
        // there is nothing left to end.
    }

    /** Registers the model under {@value VirtualModel#ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "virtual-threads", 60, VirtualModel::new, ModelDescription
                    .of("one virtual thread per task, on the JVM's carrier threads (P per JVM)")
                    .with(ModelTrait.VIRTUAL_THREADS)
                    .on("batch", "starts a virtual thread per unit (newThreadPerTaskExecutor) on the JVM's P carriers")
                    .on("blocking", "a virtual thread per task; a sleeping virtual thread gives its carrier back, so"
                            + " every sleep overlaps")
                    .on("mixed", "a virtual thread per task computes its slice and sleeps, giving its carrier back:"
                            + " every wait overlaps")
                    .on("io", "a virtual thread per task; its blocked read parks it and gives its carrier back")
                    .on("transfer", "a virtual thread per task; the bytes reach the caller by reference")
                    .on("tree", "a virtual thread per node; each inner node starts its children and joins them")
                    .on("relay", "a virtual thread per worker; the token goes over a SynchronousQueue, so a hop is"
                            + " resuming a virtual thread")
                    .on("contention", "a virtual thread per worker, all updating one shared counter")
                    .on("pinning", "the probe: a virtual thread that waits while it holds a monitor kept its carrier"
                            + " on JDK 21 to 23 (pinned), so P waited at a time like a pool; from JDK 24 (JEP 491) it"
                            + " lets the carrier go and all wait at once. With a ReentrantLock it never kept its"
                            + " carrier: that table is the control"));
        }

        /** Inside one JVM every virtual model shares the scheduler's carriers, whatever P it was made with. */
        @Override
        public Optional<String> caveatInThisJvm(int parallelism) {
            int carriers = Carriers.ofThisJvm();
            if (parallelism == carriers) {
                return Optional.empty();
            }
            return Optional.of(ID + " runs on this JVM's one virtual-thread scheduler, " + carriers + " carriers ("
                    + Carriers.source() + "), whatever P its rows show; bench compare gives each P a JVM of its own");
        }
    }
}
