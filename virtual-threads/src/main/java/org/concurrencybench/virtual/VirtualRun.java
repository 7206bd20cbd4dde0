package org.concurrencybench.virtual;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencybench.core.TaskThreads;

/**
 * The virtual threads of one run, each started by the task that needs its result and joined by
 * it, nothing pooled; the run as a whole fails fast, wherever in a tree its threads are.
 *
 * <p>Each {@link #startAndJoin} call is a group: its owner starts the threads, waits on one latch
 * that the last of them or a failure releases, and joins them. The run keeps its first failure
 * and its caller's group, the first: the first task to throw, anywhere, records its exception
 * and releases both its own group and the caller's. The caller then interrupts the threads it
 * started, and an owner interrupted while it waits interrupts its own threads in turn, so the
 * interrupt runs down every branch of a tree at once; meanwhile no owner starts a thread once
 * the run has failed. A caller interrupted while it starts or waits does the same. Every owner
 * joins the threads it started before its call returns or throws, so when the caller's call
 * ends, every thread of the run has ended. Every thread of a run bears the run's one name, as
 * its factory gives it, and is told apart by its thread id: a name string per thread would be
 * about 64 bytes of heap on each of a million parked threads, and a counter and a string to make
 * on each start.
 *
 * <p>Java 21's other way to hold a run's virtual threads together, a thread-per-task executor
 * made for the run, wraps each thread's task in a future and two lambdas, and its caller then
 * waits on each future in turn; for virtual threads, cheap to start as they are, that was a
 * large part of what a task cost. A group's array of its threads and the interrupts that run
 * down the tree reach every thread as surely.
 */
final class VirtualRun implements TaskThreads {

    private final ThreadFactory threads;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    /** The group of the run's caller, its first; set before any thread of the run starts. */
    private Group callers;

    /**
     * @param threads makes the run's virtual threads, each with the run's name; safe to use from
     *        the run's own threads, as a tree does
     */
    VirtualRun(ThreadFactory threads) {
        this.threads = threads;
    }

    /**
     * Starts {@code count} tasks on virtual threads, waits until all have ended or one of the run
     * has failed, joins them and returns their results by index. Starting stops once a task of
     * the run has failed or the caller was interrupted.
     */
    @Override
    public long[] startAndJoin(int count, Task task) throws InterruptedException {
        if (count == 0) {
            return new long[0];
        }
        Group group = new Group(count);
        if (callers == null) {
            callers = group;
        }
        Thread owner = Thread.currentThread();
        try {
            while (group.started < count && firstFailure.get() == null && !owner.isInterrupted()) {
                group.start(task);
            }
            group.settled.await();
            if (firstFailure.get() == null) {
                group.joinAll();
                return group.results;
            }
        } catch (InterruptedException interrupted) {
            group.endAll();
            throw interrupted;
        } catch (RuntimeException | Error cannotStart) {
            // "unable to create native thread" is not a virtual thread's failure, but a full heap is
            failed(cannotStart, group);
        }
        group.endAll();
        throw new TaskFailedException(firstFailure.get());
    }

    /** Every group has joined its threads before its call returned: there is nothing to wait for. */
    @Override
    public void close() {
    }

    /** Records the run's first failure and releases its group and, the first time, the caller's. */
    private void failed(Throwable thrown, Group group) {
        if (firstFailure.compareAndSet(null, TaskFailedException.rootCause(thrown))) {
            callers.settled.countDown();
        }
        group.settled.countDown();
    }

    /** The threads of one {@link #startAndJoin} call, started, awaited and joined by its owner alone. */
    private final class Group {

        final long[] results;
        final Thread[] members;
        /** How many of {@link #members} have started; read and written by the owner alone. */
        int started;
        final AtomicInteger unfinished;
        /** Released by the last thread of the group to finish, or by a failure. */
        final CountDownLatch settled = new CountDownLatch(1);

        Group(int count) {
            this.results = new long[count];
            this.members = new Thread[count];
            this.unfinished = new AtomicInteger(count);
        }

        void start(Task task) {
            int index = started;
            Thread thread = threads.newThread(() -> {
                try {
                    // written before the thread ends; join makes it visible to the owner
                    results[index] = task.run(index);
                } catch (Throwable thrown) {
                    failed(thrown, this);
                    return;
                }
                if (unfinished.decrementAndGet() == 0) {
                    settled.countDown();
                }
            });
            thread.start();
            members[started++] = thread;
        }

        void joinAll() throws InterruptedException {
            for (int i = 0; i < started; i++) {
                members[i].join();
            }
        }

        /** Interrupts the threads started and waits until every one has ended. */
        void endAll() {
            TaskThreads.interruptAndJoin(members, started);
        }
    }
}
