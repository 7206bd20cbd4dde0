package org.concurrencybench.executors;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.concurrencybench.core.serve.Responses;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.UnitRequest;
import org.concurrencybench.core.serve.Waiter;

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

    /**
     * Runs {@code request} on {@code pool} as a blocking handler does: computes the slice, waits
     * through {@code waiter} on the pool's thread, then sends the response; a pool that ends
     * first (an interrupt) or a handler that fails abandons the reply.
     */
    static void computeWaitAndReply(Executor pool, Serve serve, Waiter waiter, UnitRequest request, Reply reply) {
        pool.execute(() -> {
            byte[] response;
            try {
                long count = serve.compute(request.index());
                waiter.await(serve.delayMs());
                response = Responses.ok(request, count);
            } catch (InterruptedException closing) {
                reply.abandon();
                return;
            } catch (RuntimeException | Error failed) {
                reply.abandon();
                throw failed;
            }
            reply.send(response);
        });
    }

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
