package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class AsyncMutexTest {

    private final AsyncMutex mutex = new AsyncMutex();

    @Test
    void aSectionStartsOnlyOnceThePreviousHoldersFutureHasCompleted() {
        CompletableFuture<Void> firstHolds = new CompletableFuture<>();
        AtomicBoolean secondRan = new AtomicBoolean();
        mutex.withLock(() -> firstHolds, Runnable::run);

        CompletableFuture<Void> second = mutex.withLock(() -> {
            secondRan.set(true);
            return CompletableFuture.completedFuture(null);
        }, Runnable::run);

        assertFalse(secondRan.get(), "the second section ran while the first still held the mutex");
        firstHolds.complete(null);
        assertTrue(secondRan.get(), "the second section did not run once the first released the mutex");
        assertTrue(second.isDone());
    }

    @Test
    void aSectionThatThrowsReleasesTheMutexAndFailsItsOwnResult() {
        CompletableFuture<Void> failed = mutex.withLock(() -> {
            throw new IllegalStateException("section failed on purpose");
        }, Runnable::run);
        AtomicBoolean nextRan = new AtomicBoolean();

        mutex.withLock(() -> {
            nextRan.set(true);
            return CompletableFuture.completedFuture(null);
        }, Runnable::run);

        assertTrue(failed.isCompletedExceptionally());
        assertTrue(nextRan.get(), "a failed section kept the mutex");
    }

    @Test
    void callersAreServedInTheOrderTheyCalled() {
        CompletableFuture<Void> firstHolds = new CompletableFuture<>();
        List<Integer> served = new ArrayList<>();
        mutex.withLock(() -> firstHolds, Runnable::run);
        for (int caller = 1; caller <= 5; caller++) {
            int id = caller;
            mutex.withLock(() -> {
                served.add(id);
                return CompletableFuture.completedFuture(null);
            }, Runnable::run);
        }

        firstHolds.complete(null);

        assertEquals(List.of(1, 2, 3, 4, 5), served);
    }

    @Test
    void sectionsOnManyThreadsNeverOverlap() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger mostInside = new AtomicInteger();
            List<CompletableFuture<Void>> sections = new ArrayList<>();
            for (int caller = 0; caller < 2_000; caller++) {
                sections.add(mutex.withLock(() -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    // the section holds across a hop to another pool thread, as a timer would hand it on
                    return CompletableFuture.runAsync(inside::decrementAndGet, pool);
                }, pool));
            }

            CompletableFuture.allOf(sections.toArray(CompletableFuture[]::new)).join();

            assertEquals(1, mostInside.get(), "sections of one mutex overlapped");
        } finally {
            pool.shutdownNow();
        }
    }
}
