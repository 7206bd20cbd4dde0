package org.concurrencybench.executors;

import java.util.concurrent.RejectedExecutionException;
import org.concurrencybench.core.serve.Responses;
import org.concurrencybench.core.serve.UnitRequest;

/**
 * How a {@link PollerServer} runs the requests its poller has parsed: on a pool the server owns,
 * in its model's idiom (a fixed pool that sleeps, stages on a fixed pool, fork/join with managed
 * blocks).
 */
interface RequestHandlers {

    /**
     * Runs {@code request} on the pool and returns at once, since the caller is the poller: the
     * pool computes the slice, waits the service's delay and sends {@link Responses#ok} through
     * {@code reply}, or abandons the reply when the pool ends first.
     *
     * @throws RejectedExecutionException once the pool is shut down
     */
    void handle(UnitRequest request, Reply reply);

    /** Interrupts the requests in progress, drops the queued ones and waits until every pool thread has ended. */
    void shutdownNowAndAwait();

    /** A request's connection, as its handler sees it: once, either a response or none. */
    interface Reply {

        /**
         * Writes {@code response} on the calling thread, as far as the socket takes it at once,
         * and hands the connection back to the poller, which writes any rest and reads on.
         */
        void send(byte[] response);

        /** Closes the connection without a response: the pool ended while the request was in progress. */
        void abandon();
    }
}
