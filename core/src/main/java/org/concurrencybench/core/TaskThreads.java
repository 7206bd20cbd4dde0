package org.concurrencybench.core;

/**
 * The threads of one run of a {@link ThreadPerTaskModel}: every task on a new thread of its
 * own, started and joined by the task that needs its result. A tree nests the calls: a node's
 * task starts its children from its own thread and joins them there.
 *
 * <p>The threads and virtual models implement this each in its own way, and the two are kept
 * apart on purpose. Platform threads are started and joined by hand, as Python's
 * {@code threading} is used: each call is a group of siblings that fails fast on its own, and
 * a failure climbs a tree one group at a time. Virtual threads are started and joined the same
 * way, but the run fails as a whole: its first failure, wherever in a tree, also wakes the
 * caller, whose interrupt runs down every branch at once.
 */
public interface TaskThreads extends AutoCloseable {

    /** The work of task {@code index} of one {@link #startAndJoin} call. */
    @FunctionalInterface
    interface Task {
        long run(int index) throws Exception;
    }

    /** The first failure of a run, carried up through the tasks that joined the failed one. */
    final class TaskFailedException extends RuntimeException {

        public TaskFailedException(Throwable cause) {
            super(cause.toString(), cause);
        }

        /** A nested task's failure is reported as the exception that started it. */
        public static Throwable rootCause(Throwable thrown) {
            return thrown instanceof TaskFailedException nested ? nested.getCause() : thrown;
        }
    }

    /**
     * Starts {@code count} threads, thread {@code i} running {@code task.run(i)}, joins them
     * all and returns their results by index. Starting stops once a task has failed or the
     * caller was interrupted.
     *
     * @throws TaskFailedException whose cause is the first exception a task of the run threw,
     *         or the error that kept a thread from starting
     * @throws InterruptedException if the caller was interrupted; the threads it started have
     *         been interrupted too
     */
    long[] startAndJoin(int count, Task task) throws InterruptedException;

    /** Returns once every thread of the run has ended; after a failure or an interrupt they were all interrupted. */
    @Override
    void close();

    /**
     * Interrupts the first {@code started} of {@code threads} and waits until every one has
     * ended: how a group of siblings ends after a failure or an interrupt. A run must not return
     * while its threads run, so a second interrupt of the caller cannot cut this wait short; it
     * is kept for the caller's own caller instead.
     */
    static void interruptAndJoin(Thread[] threads, int started) {
        for (int i = 0; i < started; i++) {
            threads[i].interrupt();
        }
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
