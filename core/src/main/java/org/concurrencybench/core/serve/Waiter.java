package org.concurrencybench.core.serve;

/**
 * How a blocking server waits {@link Serve#delayMs()} after a request's slice, on the thread that
 * serves the connection: the call to a database that the service stands for.
 */
@FunctionalInterface
public interface Waiter {

    /** {@link Thread#sleep(long)}: a platform thread blocks, a virtual thread unmounts. */
    Waiter SLEEP = Thread::sleep;

    /** Returns after {@code delayMs}; an interrupt ends the wait and the connection. */
    void await(long delayMs) throws InterruptedException;
}
