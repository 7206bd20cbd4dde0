package org.concurrencybench.virtual;

import java.util.Optional;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.TaskThreads;
import org.concurrencybench.core.ThreadPerTaskModel;
import org.concurrencybench.core.Workload;

/**
 * One virtual thread per task: per unit of a batch, per node of a tree (each inner node forks
 * its children and joins them), per worker of a relay and per worker of a contention (the runs
 * are {@link ThreadPerTaskModel}'s, shared with the threads model). A run's threads fail fast
 * together, wherever in a tree they are (see {@link VirtualRun}); blocking in a task unmounts
 * its virtual thread and frees the carrier for another, so an io unit's plain blocking socket
 * client waits without holding its carrier, and so does a contention worker that waits for its
 * lock or inside it, except where the JDK pins it: before JDK 24 (JEP 491) a virtual thread that
 * blocks in {@code synchronized} keeps its carrier, which is what the pinning workload shows.
 * Sizes whose tasks would not fit in the heap, or whose sockets would not fit in the process's
 * file descriptors, are refused up front (see {@link VirtualThreadLimits}).
 *
 * <p>It serves as a virtual-thread server is meant to be written: a new virtual thread per
 * connection on plain blocking sockets, reading, computing and sleeping through its requests in
 * turn, parking at every read and every sleep and giving its carrier back. The accept loop is one
 * platform thread: one long-lived thread gains nothing from being virtual, and a virtual accept
 * loop, never preempted, would wait for a carrier while every connection computes, where a
 * platform one keeps accepting. Connections have no bound of their own: each costs a few
 * kilobytes of heap, and the process's file descriptors ({@code ulimit -n}) run out first.
 *
 * <p>The carriers are the JVM's one virtual-thread scheduler. Java 21 has no public way to
 * give an executor carriers of its own, and this model does not reach into JDK internals for
 * one, so P is honoured per JVM, not per model: the scheduler has
 * {@code -Djdk.virtualThreadScheduler.parallelism} carriers (by default the available
 * processors), which the benchmarks set to P in every forked JVM together with
 * {@code -XX:ActiveProcessorCount=P}. Inside one JVM, every virtual model shares that
 * scheduler whatever P it was created with.
 */
public final class VirtualModel extends ThreadPerTaskModel {

    public static final String ID = "virtual";

    private final VirtualThreadLimits limits = new VirtualThreadLimits(Runtime.getRuntime().maxMemory(),
            DescriptorBudget.ofThisProcess());

    public VirtualModel(int parallelism) {
        super(ID, parallelism, Thread::ofVirtual);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return limits.of(workload);
    }

    /** Every thread of a run named {@code namePrefix} without its trailing dash, such as {@code virtual-unit}. */
    @Override
    protected TaskThreads threadsOfARun(Thread.Builder kindOfThread, String namePrefix) {
        String name = namePrefix.endsWith("-") ? namePrefix.substring(0, namePrefix.length() - 1) : namePrefix;
        return new VirtualRun(kindOfThread.name(name).factory());
    }

    /** None of its own: a parked virtual thread costs heap, and the file descriptors run out first. */
    @Override
    protected int maxConnections() {
        return Integer.MAX_VALUE;
    }

    /** Registers the model under {@value VirtualModel#ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "virtual-threads", 60, VirtualModel::new, ModelDescription
                    .of("one virtual thread per task, on the JVM's carrier threads (P per JVM)")
                    .with(ModelTrait.COMMON_SERVER)
                    .with(ModelTrait.VIRTUAL_THREADS)
                    .on("batch", "starts a virtual thread per unit on the JVM's P carriers and joins them")
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
                            + " carrier: that table is the control")
                    .on("serve", "a platform thread accepts and starts a virtual thread per connection on plain"
                            + " blocking sockets: its reads and its sleeps park it and give the carrier back, so"
                            + " a kept-alive connection that waits holds no OS thread"));
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
