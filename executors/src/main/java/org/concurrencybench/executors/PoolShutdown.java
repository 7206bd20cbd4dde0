package org.concurrencybench.executors;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Ends a model's pool: shuts it down now and waits, within a bound, for each of its threads. */
final class PoolShutdown {

    /** Runs end before close, so the pool is idle: a thread still busy this long ignores interrupts. */
    static final Duration BOUND = Duration.ofSeconds(10);

    private PoolShutdown() {
    }

    static void shutdownNowAndAwait(String model, ExecutorService pool, NamedThreads threads) {
        shutdownNowAndAwait(model, pool, threads, BOUND);
    }

    /**
     * Interrupts the pool's threads, waits for the pool to terminate and for every thread
     * {@code threads} made to end, and throws if one has not within {@code bound}. An
     * interrupt while waiting does not cut the wait short; it is re-asserted afterwards.
     */
    static void shutdownNowAndAwait(String model, ExecutorService pool, NamedThreads threads, Duration bound) {
        pool.shutdownNow();
        long deadline = System.nanoTime() + bound.toNanos();
        boolean interrupted = false;
        List<Thread> stuck;
        while (true) {
            try {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                // a terminated pool's threads may still be on their way out
                stuck = threads.awaitEnded(deadline);
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!stuck.isEmpty()) {
            throw new IllegalStateException(model + ": " + stuck.size() + " pool thread(s) still running "
                    + bound.toMillis() + " ms after shutdownNow interrupted them; a task that ignores interruption"
                    + " holds them: " + describe(stuck));
        }
    }

    private static String describe(List<Thread> threads) {
        return threads.stream()
                .map(thread -> thread.getName() + " at " + Arrays.stream(thread.getStackTrace()).limit(3)
                        .map(StackTraceElement::toString).collect(Collectors.joining(" < ")))
                .collect(Collectors.joining("; "));
    }
}
