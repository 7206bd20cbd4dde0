package org.concurrencybench.executors;

import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.UnitRequest;
import org.concurrencybench.core.serve.Waiter;

/**
 * thread-pool's handlers: a fixed pool of {@link Serve#poolThreads()} platform threads, a
 * servlet container's; each request holds one through its slice, its sleep and its write, so
 * that many requests are in flight at a time and the rest queue.
 */
final class ThreadPoolHandlers implements RequestHandlers {

    private final Serve serve;
    private final NamedFixedPool pool;

    /** @param threadNamePrefix the handler threads are named {@code <prefix><n>} */
    ThreadPoolHandlers(String model, String threadNamePrefix, Serve serve) {
        this.serve = serve;
        this.pool = new NamedFixedPool(model, threadNamePrefix, serve.poolThreads());
    }

    @Override
    public void handle(UnitRequest request, Reply reply) {
        RequestHandlers.computeWaitAndReply(pool.executor(), serve, Waiter.SLEEP, request, reply);
    }

    @Override
    public void shutdownNowAndAwait() {
        pool.shutdownNowAndAwait();
    }
}
