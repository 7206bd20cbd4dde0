package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.LockKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AsyncContentionTest {

    /** Runs each section on the thread that frees the mutex: the first holder is waiting when start() returns. */
    private static final Executor DIRECT = Runnable::run;

    private final RunTracker tracker = new RunTracker();

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void everyUpdateOfEveryWorkerIsCountedOncePerStripe() {
        Contention contention = new Contention("contention", 5, 4, LockKind.SYNCHRONIZED, 1, 2);

        assertEquals(contention.expected(), new AsyncContention(contention, DIRECT, tracker).start().join());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void cancellingTheRunEndsTheHoldersWaitSoTheWorkersQueuedBehindItSettleAtOnce() {
        // a minute inside the lock: only ending the holder's wait settles the run within the hang guard
        Contention contention = new Contention("contention", 4, 1, LockKind.REENTRANT, 60_000, 1);
        CompletableFuture<Long> answer = new AsyncContention(contention, DIRECT, tracker).start();

        tracker.cancel();

        CompletionException ended = assertThrows(CompletionException.class, answer::join);
        assertInstanceOf(CancellationException.class, ended.getCause());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRunCancelledBeforeItStartsMakesNoUpdateAndSettlesAtOnce() {
        Contention contention = new Contention("contention", 3, 2, LockKind.SYNCHRONIZED, 60_000, 3);
        tracker.cancel();

        CompletableFuture<Long> answer = new AsyncContention(contention, DIRECT, tracker).start();

        assertInstanceOf(CancellationException.class, assertThrows(CompletionException.class, answer::join).getCause());
    }
}
