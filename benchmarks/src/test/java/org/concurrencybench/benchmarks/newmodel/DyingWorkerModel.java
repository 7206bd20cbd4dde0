package org.concurrencybench.benchmarks.newmodel;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.processes.parent.RunFailures;
import org.concurrencybench.processes.parent.WorkerCommand;
import org.concurrencybench.processes.parent.WorkerFailedException;
import org.concurrencybench.processes.parent.WorkerPool;
import org.concurrencybench.processes.parent.WorkerTimeouts;

/**
 * A made-up model whose worker process dies: a tree run starts a worker JVM through the worker
 * pool the process models use, and the worker ({@link DyingWorkerMain}) exits with an error
 * before it is ready, so the run fails as a process model's does when its worker dies. Every
 * other workload runs in turn on the calling thread and is right. Registered by
 * {@link AFailedCellTest} alone, through a services file on a bench JVM's class path.
 */
public final class DyingWorkerModel extends AbstractConcurrencyModel {

    public static final String ID = "dying-worker";

    public DyingWorkerModel(int parallelism) {
        super(ID, parallelism);
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        return batch.runRange(0, batch.units());
    }

    @Override
    protected long runTree(Tree tree) {
        WorkerPool pool;
        try {
            pool = WorkerPool.start(ID, "worker", 1, WorkerCommand.of(DyingWorkerMain.class),
                    WorkerTimeouts.fixed(Duration.ofMinutes(1)), System.out::println);
        } catch (WorkerFailedException died) {
            throw RunFailures.failed(ID, tree, died);
        }
        pool.close();
        throw new IllegalStateException("the worker was made to die, but it started");
    }

    @Override
    protected long runRelay(Relay relay) {
        return relay.hops();
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        SharedCounter counter = contention.newCounter();
        for (int worker = 0; worker < contention.workers(); worker++) {
            counter.work(worker);
        }
        return counter.total();
    }

    @Override
    public Optional<String> limit(Serve serve) {
        return Optional.of("a test model that serves nothing");
    }

    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) {
        throw new IllegalStateException("unreachable: the limit refuses every service");
    }

    @Override
    protected void shutdown() {
        // the worker pool of a tree run is closed with the run
    }

    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "benchmarks (tests)", 98, DyingWorkerModel::new, ModelDescription.of("a made-up model whose worker dies")
                    .on("batch", "runs the units of a batch one at a time")
                    .on("tree", "starts a worker process that dies before it is ready")
                    .on("relay", "counts the hops without passing anything")
                    .on("contention", "runs the workers in turn"));
        }
    }
}
