package org.concurrencybench.benchmarks.bare;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The bare twins by id, and the one place that maps a twin to its model: twin {@code bare-X} is
 * model {@code X}'s idiom without the suite. Each says what it runs and what its model's run holds
 * in addition, for the report. Models with no twin here (the baseline, the process models) have
 * none: the baseline has no bookkeeping to leave out, and a process model's cost is its processes.
 */
public enum BareTwin {

    THREADS("bare-threads", parallelism -> new BareThreadPerTask(BareThreadPerTask.PLATFORM),
            "new Thread(task).start() per unit, node and ring worker, then join() each in start order, the results in"
                    + " an array; the ring's token over SynchronousQueues as in the model",
            "a thread factory that names every thread, a latch that the last thread or the first failure releases, a"
                    + " slot for that failure, an interrupt check before every start, and, on a failure or an interrupt,"
                    + " interrupting and joining every sibling",
            new Memory(BareHold.platformThreads(), "new Thread(task).start() per task, the threads in a list",
                    "a slot in the run's results array, a task that also holds its group's latch, count and"
                            + " first-failure slot, and a longer name (the model's id, the kind of task and n, against"
                            + " Thread-n); the stack is reserved alike")),
    THREAD_POOL("bare-thread-pool", BareThreadPool::new,
            "Executors.newFixedThreadPool(P): submit per unit and Future.get in order; a tree node executes its"
                    + " children, which report their sums upward; a hop is a task that executes the next; the caller"
                    + " waits on one future",
            "a run tracker: every unit, node and hop reads a cancellation flag (a unit that waits, none here, also"
                    + " marks its thread inside the run on the way in and out, so that a failure can interrupt it),"
                    + " the first failure is kept and cancels the run; named threads", null),
    FORK_JOIN("bare-fork-join", BareForkJoin::new,
            "new ForkJoinPool(P) and pool.invoke: a RecursiveTask that halves the units with invokeAll down to one"
                    + " unit each, a RecursiveTask per tree node that forks and joins its children, a RecursiveAction"
                    + " per hop that forks the next",
            "a run tracker (every task reads a cancellation flag; a unit that waits, none here, also marks its"
                    + " thread inside the run on the way in and out), submit with an interruptible get instead of"
                    + " invoke, and a pool built to add spare threads for blocking work (none here: nothing blocks)", null),
    COMPLETABLE_FUTURE("bare-completable-future", BareCompletableFuture::new,
            "supplyAsync(task, pool) per unit on Executors.newFixedThreadPool(P), allOf(..).join(); a node's future"
                    + " the thenCombine of its children's; a hop a thenComposeAsync stage",
            Held.TRACKED_UNITS + ", a cancellation check in every node and hop", null),
    ASYNC("bare-async", BareAsync::new,
            "supplyAsync(task, pool) per unit on Executors.newFixedThreadPool(P), allOf(..).join(); a node gathers its"
                    + " children with allOf(..).thenApplyAsync; the ring's workers await inbox futures, woken with"
                    + " thenAcceptAsync",
            Held.TRACKED_UNITS + ", every future cancelled after the run, a cancellation check in every node and"
                    + " hop, and a channel group for io on the same pool (idle here)",
            new Memory(BareHold.timers(), "new CompletableFuture<Long>().completeOnTimeout(unit, hold, MILLISECONDS) per"
                    + " task, the futures in a list",
                    "allOf's tree, through which the run waits for every unit's answer and learns of the first"
                            + " failure: a future, a relay and a second completion per unit; the twin waits for"
                            + " nothing")),
    VIRTUAL("bare-virtual", parallelism -> new BareThreadPerTask(BareThreadPerTask.VIRTUAL),
            "Thread.startVirtualThread(task) per unit, node and ring worker, then join() each in start order, the"
                    + " results in an array; the ring's token over SynchronousQueues as in the model",
            "the run's name on every thread (one string for all), a latch per group of siblings that the last of them"
                    + " or the run's first failure releases, the first failure kept and the caller's group released"
                    + " by it, an interrupt check before every start, and, on a failure or an interrupt, interrupting"
                    + " and joining every thread of the group, which runs down a tree",
            new Memory(BareHold.virtualThreads(), "Thread.startVirtualThread(task) per task, the threads in a list",
                    "a slot in its group's results array, and two more frames on each parked thread's stack (the"
                            + " run's task and Batch.runUnit above the unit), which a parked virtual thread keeps in its"
                            + " stack chunk on the heap"));

    /**
     * The twin of a model that can hold many tasks alive at once, for {@code bench footprint}: how
     * it holds them, in a sentence's words, and what the model keeps per task that it does not.
     */
    public record Memory(BareHold.Start hold, String idiom, String keptInAddition) {
    }

    /** What the future-chaining models' runs both hold around their units, in the report's words. */
    private static final class Held {
        static final String TRACKED_UNITS = "a run tracker around every unit (a cancellation check; a unit that"
                + " waits, none here, also marks its thread inside the run), whose first failure ends allOf at once";
    }

    /** What every twin's id starts with; the rest is its model's id. */
    public static final String PREFIX = "bare-";

    private final String id;
    private final IntFunction<BareIdiom> factory;
    private final String idiom;
    private final String leftOut;
    private final Memory memory;

    BareTwin(String id, IntFunction<BareIdiom> factory, String idiom, String leftOut, Memory memory) {
        this.id = id;
        this.factory = factory;
        this.idiom = idiom;
        this.leftOut = leftOut;
        this.memory = memory;
    }

    /** {@code bare-threads}: what JMH's {@code @Param idiom}, results and run records call it. */
    public String id() {
        return id;
    }

    /** The id of the model this is the twin of. */
    public String model() {
        return id.substring(PREFIX.length());
    }

    /** What the twin runs, in a sentence's words. */
    public String idiom() {
        return idiom;
    }

    /** What the model's run holds that the twin leaves out. */
    public String leftOut() {
        return leftOut;
    }

    /** Its memory twin, if its model holds a task alive in a thread or a timer of its own rather than in a pool's queue. */
    public Optional<Memory> memory() {
        return Optional.ofNullable(memory);
    }

    /** A new instance of the idiom at P = {@code parallelism}: its pool, if it has one. */
    BareIdiom create(int parallelism) {
        return factory.apply(parallelism);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(BareTwin::id).toList();
    }

    /** The twin whose id is {@code id}, if it is one. */
    public static Optional<BareTwin> byId(String id) {
        return Arrays.stream(values()).filter(twin -> twin.id.equals(id)).findFirst();
    }

    /** The twin of {@code model}, if it has one. */
    public static Optional<BareTwin> of(String model) {
        return byId(PREFIX + model);
    }
}
