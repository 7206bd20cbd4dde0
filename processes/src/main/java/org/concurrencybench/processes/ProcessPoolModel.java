package org.concurrencybench.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.UnitRange;

/**
 * P long-lived worker JVMs fed over pipes: Python's {@code multiprocessing.Pool}. The
 * workers are started in the constructor, in parallel, and live until {@link #close()}, so
 * a run pays for sending work and results through pipes, not for starting JVMs.
 *
 * <ul>
 *   <li><b>batch</b>: the units go out in chunks, as {@code Pool.map} sends them: a chunk
 *       is {@code ceil(units / (4 * P))} units, which each worker runs one after another;
 *       a worker that answers is given the next chunk. Four chunks per worker keep every
 *       worker busy to the end without a round trip per unit.</li>
 *   <li><b>tree</b>: the tree is cut at the first level with at least {@code 4 * P}
 *       subtrees; each subtree is one request, and below the cut a worker walks its subtree
 *       sequentially ({@link Tree#sequentialSum}). The parent adds the subtrees' sums,
 *       doing the joins above the cut. One process per node would measure process creation,
 *       not fan-out: that is {@code process-per-task}'s question.</li>
 *   <li><b>relay</b>: the parent is the hub. The token goes to the worker of its holder,
 *       which adds one and replies, and the parent hands it on: logical worker {@code w} of
 *       the ring lives in process {@code w % P}, so with W > P a process plays several
 *       workers. Each hop is a round trip through two pipes.</li>
 * </ul>
 *
 * <p>A unit that throws in a worker fails the run with a {@link RemoteUnitException}
 * carrying the unit's exception; a worker that dies, answers garbage or hangs past the
 * run's timeout fails it with a {@link WorkerFailedException}. Either way the other workers
 * are cancelled and the pool is whole again for the next run (see {@link WorkerPool}).
 */
public final class ProcessPoolModel extends AbstractConcurrencyModel {

    public static final String ID = "process-pool";

    private final WorkerPool pool;

    public ProcessPoolModel(int parallelism) {
        this(parallelism, WorkerMain.class, WorkerTimeouts.fromSystemProperty(), ProcessPoolModel::printLine);
    }

    /** Workers running {@code workerMain}: tests start workers that misbehave on purpose. */
    ProcessPoolModel(int parallelism, Class<?> workerMain, WorkerTimeouts timeouts, Consumer<String> output) {
        super(ID, parallelism);
        this.pool = WorkerPool.start(ID, "worker", parallelism, WorkerCommand.of(workerMain), timeouts, output);
    }

    /** A worker's output line, printed on this JVM's standard output as it is when the line arrives. */
    static void printLine(String line) {
        System.out.println(line);
    }

    /** The pids of the worker processes, in the order of their slots. */
    List<Long> workerPids() {
        return pool.pids();
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        int chunk = chunkSize(batch.units(), parallelism());
        List<Request> chunks = new ArrayList<>();
        for (UnitRange range : UnitRange.chunks(batch.units(), chunk)) {
            chunks.add(new Request.RunUnits(batch, range.from(), range.to()));
        }
        return pool.sumAll(batch, chunks);
    }

    /** {@code Pool.map}'s chunk size: {@code ceil(units / (4 * P))}. */
    static int chunkSize(int units, int parallelism) {
        long chunks = 4L * parallelism;
        return (int) Math.max(1, (units + chunks - 1) / chunks);
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        return pool.sumAll(tree, subtrees(tree, 4L * parallelism()));
    }

    /** The subtrees at the first level that has at least {@code wanted} nodes, or the leaves. */
    static List<Request.SumSubtree> subtrees(Tree tree, long wanted) {
        long count = tree.width();
        long leaves = tree.leaves() / tree.width();
        while (count < wanted && leaves > 1) {
            count *= tree.width();
            leaves /= tree.width();
        }
        List<Request.SumSubtree> subtrees = new ArrayList<>((int) count);
        for (long first = 0; first < tree.leaves(); first += leaves) {
            subtrees.add(new Request.SumSubtree(tree, first, leaves));
        }
        return subtrees;
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        int processes = parallelism();
        return pool.relay(relay, holder -> holder % processes);
    }

    @Override
    protected void shutdown() {
        pool.close();
    }

    /** The ServiceLoader entry of {@code process-pool}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "processes", 70, "P long-lived worker JVMs fed over pipes (Python's multiprocessing.Pool)", ProcessPoolModel::new);
        }
    }
}
