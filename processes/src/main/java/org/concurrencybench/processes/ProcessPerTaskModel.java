package org.concurrencybench.processes;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.processes.aot.AotCache;
import org.concurrencybench.processes.parent.RunFailures;
import org.concurrencybench.processes.parent.ShutdownGuard;
import org.concurrencybench.processes.parent.TaskJvms;
import org.concurrencybench.processes.parent.WorkerCommand;
import org.concurrencybench.processes.parent.WorkerFailedException;
import org.concurrencybench.processes.parent.WorkerPool;
import org.concurrencybench.processes.parent.WorkerTimeouts;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.FileCounter;
import org.concurrencybench.processes.worker.WorkerMain;

/**
 * One worker JVM per task: Python's {@code multiprocessing.Process} with the spawn start
 * method. Each task's JVM is started, sent its one order, answers, and exits; the run
 * waits for the exit. At most P of them are alive at once, so the machine is not flooded;
 * what this model measures is mostly the cost of starting a JVM, which is the point.
 *
 * <ul>
 *   <li><b>batch</b>: one JVM per unit; a unit's payload bytes come back in a frame on its
 *       pipe, and the parent adds the checksum of what arrived.</li>
 *   <li><b>park</b>: one JVM per unit too, but all of them alive at once, since a parked
 *       task is there to be alive: the memory of N live tasks is N JVMs.</li>
 *   <li><b>tree</b>: one JVM per node. A leaf's JVM returns its ordinal; an inner node's
 *       JVM is started once its children have answered and is handed their sums to add.
 *       The parent schedules them bottom-up because a node's JVM that waited for its
 *       children's JVMs would hold one of the P places while they cannot start.</li>
 *   <li><b>relay</b>: the ring's W workers are W JVMs, alive together for the whole relay
 *       (the ring needs every member at once, so here the bound is W, not P), handing the
 *       token on through the parent as in {@code process-pool}.</li>
 *   <li><b>contention</b>: one JVM per worker, P at a time, each mapping the
 *       {@link FileCounter} file; processes use a FileChannel lock on the counter's stripe
 *       for synchronized and reentrant, and an atomic add on the mapping for atomic. The
 *       answer is the file's total once every JVM has exited.</li>
 * </ul>
 *
 * <p><b>serve</b> is declined ({@link #limit(Serve)}): its server would be inetd's, a JVM per
 * connection, and a load of hundreds of kept-alive connections would need hundreds of JVMs
 * alive at once.
 *
 * <p>Limits: a run starts at most {@value #MAX_JVMS_PER_RUN} JVMs (the default spawn batch
 * and tree would start 10,000 and 1,111,111, minutes to hours of start-up alone), a park
 * holds at most {@value #MAX_PARKED_JVMS} JVMs alive at once (tens of MB each), and a relay
 * ring has at most {@value #MAX_RING_JVMS}.
 *
 * <p>A failing or interrupted run kills its JVMs at once: none of them has anything worth
 * finishing, and a new JVM is what the next task gets anyway.
 */
public final class ProcessPerTaskModel extends AbstractConcurrencyModel {

    public static final String ID = "process-per-task";

    /** JVMs one run may start, one after another, P at a time. */
    public static final int MAX_JVMS_PER_RUN = 2_000;

    /** JVMs of a park, alive together: a few hundred JVMs are already gigabytes. */
    public static final int MAX_PARKED_JVMS = 256;

    /** JVMs of a relay ring, alive together. */
    public static final int MAX_RING_JVMS = 16;

    private final WorkerCommand command;
    private final WorkerTimeouts timeouts;
    private final Consumer<String> output;
    private final ShutdownGuard guard;

    public ProcessPerTaskModel(int parallelism) {
        this(parallelism, WorkerMain.class, WorkerTimeouts.fromSystemProperty(), ProcessPoolModel::printLine);
    }

    /** JVMs running {@code workerMain}: tests start workers that misbehave on purpose. */
    ProcessPerTaskModel(int parallelism, Class<?> workerMain, WorkerTimeouts timeouts, Consumer<String> output) {
        super(ID, parallelism);
        // resolved in the constructor, so building the AOT cache the first time is not part of a run
        this.command = AotCache.workerCommand(workerMain);
        this.timeouts = timeouts;
        this.output = output;
        this.guard = new ShutdownGuard(ID);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return switch (workload) {
            case Batch batch when batch.kernel() instanceof Park -> batch.units() <= MAX_PARKED_JVMS ? Optional.empty()
                    : Optional.of("units must be at most " + MAX_PARKED_JVMS + " for " + ID + " parking, got "
                            + Checks.format(batch.units()) + ": every parked unit is a JVM of its own, all alive at once "
                            + "(tens of MB each); process-pool parks P at a time");
            case Batch batch -> batch.units() <= MAX_JVMS_PER_RUN ? Optional.empty() : Optional.of(
                    "units must be at most " + Checks.format(MAX_JVMS_PER_RUN) + " for " + ID + ", got " + Checks.format(batch.units())
                            + ": one JVM per unit, each tens of milliseconds to start; process-pool runs any size");
            case Tree tree -> tree.nodes() <= MAX_JVMS_PER_RUN ? Optional.empty() : Optional.of(
                    "nodes (width=" + tree.width() + ", depth=" + tree.depth() + ") must be at most "
                            + Checks.format(MAX_JVMS_PER_RUN) + " for " + ID + ", got " + Checks.format(tree.nodes())
                            + ": one JVM per node, each tens of milliseconds to start; process-pool cuts the tree into subtrees");
            case Relay relay -> relay.workers() <= MAX_RING_JVMS ? Optional.empty() : Optional.of(
                    "workers must be at most " + MAX_RING_JVMS + " for " + ID + ", got " + Checks.format(relay.workers())
                            + ": every worker of the ring is a JVM alive for the whole relay; process-pool maps them onto P");
            case Contention contention -> contention.workers() <= MAX_JVMS_PER_RUN ? Optional.empty() : Optional.of(
                    "workers must be at most " + Checks.format(MAX_JVMS_PER_RUN) + " for " + ID + ", got "
                            + Checks.format(contention.workers()) + ": one JVM per worker, each tens of milliseconds to start; "
                            + "process-pool spreads them over P");
        };
    }

    /**
     * Declined: a JVM per kept-alive connection. A load holds hundreds of connections open at
     * once, so it would need hundreds of JVMs of ~40 MB, each ~50 ms to start; the question of
     * what a process costs is asked by the other workloads, and {@code process-pool} serves.
     */
    @Override
    public Optional<String> limit(Serve serve) {
        return Optional.of(ID + " does not serve: its server would start a JVM per kept-alive connection, and a load"
                + " of hundreds of connections would need hundreds of JVMs (~40 MB and ~50 ms to start each) alive at"
                + " once; process-pool serves with P workers");
    }

    /** Never called: {@link #limit(Serve)} declines every serve before a server is started. */
    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) {
        throw new UnsupportedOperationException(limit(serve).orElseThrow());
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        int alive = batch.kernel() instanceof Park ? batch.units() : parallelism();
        return runEach(batch, batch.units(), alive, unit -> new WorkOrder.RunUnits(batch, unit, unit + 1));
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        try (ContentionFile counter = ContentionFile.create(id(), contention)) {
            // the replies count the increments each JVM made; the answer is what the file holds
            runEach(contention, contention.workers(), parallelism(),
                    worker -> new WorkOrder.ContendWorkers(contention, counter.file(), worker, worker + 1));
            return counter.total();
        } catch (UncheckedIOException unreadable) {
            throw RunFailures.failed(id(), contention, unreadable);
        }
    }

    /** {@code tasks} JVMs, task {@code i} given {@code orderOf(i)}, at most {@code alive} at once; the sum of their results. */
    private long runEach(Workload workload, int tasks, int alive, IntFunction<WorkOrder> orderOf) throws InterruptedException {
        try (TaskJvms jvms = jvmsFor(workload, tasks, alive)) {
            int next = 0;
            int answered = 0;
            long sum = 0;
            while (answered < tasks) {
                while (next < tasks && jvms.hasRoom()) {
                    jvms.start(orderOf.apply(next), next);
                    next++;
                }
                TaskJvms.Completed done = jvms.awaitNext();
                if (done != null) {
                    sum += done.value();
                    answered++;
                }
            }
            jvms.awaitAllExited();
            return sum;
        }
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        TreeJoins joins = new TreeJoins(tree);
        try (TaskJvms jvms = jvmsFor(tree, tree.nodes(), parallelism())) {
            Deque<Integer> ready = new ArrayDeque<>(joins.leaves());
            Long rootSum = null;
            while (rootSum == null) {
                while (!ready.isEmpty() && jvms.hasRoom()) {
                    int node = ready.pop();
                    jvms.start(joins.order(node), node);
                }
                TaskJvms.Completed done = jvms.awaitNext();
                if (done != null) {
                    if (done.tag() == TreeJoins.ROOT) {
                        rootSum = done.value();
                    } else {
                        joins.childAnswered(done.tag(), done.value()).ifPresent(ready::push);
                    }
                }
            }
            jvms.awaitAllExited();
            return rootSum;
        }
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        WorkerPool ring;
        try {
            ring = WorkerPool.start(ID, "ring", relay.workers(), command, timeouts, output);
        } catch (WorkerFailedException cannotStart) {
            throw RunFailures.failed(ID, relay, cannotStart);
        }
        try (ring) {
            return ring.relay(relay, holder -> holder);
        }
    }

    private TaskJvms jvmsFor(Workload workload, long jvmStarts, int alive) {
        return new TaskJvms(ID, workload, command, output, guard, alive, timeouts, jvmStarts);
    }

    @Override
    protected void shutdown() {
        // every run ends its own JVMs; only the hook that covers the JVM exiting mid-run is left
        guard.close();
    }

    /** The ServiceLoader entry of {@code process-per-task}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "processes", 80, ProcessPerTaskModel::new, ModelDescription
                    .of("one worker JVM per task, at most P alive (Python's Process with spawn)")
                    .with(ModelTrait.PROCESS_PER_TASK)
                    .on("batch", "starts a worker JVM per task, at most P alive: each task is a JVM start-up")
                    .on("blocking", "a JVM per task, P at a time: units / P JVM start-ups on top of the sleeps")
                    .on("mixed", "a JVM per task, P at a time: a start-up on top of every slice and wait")
                    .on("io", "a JVM per request, P at a time")
                    .on("transfer", "a JVM per task, whose bytes come back through its pipe: no payload hides the"
                            + " start-up")
                    .on("tree", "a JVM per node, as far as its limits allow")
                    .on("relay", "a worker JVM per ring worker, the token relayed through the parent over two pipes"
                            + " per hop")
                    .on("contention", "a JVM per worker, sharing the counter through a memory-mapped file")
                    .on("pinning", "a JVM per worker, P at a time, each waiting under a FileChannel lock")
                    .on("serve", "does not serve: a JVM per kept-alive connection would be hundreds of JVMs alive"
                            + " under a load"));
        }
    }
}
