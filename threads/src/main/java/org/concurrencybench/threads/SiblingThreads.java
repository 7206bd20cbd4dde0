package org.concurrencybench.threads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
 * nests groups, and an interrupted node cancels its own children before it ends.
 */
final class SiblingThreads {

    /** The work of thread {@code index} of the group. */
    @FunctionalInterface
    interface Task {
        long run(int index) throws Exception;
    }

    /** The first failure of a group, carried up through the groups that contain it. */
    static final class TaskFailedException extends RuntimeException {

        TaskFailedException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private SiblingThreads() {
    }

    /**
     * Starts {@code count} threads from {@code factory}, thread {@code i} running
     * {@code task.run(i)}, joins them all and returns their results by index. When this
     * returns or throws, every thread it started has ended.
     *
     * @throws TaskFailedException whose cause is the first exception a task threw, or the
     *         error that kept a thread from starting
     * @throws InterruptedException if the owner was interrupted; the threads were
     *         interrupted and joined first
     */
    static long[] startAndJoin(ThreadFactory factory, int count, Task task) throws InterruptedException {
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
                        if (firstFailure.compareAndSet(null, rootCause(thrown))) {
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
            endAll(threads, started);
            throw interrupted;
        } catch (RuntimeException | Error cannotStart) {
            // "unable to create native thread" (an OutOfMemoryError) is the usual one
            firstFailure.compareAndSet(null, cannotStart);
        }
        endAll(threads, started);
        throw new TaskFailedException(firstFailure.get());
    }

    /** A nested group's failure is reported as the exception that started it. */
    private static Throwable rootCause(Throwable thrown) {
        return thrown instanceof TaskFailedException nested ? nested.getCause() : thrown;
    }

    /** Interrupts the first {@code started} threads and waits until every one has ended. */
    private static void endAll(Thread[] threads, int started) {
        for (int i = 0; i < started; i++) {
            threads[i].interrupt();
        }
        // A run must not return while its threads run, so a second interrupt of the owner
        // cannot cut this wait short; it is kept for the owner's caller instead.
        boolean interruptedAgain = false;
        for (int i = 0; i < started; i++) {
            while (true) {
                try {
                    threads[i].join();
                    break;
                } catch (InterruptedException again) {
                    interruptedAgain = true;
                }
            }
        }
        if (interruptedAgain) {
            Thread.currentThread().interrupt();
        }
    }
}
