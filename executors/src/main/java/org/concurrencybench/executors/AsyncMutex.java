package org.concurrencybench.executors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Mutual exclusion for code that waits without a thread: a chain of futures instead of a lock.
 * Each caller's critical section starts once the previous holder's has completed, and holds the
 * mutex until the future it returns completes; nobody blocks, so a holder may wait on a timer
 * or a socket and a waiter is only a continuation. Callers are served in the order they called.
 *
 * <p>What the sections guard needs no lock of its own: each section starts as a dependent of the
 * previous one's completion, so what one holder wrote happens-before what the next one reads.
 */
final class AsyncMutex {

    /** Completes when the last caller so far has released the mutex. */
    private final AtomicReference<CompletableFuture<Void>> tail =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    /**
     * Runs {@code critical} on {@code executor} once every earlier caller has released the
     * mutex, and releases it when the future {@code critical} returns completes, normally or not
     * (also when {@code critical} throws). The result is that future's outcome.
     */
    <T> CompletableFuture<T> withLock(Supplier<CompletableFuture<T>> critical, Executor executor) {
        CompletableFuture<Void> released = new CompletableFuture<>();
        CompletableFuture<Void> previous = tail.getAndSet(released);
        // async, so that a release never runs the next holder's section on the releasing thread's stack
        CompletableFuture<T> held = previous.thenComposeAsync(free -> critical.get(), executor);
        held.whenComplete((result, thrown) -> released.complete(null));
        return held;
    }
}
