package org.concurrencybench.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencybench.core.TaskThreads;

/**
 * The virtual threads of one run: a thread-per-task executor made for the run and closed at
 * its end, which is how virtual threads are meant to be used (they are never pooled; the
 * executor is only the set of the run's threads, and its {@code close} waits for all of them).
 *
 * <p>Java 21 has no structured task scope outside preview, so failing fast is done by hand:
 * the first task to throw records its exception and shuts the executor down at once, which
 * interrupts every other thread of the run, whoever started it (in a tree, every node), and
 * refuses new ones. A caller interrupted while it starts or joins does the same. Either way
 * {@link #close()} returns only when every thread of the run has ended.
 */
final class VirtualRun implements TaskThreads {

    private final ExecutorService executor;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    /** @param threads makes the run's virtual threads */
    VirtualRun(ThreadFactory threads) {
        executor = Executors.newThreadPerTaskExecutor(threads);
    }

    /**
     * Forks {@code count} tasks, joins them all in fork order and returns their results by
     * index. Forking stops once a task has failed or the caller was interrupted, and the joins
     * then report which.
     */
    @Override
    public long[] startAndJoin(int count, Task task) throws InterruptedException {
        List<Future<Long>> forked = new ArrayList<>(count);
        Thread caller = Thread.currentThread();
        for (int index = 0; index < count && !hasFailed() && !caller.isInterrupted(); index++) {
            int taskIndex = index;
            forked.add(fork(() -> task.run(taskIndex)));
        }
        // checked here and not only in join: a caller interrupted before its first fork has nothing to join
        if (Thread.interrupted()) {
            executor.shutdownNow();
            throw new InterruptedException("interrupted after forking " + forked.size() + " of " + count + " tasks");
        }
        long[] results = new long[count];
        for (int index = 0; index < forked.size(); index++) {
            results[index] = join(forked.get(index));
        }
        return results;
    }

    /**
     * Starts {@code task} on a new virtual thread.
     *
     * @throws TaskFailedException if the run has already failed
     */
    private Future<Long> fork(Callable<Long> task) {
        try {
            return executor.submit(() -> {
                try {
                    return task.call();
                } catch (Exception | Error thrown) {
                    fail(thrown);
                    throw thrown;
                }
            });
        } catch (RejectedExecutionException afterShutdown) {
            throw new TaskFailedException(failureOr(afterShutdown));
        }
    }

    /**
     * Waits for a forked task's result.
     *
     * @throws TaskFailedException whose cause is the first exception a task of the run threw
     * @throws InterruptedException if the calling thread was interrupted; every thread of the
     *         run has then been interrupted too
     */
    private long join(Future<Long> future) throws InterruptedException {
        try {
            // Future.get returns a finished task's result even to an interrupted caller; a
            // caller that stopped forking because it was interrupted must not sum a part.
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return future.get();
        } catch (ExecutionException failed) {
            throw new TaskFailedException(failureOr(failed.getCause()));
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            throw interrupted;
        }
    }

    /** Whether a task has failed, so there is no point in forking more. */
    private boolean hasFailed() {
        return firstFailure.get() != null;
    }

    private void fail(Throwable thrown) {
        if (firstFailure.compareAndSet(null, TaskFailedException.rootCause(thrown))) {
            executor.shutdownNow();
        }
    }

    /** The first failure; {@code otherwise} when the run ended by an interrupt, not a failure. */
    private Throwable failureOr(Throwable otherwise) {
        Throwable first = firstFailure.get();
        return first != null ? first : otherwise;
    }

    @Override
    public void close() {
        executor.close();
    }
}
