package org.concurrencybench.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencybench.core.TaskThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run of nested groups, as a tree makes them: the caller's group of three, each of whose
 * threads starts a group of three leaves. Every thread the run makes is recorded, so that a test
 * can check that none is alive when the caller's call has ended.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class VirtualRunTest {

    private static final int WIDTH = 3;

    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ThreadFactory recording = task -> {
        Thread thread = Thread.ofVirtual().unstarted(task);
        made.add(thread);
        return thread;
    };
    private final VirtualRun run = new VirtualRun(recording);
    private final CountDownLatch holding = new CountDownLatch(WIDTH * WIDTH - 1);
    private final AtomicInteger interrupted = new AtomicInteger();

    @Test
    void nestedGroupsGiveEveryResultByIndexOnAThreadOfItsOwn() throws InterruptedException {
        long[] sums = run.startAndJoin(WIDTH, branch -> sum(run.startAndJoin(WIDTH, leaf -> branch * WIDTH + leaf)));

        assertArrayEquals(new long[] {3, 12, 21}, sums);
        assertEquals(WIDTH + WIDTH * WIDTH, made.size());
        assertTrue(made.stream().noneMatch(Thread::isAlive), "threads alive after the run returned");
        assertEquals(made.size(), made.stream().map(Thread::threadId).distinct().count(), "a thread per task");
    }

    @Test
    void aLeafThatFailsEndsEveryBranchAndTheRunThrowsItsFailure() {
        TaskThreads.TaskFailedException failure = assertThrows(TaskThreads.TaskFailedException.class,
                () -> run.startAndJoin(WIDTH, branch -> sum(run.startAndJoin(WIDTH, leaf -> {
                    if (branch == WIDTH - 1 && leaf == WIDTH - 1) {
                        // the last leaf fails once every other leaf holds, in its own branch and in the others
                        holding.await();
                        throw new IllegalStateException("the last leaf failed");
                    }
                    return holdUntilInterrupted();
                }))));

        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("the last leaf failed", failure.getCause().getMessage());
        assertEquals(WIDTH * WIDTH - 1, interrupted.get(), "every holding leaf, in every branch, is interrupted");
        assertTrue(made.stream().noneMatch(Thread::isAlive), "threads alive after the run threw");
    }

    @Test
    void anInterruptedCallerEndsEveryBranchAndGetsInterruptedException() throws Exception {
        CountDownLatch allHold = new CountDownLatch(WIDTH * WIDTH);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("virtual-run-test-caller").start(() -> {
            try {
                run.startAndJoin(WIDTH, branch -> sum(run.startAndJoin(WIDTH, leaf -> {
                    allHold.countDown();
                    return holdUntilInterrupted();
                })));
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        allHold.await();

        caller.interrupt();

        assertInstanceOf(InterruptedException.class, outcome.get());
        assertEquals(WIDTH * WIDTH, interrupted.get(), "every leaf, in every branch, is interrupted");
        assertTrue(made.stream().noneMatch(Thread::isAlive), "threads alive after the run threw");
    }

    /** Holds until interrupted, then counts itself and rethrows. */
    private long holdUntilInterrupted() throws InterruptedException {
        holding.countDown();
        try {
            new CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException expected) {
            interrupted.incrementAndGet();
            throw expected;
        }
    }

    private static long sum(long[] results) {
        long sum = 0;
        for (long result : results) {
            sum += result;
        }
        return sum;
    }
}
