package org.concurrencybench.executors;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.UnitRequest;

/**
 * fork-join's handlers: a {@code ForkJoinPool(P)} on which each request is a task that computes
 * its slice as plain work and sleeps in a {@link Blocker}, so that the pool starts a spare
 * thread while a worker sleeps: up to P + {@link ForkJoinModel#MAX_SPARES} requests overlap
 * their waits, as the model's blocking units do.
 *
 * <p>The pool is in async mode (first in, first out): its tasks are requests that no one joins,
 * the event-style use that mode is for, so the oldest request a worker has is the next it runs.
 */
final class ForkJoinHandlers implements RequestHandlers {

    private final Serve serve;
    private final String model;
    private final NamedThreads threads;
    private final ForkJoinPool pool;

    /** @param threadNamePrefix the pool's threads are named {@code <prefix><n>} */
    ForkJoinHandlers(String model, String threadNamePrefix, Serve serve, int parallelism) {
        this.serve = serve;
        this.model = model;
        this.threads = new NamedThreads(threadNamePrefix);
        this.pool = new ForkJoinPool(parallelism, threads, null, true,
                0, parallelism + ForkJoinModel.MAX_SPARES, 1, atTheBound -> true, 60, TimeUnit.SECONDS);
    }

    @Override
    public void handle(UnitRequest request, Reply reply) {
        // the sleep as a managed block: the pool starts a spare thread while this worker waits
        RequestHandlers.computeWaitAndReply(pool, serve, delayMs -> Blocker.run(() -> {
            Thread.sleep(delayMs);
            return delayMs;
        }), request, reply);
    }

    @Override
    public void shutdownNowAndAwait() {
        PoolShutdown.shutdownNowAndAwait(model, pool, threads);
    }
}
