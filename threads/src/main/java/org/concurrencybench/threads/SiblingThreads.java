package org.concurrencybench.threads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencybench.core.TaskThreads;

/**
 * Platform threads that one owner starts together and joins together, the way Python's
 * {@code threading} is used: start them all, then join them all.
 *
 * <p>Joining in start order alone would fail late: the owner would sit in {@code join} on a
 * thread that holds for minutes while a later sibling has already failed. So every thread
 * reports to one latch, released by the first failure or by the last thread to finish. On a
 * failure the owner interrupts the others and joins them before it throws; interrupting the
 * owner does the same and ends in {@link InterruptedException}. Only the owner starts and
 * interrupts its threads, so nothing can be started after the group was cancelled; a tree
 * nests groups, and an interrupted node cancels its own children before it ends. Each
 * {@link #startAndJoin} call is such a group: when it returns or throws, every thread it
 * started has ended, so a run has nothing left to end when it closes.
 */
final class SiblingThreads implements TaskThreads {

    private final ThreadFactory factory;

    /** @param factory makes every thread of the run; safe to use from the run's own threads, as a tree does */
    SiblingThreads(ThreadFactory factory) {
        this.factory = factory;
    }

    @Override
    public long[] startAndJoin(int count, Task task) throws InterruptedException {
        long[] results = new long[count];
        Thread[] threads = new Thread[count];
        AtomicInteger unfinished = new AtomicInteger(count);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        CountDownLatch settled = new CountDownLatch(1);
        int started = 0;
        try {
            Thread owner = Thread.currentThread();
            while (started < count && firstFailure.get() == null && !owner.isInterrupted()) {
                int index = started;
                Thread thread = factory.newThread(() -> {
                    try {
                        // written before the thread ends; join makes it visible to the owner
                        results[index] = task.run(index);
                    } catch (Throwable thrown) {
                        if (firstFailure.compareAndSet(null, TaskFailedException.rootCause(thrown))) {
                            settled.countDown();
                        }
                        return;
                    }
                    if (unfinished.decrementAndGet() == 0) {
                        settled.countDown();
                    }
                });
                thread.start();
                threads[started++] = thread;
            }
            settled.await();
            if (firstFailure.get() == null) {
                for (Thread thread : threads) {
                    thread.join();
                }
                return results;
            }
        } catch (InterruptedException interrupted) {
            TaskThreads.interruptAndJoin(threads, started);
            throw interrupted;
        } catch (RuntimeException | Error cannotStart) {
            // "unable to create native thread" (an OutOfMemoryError) is the usual one
            firstFailure.compareAndSet(null, cannotStart);
        }
        TaskThreads.interruptAndJoin(threads, started);
        throw new TaskFailedException(firstFailure.get());
    }

    /** Every group has joined its threads before its call returned: there is nothing to wait for. */
    @Override
    public void close() {
    }
}
