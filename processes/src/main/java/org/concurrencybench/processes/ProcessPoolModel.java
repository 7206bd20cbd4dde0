package org.concurrencybench.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Payload;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.UnitRange;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.processes.aot.AotCache;
import org.concurrencybench.processes.parent.RunFailures;
import org.concurrencybench.processes.parent.WorkerFailedException;
import org.concurrencybench.processes.parent.WorkerPool;
import org.concurrencybench.processes.parent.WorkerTimeouts;
import org.concurrencybench.processes.protocol.RemoteUnitException;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.FileCounter;
import org.concurrencybench.processes.shm.RegionWriter;
import org.concurrencybench.processes.shm.SharedFolder;
import org.concurrencybench.processes.worker.WorkerMain;

/**
 * P long-lived worker JVMs fed over pipes: Python's {@code multiprocessing.Pool}. The
 * workers are started in the constructor, in parallel, and live until {@link #close()}, so
 * a run pays for sending work and results through pipes, not for starting JVMs.
 *
 * <ul>
 *   <li><b>batch</b>: the units go out in chunks, as {@code Pool.map} sends them: a chunk
 *       is {@code ceil(units / (4 * P))} units, which each worker runs one after another;
 *       a worker that answers is given the next chunk. Four chunks per worker keep every
 *       worker busy to the end without a round trip per unit. A unit's payload bytes go
 *       back as soon as the unit is done, and a chunk carries at most 64 MiB of them
 *       ({@link #ORDER_BYTES}; one unit at the least), so a payload region never has to
 *       hold a whole chunk of large units.</li>
 *   <li><b>tree</b>: the tree is cut at the first level with at least {@code 4 * P}
 *       subtrees; each subtree is one order, and below the cut a worker walks its subtree
 *       sequentially ({@link Tree#sequentialSum}). The parent adds the subtrees' sums,
 *       doing the joins above the cut. One process per node would measure process creation,
 *       not fan-out: that is {@code process-per-task}'s question.</li>
 *   <li><b>relay</b>: the parent is the hub. The token goes to the worker of its holder,
 *       which adds one and replies, and the parent hands it on: logical worker {@code w} of
 *       the ring lives in process {@code w % P}, so with W > P a process plays several
 *       workers. Each hop is a round trip through two pipes.</li>
 *   <li><b>contention</b>: the counter is a {@link FileCounter} file that every worker
 *       maps; processes use a FileChannel lock on the counter's stripe for synchronized and
 *       reentrant, and an atomic add on the mapping for atomic. The contention's workers
 *       are tasks spread over the P processes in {@code Pool.map} chunks, and a process
 *       runs its tasks one after another, like a Python pool worker: a file lock belongs
 *       to a whole process, so P processes contend. The answer is the file's total, read
 *       after every task ended.</li>
 *   <li><b>park</b>: parked units wait in the workers, P at a time; the others wait their
 *       turn in the queue, as with {@code Pool.map}.</li>
 * </ul>
 *
 * <p><b>serve</b>: the pre-fork server of gunicorn and nginx. The P workers all listen on the
 * port with SO_REUSEPORT and the kernel spreads the connections over them; in a worker, each
 * connection has a platform thread of its own running core's {@code BlockingConnection}
 * (gunicorn's threaded worker), which sleeps through the request's delay. The parent only
 * reserves the port and starts and stops the workers' listeners over the pipes; the workers
 * go on taking orders while they serve, and a worker that does not stop serving in time is
 * killed and replaced before the next run (see {@code parent.PoolServer}). Both transports
 * serve alike: a response never crosses a pipe.
 *
 * <p>Units' payload bytes reach the parent one of two ways, one model id each:
 * {@value #ID} sends them in the reply frames on the pipe; {@value #SHARED_MEMORY_ID} has
 * each worker fill them into its region of a memory-mapped file, the Java counterpart of
 * {@code multiprocessing.shared_memory}, and send only where they are (see
 * {@link RegionWriter}). Either way the parent checksums the bytes that arrived, where they
 * arrived, and adds that to the answer.
 *
 * <p>A unit that throws in a worker fails the run with a {@link RemoteUnitException}
 * carrying the unit's exception; a worker that dies, answers garbage or hangs past the
 * run's timeout fails it with a {@link WorkerFailedException}. Either way the other workers
 * are cancelled and the pool is whole again for the next run (see {@link WorkerPool}).
 */
public final class ProcessPoolModel extends AbstractConcurrencyModel {

    public static final String ID = "process-pool";
    public static final String SHARED_MEMORY_ID = "process-pool-shm";

    /** Payload bytes one order carries at most: the largest unit's, so any unit fits, and a chunk no more. */
    static final int ORDER_BYTES = Payload.MAX_BYTES;

    /** How the bytes of units travel from the workers to the parent. */
    enum Transport {
        /** In UNIT_BYTES frames on the reply pipe. */
        PIPE(ID),
        /** Through each worker's region of a memory-mapped file, with only where they are on the pipe. */
        SHARED_MEMORY(SHARED_MEMORY_ID);

        final String modelId;

        Transport(String modelId) {
            this.modelId = modelId;
        }
    }

    private final WorkerPool pool;
    /** Where the workers' payload regions are, for {@link Transport#SHARED_MEMORY}; null for the pipe. */
    private final SharedFolder regions;

    public ProcessPoolModel(int parallelism) {
        this(Transport.PIPE, parallelism);
    }

    ProcessPoolModel(Transport transport, int parallelism) {
        this(transport, parallelism, WorkerMain.class, WorkerTimeouts.fromSystemProperty(), ProcessPoolModel::printLine);
    }

    /** Workers running {@code workerMain}: tests start workers that misbehave on purpose. */
    ProcessPoolModel(Transport transport, int parallelism, Class<?> workerMain, WorkerTimeouts timeouts,
                     Consumer<String> output) {
        super(transport.modelId, parallelism);
        this.regions = transport == Transport.SHARED_MEMORY ? SharedFolder.create(transport.modelId) : null;
        try {
            this.pool = WorkerPool.start(id(), "worker", parallelism, AotCache.workerCommand(workerMain), timeouts, output, regions);
        } catch (RuntimeException failed) {
            if (regions != null) {
                regions.close();
            }
            throw failed;
        }
    }

    /** A worker's output line, printed on this JVM's standard output as it is when the line arrives. */
    static void printLine(String line) {
        System.out.println(line);
    }

    /** The pids of the worker processes, in the order of their slots. */
    List<Long> workerPids() {
        return pool.pids();
    }

    /** The folder of the workers' payload regions, for {@value #SHARED_MEMORY_ID}. */
    Optional<Path> regionFolder() {
        return regions == null ? Optional.empty() : Optional.of(regions.path());
    }

    /** The workers' payload region files, in the order of their slots; empty for {@value #ID}. */
    List<Path> regionFiles() {
        return pool.regionFiles();
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        int chunk = unitsPerOrder(batch, parallelism());
        List<WorkOrder> chunks = new ArrayList<>();
        for (UnitRange range : UnitRange.chunks(batch.units(), chunk)) {
            chunks.add(new WorkOrder.RunUnits(batch, range.from(), range.to()));
        }
        return pool.sumAll(batch, chunks);
    }

    /** {@link #chunkSize}, cut so that a chunk's payload stays within {@link #ORDER_BYTES}. */
    static int unitsPerOrder(Batch batch, int parallelism) {
        int chunk = chunkSize(batch.units(), parallelism);
        return batch.payload() == 0 ? chunk : Math.max(1, Math.min(chunk, ORDER_BYTES / batch.payload()));
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
    static List<WorkOrder.SumSubtree> subtrees(Tree tree, long wanted) {
        long count = tree.width();
        long leaves = tree.leaves() / tree.width();
        while (count < wanted && leaves > 1) {
            count *= tree.width();
            leaves /= tree.width();
        }
        List<WorkOrder.SumSubtree> subtrees = new ArrayList<>((int) count);
        for (long first = 0; first < tree.leaves(); first += leaves) {
            subtrees.add(new WorkOrder.SumSubtree(tree, first, leaves));
        }
        return subtrees;
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        int processes = parallelism();
        return pool.relay(relay, holder -> holder % processes);
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        try (ContentionFile counter = ContentionFile.create(id(), contention)) {
            List<WorkOrder> tasks = new ArrayList<>();
            for (UnitRange workers : UnitRange.chunks(contention.workers(), chunkSize(contention.workers(), parallelism()))) {
                tasks.add(new WorkOrder.ContendWorkers(contention, counter.file(), workers.from(), workers.to()));
            }
            // the replies count the increments each task made; the answer is what the file holds
            pool.sumAll(contention, tasks);
            return counter.total();
        } catch (UncheckedIOException unreadable) {
            throw RunFailures.failed(id(), contention, unreadable);
        }
    }

    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) throws IOException {
        return pool.serve(serve, address);
    }

    @Override
    protected void shutdown() {
        pool.close();
        if (regions != null) {
            regions.close();
        }
    }

    /** The ServiceLoader entry of {@value #ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "processes", 70, parallelism -> new ProcessPoolModel(Transport.PIPE, parallelism),
                    poolDescription("P long-lived worker JVMs fed over pipes (Python's multiprocessing.Pool)",
                            "copies each unit's bytes out of its worker through the reply pipe, in frames"));
        }
    }

    /** The ServiceLoader entry of {@value #SHARED_MEMORY_ID}. */
    public static final class SharedMemoryProvider extends AbstractModelProvider {

        public SharedMemoryProvider() {
            super(SHARED_MEMORY_ID, "processes", 75, parallelism -> new ProcessPoolModel(Transport.SHARED_MEMORY,
                    parallelism), poolDescription("process-pool moving unit results through a memory-mapped file"
                            + " (Python's multiprocessing.shared_memory)",
                    "has the worker write each unit's bytes into its region of a memory-mapped file in /dev/shm and"
                            + " send only where they are; the parent checksums them in place")
                    .with(ModelTrait.PAYLOAD_VARIANT));
        }
    }

    /** The two pools run everything alike but a unit's bytes, which {@code transfer} says how they move. */
    private static ModelDescription.Builder poolDescription(String summary, String transfer) {
        return ModelDescription.of(summary)
                .on("batch", "sends the units in Pool.map-sized chunks to P long-lived worker JVMs over pipes")
                .on("blocking", "P worker processes, each sleeping through its chunks of units in turn: P sleeps"
                        + " overlap, plus the pipes")
                .on("mixed", "P worker processes, each computing and waiting through its chunks in turn: P waits"
                        + " overlap, plus the pipes")
                .on("io", "P worker processes, each sending its chunk's requests in turn: P requests in flight")
                .on("transfer", transfer)
                .on("tree", "cuts the tree into a few subtrees per worker and walks each one sequentially")
                .on("relay", "relays the token through the parent: a round trip over two pipes per hop")
                .on("contention", "spreads the workers over its P processes, which run them one after another and"
                        + " share the counter through a memory-mapped file: a FileChannel lock on the stripe for"
                        + " synchronized and reentrant, a VarHandle atomic add on the mapping for atomic")
                .on("pinning", "waits in its P processes, P at a time, each under a FileChannel lock")
                .on("serve", "pre-forks: its P worker JVMs all accept on the port with SO_REUSEPORT, the kernel"
                        + " spreading connections over them, and each runs a thread per connection (gunicorn's"
                        + " threaded worker)")
                .notComparable("spawn", "its figure is a few chunked round trips to its workers, not a task per unit")
                .notComparable("tree", "its workers walk subtrees sequentially: the figure is not a task per node");
    }
}
