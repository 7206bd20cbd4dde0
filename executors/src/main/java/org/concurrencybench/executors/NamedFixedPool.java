package org.concurrencybench.executors;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fixed pool of platform threads ({@code Executors.newFixedThreadPool}): the P threads the
 * thread-pool, completable-future and async models run on, and the handler pools of the
 * thread-pool and completable-future servers. Its threads are named after the model
 * ({@link NamedThreads}), and its end waits for every one of them ({@link PoolShutdown}).
 */
final class NamedFixedPool {

    private final String model;
    private final NamedThreads threads;
    private final ExecutorService executor;

    /**
     * @param model the model's id, for the message of a shutdown that cannot end a thread
     * @param threadNamePrefix the pool's threads are named {@code <prefix><n>}
     * @param size the pool's threads: P, or a server's pool size
     */
    NamedFixedPool(String model, String threadNamePrefix, int size) {
        this.model = model;
        this.threads = new NamedThreads(threadNamePrefix);
        this.executor = Executors.newFixedThreadPool(size, threads);
    }

    /** The pool, to submit tasks to. */
    ExecutorService executor() {
        return executor;
    }

    /** Interrupts the pool's threads and waits, within {@link PoolShutdown#BOUND}, until each has ended. */
    void shutdownNowAndAwait() {
        PoolShutdown.shutdownNowAndAwait(model, executor, threads);
    }
}
