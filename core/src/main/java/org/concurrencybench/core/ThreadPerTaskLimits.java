package org.concurrencybench.core;

import java.util.Optional;

/**
 * The sizes that a {@link ThreadPerTaskModel} cannot run honestly, and why: the logic the
 * threads and virtual models share, each with its own figures.
 *
 * <p>A run keeps every task it started until it joins it, so all of its tasks are in the heap
 * at once, and the {@link HeapBudget} weighs them at the model's bytes per task: one figure for
 * a task that waits (a unit that sleeps, parks or makes a request, a relay worker, a worker
 * that waits for its lock or inside it) and one for a task that runs to its end once started
 * (a unit that only computes, a worker whose lock is atomic, and a tree's node: nine in ten
 * are leaves, which end as soon as they start). Units that make requests hold a socket each,
 * which the {@link DescriptorBudget} weighs first. A model whose threads are the operating
 * system's also bounds how many may be alive at once ({@link #withAtMostAlive}).
 */
public final class ThreadPerTaskLimits {

    private final String thread;
    private final HeapBudget heap;
    private final long bytesPerWaitingTask;
    private final long bytesPerTask;
    private final DescriptorBudget descriptors;
    private final long mostAlive;
    private final String mostAliveBecause;

    /**
     * @param thread the model's kind of thread as a message names it: {@code virtual thread}
     * @param heap the share of the heap a run may fill
     * @param bytesPerWaitingTask heap a task that waits holds until it is joined
     * @param bytesPerTask heap a task that runs to its end once started holds until it is joined
     * @param descriptors the file descriptors io units may hold at once
     */
    public ThreadPerTaskLimits(String thread, HeapBudget heap, long bytesPerWaitingTask, long bytesPerTask,
                               DescriptorBudget descriptors) {
        this(thread, heap, bytesPerWaitingTask, bytesPerTask, descriptors, Long.MAX_VALUE, "");
    }

    private ThreadPerTaskLimits(String thread, HeapBudget heap, long bytesPerWaitingTask, long bytesPerTask,
                                DescriptorBudget descriptors, long mostAlive, String mostAliveBecause) {
        this.thread = Checks.notBlank("thread", thread);
        this.heap = heap;
        this.bytesPerWaitingTask = bytesPerWaitingTask;
        this.bytesPerTask = bytesPerTask;
        this.descriptors = descriptors;
        this.mostAlive = mostAlive;
        this.mostAliveBecause = mostAliveBecause;
    }

    /**
     * These limits, and at most {@code most} threads alive at once: every task but a unit that
     * only computes holds its thread while the run's other tasks start. {@code because} says
     * where the bound comes from, in a message: {@code within the OS's pid limits}.
     */
    public ThreadPerTaskLimits withAtMostAlive(long most, String because) {
        return new ThreadPerTaskLimits(thread, heap, bytesPerWaitingTask, bytesPerTask, descriptors, most,
                Checks.notBlank("because", because));
    }

    /** Why {@code workload} cannot run on a thread per task; empty when it can. */
    public Optional<String> of(Workload workload) {
        Tasks tasks = Tasks.of(workload);
        Optional<String> sockets = workload instanceof Batch batch ? descriptors.of(batch) : Optional.empty();
        return sockets.or(() -> aliveAtOnce(tasks)).or(() -> fitsTheHeap(workload, tasks));
    }

    private Optional<String> aliveAtOnce(Tasks tasks) {
        if (!tasks.holdTheirThreads() || tasks.count() <= mostAlive) {
            return Optional.empty();
        }
        return Optional.of(tasks.size() + " would keep up to " + Checks.format(tasks.count()) + " " + thread
                + "s alive at once (" + tasks.whyAlive() + "); at most " + Checks.format(mostAlive)
                + " may be alive at once, " + mostAliveBecause + ", so " + tasks.fewer(mostAlive));
    }

    private Optional<String> fitsTheHeap(Workload workload, Tasks tasks) {
        long bytesEach = tasks.waits() ? bytesPerWaitingTask : bytesPerTask;
        String why = "the run keeps every " + tasks.task() + "'s " + thread + " until it joins it"
                + (tasks.waits() && bytesPerWaitingTask > bytesPerTask ? ", with its stack while it waits" : "");
        return workload instanceof Contention contention
                ? heap.check(contention, bytesEach, HeapBudget.BYTES_PER_COUNTER_STRIPE, why)
                : heap.check(tasks.parameter(), tasks.size(), tasks.count(), bytesEach, why);
    }

    /**
     * What a run of one workload keeps until it joins it: {@code count} tasks, each a
     * {@code task}, sized by {@code parameter} and worded as {@code size}; whether each waits,
     * and whether each holds its thread while the others start, and why; and what to do
     * instead, with {@code %s} for the most that fit.
     */
    private record Tasks(String task, String parameter, String size, long count, boolean waits,
                         boolean holdTheirThreads, String whyAlive, String instead) {

        static Tasks of(Workload workload) {
            return switch (workload) {
                case Batch batch -> new Tasks("unit", "units", "units=" + Checks.format(batch.units()), batch.units(),
                        batch.kernel().waits(), batch.kernel().waits(), "each unit holds its thread while it waits",
                        "use units <= %s");
                case Tree tree -> new Tasks("node", "nodes", "width=" + tree.width() + " and depth=" + tree.depth()
                        + " (" + Checks.format(tree.nodes()) + " nodes)", tree.nodes(), false, true,
                        "every inner node waits for its children", "choose width and depth with at most %s nodes");
                case Relay relay -> new Tasks("worker", "workers", "workers=" + Checks.format(relay.workers()),
                        relay.workers(), true, true, "every worker waits for the token", "use workers <= %s");
                case Contention contention -> new Tasks("worker", "workers",
                        "workers=" + Checks.format(contention.workers()), contention.workers(),
                        contention.lock() != LockKind.ATOMIC, true,
                        "every worker keeps its thread until it has made its updates", "use workers <= %s");
            };
        }

        /** What to do instead, for a bound of {@code most} tasks. */
        String fewer(long most) {
            return instead.formatted(Checks.format(most));
        }
    }
}
