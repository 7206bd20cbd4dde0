package org.concurrencybench.threads;

import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.DescriptorBudget;
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
    protected TaskThreads threadsOfARun(ThreadFactory threads) {
        return new SiblingThreads(threads);
    }

    /** Registers the model under {@value ThreadsModel#ID}. */
    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "threads", 10, "one platform Thread per task: new, start, join", ThreadsModel::new);
        }
    }
}
