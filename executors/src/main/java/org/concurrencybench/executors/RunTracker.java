package org.concurrencybench.executors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Kernel;

/**
 * One run's cancellation, its first failure, and the pool threads that are inside its units.
 *
 * <p>The pools cannot stop a run on their own: {@code Future.cancel(true)} interrupts but does
 * not wait, and {@code ForkJoinTask.cancel} and {@code CompletableFuture.cancel} do not even
 * interrupt. So every unit that may wait runs through {@link #runUnit}: it enters (refused once
 * the run is cancelled), runs on the calling pool thread, and leaves. The first unit that throws
 * is the run's failure and cancels the run; cancelling interrupts every thread inside a unit,
 * and {@link #stop()} returns once none is.
 *
 * <p>A unit that only computes ({@link Kernel#waits()} is false) runs through {@link #compute}
 * instead: it is refused once the run is cancelled and its failure is the run's, but it is not
 * tracked, because an interrupt would not end it any sooner. That saves it the two memory fences
 * of entering and leaving, which are a third of what a fork/join task costs. The run waits for
 * such units through their tasks instead: every future settled ({@link #awaitSettled}), or the
 * pool quiescent.
 *
 * <p>Entering and leaving cost a unit two volatile writes and two volatile reads, and no lock:
 * each pool thread has one {@link Slot}, kept across runs, that says which run's unit it is
 * inside, and a run keeps the slots of the threads that have entered its units (each thread
 * joins that list once per run, the only time the run's lock is taken on the way in). A unit
 * writes its slot and then reads the run's cancellation; a cancellation writes the flag and then
 * reads the slots. So either the unit sees the cancellation and does not start, or the
 * cancellation sees the thread inside and interrupts it, or both; never neither. The interrupt
 * is sent holding the slot, and a thread that leaves a unit of a cancelled run takes its slot
 * once before it clears its interrupt: so no interrupt of a run reaches a thread after it has
 * left that run's unit.
 *
 * <p>Trees and relays have no units: their tasks never block, so they read
 * {@link #isCancelled()} and stop spawning, and {@link #await} waits for the run's answer to
 * settle, which happens only after the last of their tasks has finished.
 *
 * <p>A run that waits without a thread (a timer, a socket) is out of an interrupt's reach: it
 * registers {@link #onCancel cancel actions} that end those waits when the run is cancelled.
 */
final class RunTracker {

    /** A unit's work, run on the calling thread. */
    @FunctionalInterface
    interface Unit {
        long run() throws InterruptedException;
    }

    /**
     * A thread's place in the runs: the run whose unit it is inside, if any. One per thread, for
     * every run; a thread is inside one unit at most, since a unit's kernel never runs other
     * tasks of the pool. Its monitor is held while the thread is interrupted by a cancellation.
     */
    private static final class Slot {

        final Thread thread = Thread.currentThread();
        /** The run whose unit the thread is inside; null between units. Written by the thread alone. */
        volatile RunTracker inside;
        /** The run whose list of slots this one joined last; read and written by the thread alone. */
        RunTracker listedIn;
    }

    private static final ThreadLocal<Slot> SLOTS = ThreadLocal.withInitial(Slot::new);

    private final Object lock = new Object();
    /** The slots of the threads that have entered a unit of this run, each once or more. */
    private final List<Slot> slots = new ArrayList<>();
    private final List<Runnable> cancelActions = new ArrayList<>();
    private volatile boolean cancelled;
    private Throwable failure;

    /**
     * Runs {@code unit} on this thread as part of the run. Unchecked, so that pool tasks can
     * call it: a refused unit throws {@link CancellationException}, an interrupted one a
     * {@link CompletionException} around its {@link InterruptedException}.
     */
    long runUnit(Unit unit) {
        Slot slot = enter();
        try {
            return unit.run();
        } catch (InterruptedException interrupted) {
            failed(interrupted);
            throw new CompletionException(interrupted);
        } catch (RuntimeException | Error thrown) {
            failed(thrown);
            throw thrown;
        } finally {
            leave(slot);
        }
    }

    /**
     * Runs unit {@code unit} of {@code batch}, whose kernel does not wait, on this thread as part of
     * the run: refused once the run is cancelled, and its failure is the run's, as with
     * {@link #runUnit}; but it is not tracked, so {@link #stop()} does not wait for it.
     */
    long compute(Batch batch, int unit) {
        if (cancelled) {
            throw new CancellationException("the run was cancelled before this unit started");
        }
        try {
            return batch.runUnit(unit);
        } catch (InterruptedException interrupted) {
            failed(interrupted);
            throw new CompletionException(interrupted);
        } catch (RuntimeException | Error thrown) {
            failed(thrown);
            throw thrown;
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Refuses units from now on, interrupts the threads inside one and runs the cancel actions. Idempotent. */
    void cancel() {
        List<Runnable> actions;
        synchronized (lock) {
            actions = cancelLocked();
        }
        actions.forEach(Runnable::run);
    }

    /**
     * Runs {@code action} once when the run is cancelled, or at once if it already is. Actions run
     * on the cancelling thread outside the tracker's lock, so they may complete futures whose
     * continuations call back into the tracker.
     */
    void onCancel(Runnable action) {
        synchronized (lock) {
            if (!cancelled) {
                cancelActions.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * The first unit's failure, or {@code observed} when no unit failed: what a run reports,
     * since a cancelled unit's interruption may reach the caller before the failure that caused it.
     */
    Throwable failureOr(Throwable observed) {
        synchronized (lock) {
            return failure != null ? failure : observed;
        }
    }

    /** Cancels the run and waits, ignoring interrupts, until no thread is inside a unit. */
    void stop() {
        cancel();
        boolean interrupted = false;
        synchronized (lock) {
            while (anyInside()) {
                try {
                    lock.wait();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the answer of a tree or relay; whether this returns or throws, the run is over.
     * Interrupted, it cancels the run and waits for the answer to settle before it rethrows:
     * their tasks stop spawning once the run is cancelled, and the answer settles last.
     */
    long await(Future<Long> answer) throws InterruptedException, ExecutionException {
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            cancel();
            awaitSettled(answer);
            throw interrupted;
        } finally {
            stop();
        }
    }

    /**
     * Waits, ignoring interrupts, until every one of {@code tasks} has settled: after a failure or an
     * interrupt, how a run knows that its untracked units have ended (a task that was never
     * cancelled settles only when its unit has returned or thrown, or was refused).
     */
    static void awaitSettled(List<? extends Future<?>> tasks) {
        boolean interrupted = false;
        for (Future<?> task : tasks) {
            interrupted |= settle(task);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSettled(Future<?> answer) {
        if (settle(answer)) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code task} has settled; whether an interrupt arrived meanwhile. */
    private static boolean settle(Future<?> task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException again) {
                interrupted = true;
            } catch (ExecutionException | CancellationException settled) {
                break;
            }
        }
        return interrupted;
    }

    /** This thread enters a unit of the run, or is refused if the run is cancelled. */
    private Slot enter() {
        Slot slot = SLOTS.get();
        if (slot.listedIn != this) {
            synchronized (lock) {
                slots.add(slot);
            }
            slot.listedIn = this;
        }
        slot.inside = this;
        if (cancelled) {
            leave(slot);
            throw new CancellationException("the run was cancelled before this unit started");
        }
        return slot;
    }

    private void leave(Slot slot) {
        slot.inside = null;
        if (cancelled) {
            // A cancellation that saw this thread inside may be interrupting it now: once it has
            // let go of the slot, no interrupt of this run can reach the thread any more. Clear one
            // that arrived after the unit stopped looking, so the pool thread starts clean.
            synchronized (slot) {
                Thread.interrupted();
            }
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private boolean anyInside() {
        for (Slot slot : slots) {
            if (slot.inside == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports a unit's failure that happened outside {@link #runUnit} (a socket that failed with no
     * thread waiting on it): the first failure of the run cancels it, as a unit's does; after a
     * cancellation it is only the echo of it.
     */
    void failed(Throwable thrown) {
        List<Runnable> actions;
        synchronized (lock) {
            // after a cancellation, a unit's exception is only the echo of its interruption
            if (cancelled) {
                return;
            }
            failure = thrown;
            actions = cancelLocked();
        }
        actions.forEach(Runnable::run);
    }

    /** Cancels the run if it is not yet; returns the cancel actions the caller must run once it has left the lock. */
    private List<Runnable> cancelLocked() {
        if (cancelled) {
            return List.of();
        }
        cancelled = true;
        Thread current = Thread.currentThread();
        for (Slot slot : slots) {
            synchronized (slot) {
                if (slot.inside == this && slot.thread != current) {
                    slot.thread.interrupt();
                }
            }
        }
        List<Runnable> actions = List.copyOf(cancelActions);
        cancelActions.clear();
        return actions;
    }
}
