package org.concurrencybench.threads;

import java.util.Optional;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.DescriptorBudget;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.TaskThreads;
import org.concurrencybench.core.ThreadPerTaskModel;
import org.concurrencybench.core.Workload;

/**
 * One platform thread per task, started and joined by hand: Java's counterpart of the
 * notebook's {@code threading.Thread(...).start()} and {@code join()}. A batch starts a thread
 * per unit, a tree a thread per node (each inner node starts its children and joins them), a
 * relay and a contention a thread per worker (the runs are {@link ThreadPerTaskModel}'s,
 * shared with the virtual model). An io unit blocks its OS thread on a plain socket until the
 * server answers. Nothing is pooled, so every task pays for creating an OS thread, and a failed
 * or interrupted group of siblings is ended by the thread that started it
 * ({@link SiblingThreads}). Sizes that would need too many threads alive or sockets open at
 * once are refused up front (see {@link ThreadLimits}).
 *
 * <p>It serves the way a classic blocking Java server does: a platform thread accepts, and each
 * connection gets a new platform thread that reads, computes and sleeps through its requests in
 * turn on a plain socket, until the connection ends. Each of those is an OS thread, so the server
 * keeps at most {@value ThreadLimits#MAX_ALIVE} connections at once, the bound of a run's
 * threads: a connection accepted beyond that is closed at once, unanswered, and counted, and so
 * is one for which the OS will not start a thread; the server goes on accepting either way.
 */
public final class ThreadsModel extends ThreadPerTaskModel {

    public static final String ID = "threads";

    private final ThreadLimits limits = new ThreadLimits(Runtime.getRuntime().maxMemory(),
            DescriptorBudget.ofThisProcess());

    public ThreadsModel(int parallelism) {
        super(ID, parallelism, Thread::ofPlatform);
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return limits.of(workload);
    }

    @Override
    protected TaskThreads threadsOfARun(Thread.Builder kindOfThread, String namePrefix) {
        return new SiblingThreads(kindOfThread.name(namePrefix, 0).factory());
    }

    @Override
    protected int maxConnections() {
        return ThreadLimits.MAX_ALIVE;
    }

    /** Registers the model under {@value ThreadsModel#ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "threads", 10, ThreadsModel::new, ModelDescription
                    .of("one platform Thread per task: new, start, join")
                    .with(ModelTrait.COMMON_SERVER)
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
                            + " overlap")
                    .on("serve", "a platform thread accepts and starts a platform thread per connection, which reads,"
                            + " computes and sleeps through its requests on a plain socket; beyond "
                            + Checks.format(ThreadLimits.MAX_ALIVE) + " connections at once one more is closed"
                            + " unanswered"));
        }
    }
}
