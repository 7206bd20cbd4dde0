package org.concurrencybench.executors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.concurrencybench.core.serve.Responses;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.UnitRequest;

/**
 * completable-future's handlers: each request is {@code supplyAsync} of its slice, then a stage
 * that sleeps and makes the response, on a fixed pool of P platform threads. The sleeping stage
 * holds its thread, so P requests are in flight at a time and the rest queue.
 *
 * <p>The sleep is {@code thenApplyAsync} on the pool, not {@code thenApply}: a plain
 * {@code thenApply} on a slice that is already computed runs on the thread that attaches it,
 * which is the poller, and a sleeping poller would stop every connection.
 */
final class CompletableFutureHandlers implements RequestHandlers {

    private final Serve serve;
    private final NamedFixedPool workers;
    private final ExecutorService pool;

    /** @param threadNamePrefix the pool's threads are named {@code <prefix><n>} */
    CompletableFutureHandlers(String model, String threadNamePrefix, Serve serve, int parallelism) {
        this.serve = serve;
        this.workers = new NamedFixedPool(model, threadNamePrefix, parallelism);
        this.pool = workers.executor();
    }

    @Override
    public void handle(UnitRequest request, Reply reply) {
        CompletableFuture.supplyAsync(() -> serve.compute(request.index()), pool)
                .thenApplyAsync(count -> {
                    sleep(serve.delayMs());
                    return Responses.ok(request, count);
                }, pool)
                .whenComplete((response, failed) -> {
                    if (failed == null) {
                        reply.send(response);
                    } else {
                        reply.abandon();
                    }
                });
    }

    /** {@link Thread#sleep} in a stage: an interrupt fails the stage and stays asserted. */
    private static void sleep(long delayMs) {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            throw new CompletionException(closing);
        }
    }

    @Override
    public void shutdownNowAndAwait() {
        workers.shutdownNowAndAwait();
    }
}
