package org.concurrencybench.benchmarks.footprint;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.Park;

/**
 * A batch of {@link Park} units run through a model on a thread of its own, so that its tasks
 * stay alive while this JVM is measured. {@link #awaitAllAlive} watches the tasks come alive
 * and measures once all of them are; {@link #close()} interrupts the run, which the model's
 * contract turns into cancelling every unit, and waits for it to end.
 *
 * <p>A model that cannot hold every task at once (a pool of P threads runs P and queues the
 * rest) is found out by watching the count stop growing: unchanged for {@link #STALL_NANOS}
 * with no garbage collection in between (a long pause stops the count too, and says nothing
 * about the model). Submitting a million tasks changes the count every poll, so the window only
 * has to outlast the gaps between polls, not the whole submission.
 */
final class TaskHold implements AutoCloseable {

    /** Each unit waits this long: far beyond any measurement, so only cancelling ends it. */
    static final long HOLD_MS = 3_600_000;

    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** Beyond any honest start of a million tasks on one core; the command's own timeout is longer. */
    static final long DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(5);

    private static final long POLL_MS = 20;

    /** How long a cancelled run may take to end its units: a million virtual threads take a few seconds. */
    private static final long CANCEL_SECONDS = 120;

    private final String model;
    private final Batch batch;
    private final ChildReport.Readied warmUp;
    private final JvmSettings jvm;
    private final CompletableFuture<Long> answer = new CompletableFuture<>();
    private final Thread caller;
    private final long started;

    private TaskHold(ConcurrencyModel model, Batch batch, ChildReport.Readied warmUp, JvmSettings jvm) {
        this.model = model.id();
        this.batch = batch;
        this.warmUp = warmUp;
        this.jvm = jvm;
        this.started = System.nanoTime();
        this.caller = Thread.ofPlatform().name("footprint-run").start(() -> {
            try {
                answer.complete(model.run(batch));
            } catch (Throwable failed) {
                answer.completeExceptionally(failed);
            }
        });
    }

    /** Starts {@code tasks} units, each waiting {@link #HOLD_MS}, through {@code model}. */
    static TaskHold start(ConcurrencyModel model, int tasks, ChildReport.Readied warmUp, JvmSettings jvm) {
        return new TaskHold(model, batch(tasks), warmUp, jvm);
    }

    static Batch batch(int tasks) {
        return new Batch("footprint", new Park(HOLD_MS), tasks);
    }

    /**
     * Waits until every task is alive and measures; or reports why they never all were: the
     * count stopped short, the run ended or failed, the platform threads went past
     * {@code budget}, or the deadline passed.
     */
    ChildReport awaitAllAlive(PlatformThreadBudget budget) throws InterruptedException {
        int tasks = batch.units();
        int last = -1;
        long collections = collections();
        long lastChange = System.nanoTime();
        while (true) {
            int alive = LiveTasks.count();
            long now = System.nanoTime();
            if (alive >= tasks) {
                double seconds = (now - started) / 1e9;
                MemoryUse.awaitWorkersStarted();
                return ChildReport.measured(model, tasks, MemoryUse.measure(), seconds, warmUp, jvm);
            }
            if (answer.isDone()) {
                return ended(alive);
            }
            int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            if (platformThreads > budget.threads()) {
                return notApplicable(alive, "stopped at " + Checks.format(platformThreads) + " platform threads, with "
                        + Checks.format(alive) + " of " + Checks.format(tasks) + " tasks alive: at most "
                        + Checks.format(budget.threads()) + " may run here, " + budget.why());
            }
            long collectionsNow = collections();
            if (alive != last || collectionsNow != collections) {
                last = alive;
                collections = collectionsNow;
                lastChange = now;
            } else if (now - lastChange > STALL_NANOS) {
                return notApplicable(alive, "held only " + Checks.format(alive) + " of " + Checks.format(tasks)
                        + " tasks at once: no more came alive within " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS)
                        + " s (the model runs that many at a time and queues the rest)");
            }
            if (now - started > DEADLINE_NANOS) {
                return ChildReport.notMeasured(model, tasks, CellOutcome.FAILED, "only " + Checks.format(alive) + " of "
                        + Checks.format(tasks) + " tasks were alive after " + TimeUnit.NANOSECONDS.toMinutes(DEADLINE_NANOS)
                        + " minutes, and still coming", alive, warmUp, jvm);
            }
            Thread.sleep(POLL_MS);
        }
    }

    private ChildReport ended(int alive) {
        String reason;
        if (answer.isCompletedExceptionally()) {
            Throwable failure = answer.exceptionNow();
            reason = "the run failed with " + Checks.format(alive) + " of " + Checks.format(batch.units())
                    + " tasks alive: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
        } else {
            reason = "the run returned before its " + Checks.format(batch.units()) + " tasks were alive at once, though each"
                    + " waits " + HOLD_MS / 60_000 + " minutes";
        }
        return ChildReport.notMeasured(model, batch.units(), CellOutcome.FAILED, reason, alive, warmUp, jvm);
    }

    private ChildReport notApplicable(int alive, String reason) {
        return ChildReport.notMeasured(model, batch.units(), CellOutcome.NOT_APPLICABLE, reason, alive, warmUp, jvm);
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(collector.getCollectionCount(), 0);
        }
        return count;
    }

    /** Interrupts the run and waits for it to end its units. */
    @Override
    public void close() throws InterruptedException {
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(CANCEL_SECONDS));
    }

    /** Whether the run has ended: after {@link #close()}, whether the model cancelled it in time. */
    boolean ended() {
        return !caller.isAlive();
    }
}
