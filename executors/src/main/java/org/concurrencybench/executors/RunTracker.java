package org.concurrencybench.executors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One run's cancellation, its first failure, and the pool threads that are inside its units.
 *
 * <p>The pools cannot stop a run on their own: {@code Future.cancel(true)} interrupts but does
 * not wait, and {@code ForkJoinTask.cancel} and {@code CompletableFuture.cancel} do not even
 * interrupt. So every unit runs through {@link #runUnit}: it enters (refused once the run is
 * cancelled), runs on the calling pool thread, and leaves. The first unit that throws is the
 * run's failure and cancels the run; cancelling interrupts every thread inside a unit, and
 * {@link #stop()} returns once none is.
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

    private final Object lock = new Object();
    /** A thread is inside one unit at most: a unit's kernel never runs other tasks of the pool. */
    private final Set<Thread> insideUnits = new HashSet<>();
    private final List<Runnable> cancelActions = new ArrayList<>();
    private volatile boolean cancelled;
    private Throwable failure;

    /**
     * Runs {@code unit} on this thread as part of the run. Unchecked, so that pool tasks can
     * call it: a refused unit throws {@link CancellationException}, an interrupted one a
     * {@link CompletionException} around its {@link InterruptedException}.
     */
    long runUnit(Unit unit) {
        Thread current = Thread.currentThread();
        synchronized (lock) {
            if (cancelled) {
                throw new CancellationException("the run was cancelled before this unit started");
            }
            insideUnits.add(current);
        }
        try {
            return unit.run();
        } catch (InterruptedException interrupted) {
            failed(interrupted);
            throw new CompletionException(interrupted);
        } catch (RuntimeException | Error thrown) {
            failed(thrown);
            throw thrown;
        } finally {
            leave(current);
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
            while (!insideUnits.isEmpty()) {
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

    private static void awaitSettled(Future<?> answer) {
        boolean interrupted = false;
        while (!answer.isDone()) {
            try {
                answer.get();
            } catch (InterruptedException again) {
                interrupted = true;
            } catch (ExecutionException | CancellationException settled) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(Throwable thrown) {
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
        for (Thread thread : insideUnits) {
            if (thread != current) {
                thread.interrupt();
            }
        }
        List<Runnable> actions = List.copyOf(cancelActions);
        cancelActions.clear();
        return actions;
    }

    private void leave(Thread current) {
        synchronized (lock) {
            insideUnits.remove(current);
            if (cancelled && insideUnits.isEmpty()) {
                lock.notifyAll();
            }
        }
        if (cancelled) {
            // Out of the set, no interrupt of this run can reach the thread any more; clear one
            // that arrived after the unit stopped looking, so the pool thread starts clean.
            Thread.interrupted();
        }
    }
}
