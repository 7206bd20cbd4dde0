package org.concurrencybench.executors;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model's fixed pool of P platform threads ({@code Executors.newFixedThreadPool}), the one
 * the thread-pool, completable-future and async models run on: its threads named after the
 * model ({@link NamedThreads}), and its end, which waits for every one of them
 * ({@link PoolShutdown}).
 */
final class NamedFixedPool {

    private final String model;
    private final NamedThreads threads;
    private final ExecutorService executor;

    /**
     * @param model the model's id, for the message of a shutdown that cannot end a thread
     * @param threadNamePrefix the pool's threads are named {@code <prefix><n>}
     * @param parallelism P, the pool's threads
     */
    NamedFixedPool(String model, String threadNamePrefix, int parallelism) {
        this.model = model;
        this.threads = new NamedThreads(threadNamePrefix);
        this.executor = Executors.newFixedThreadPool(parallelism, threads);
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
