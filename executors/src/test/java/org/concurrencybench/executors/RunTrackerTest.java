package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class RunTrackerTest {

    private final RunTracker tracker = new RunTracker();
    private final CountDownLatch entered = new CountDownLatch(1);

    @Test
    void aUnitRunsOnTheCallingThreadAndGivesItsResult() {
        assertEquals(7, tracker.runUnit(() -> 7));
    }

    @Test
    void onceTheRunIsCancelledNoUnitStarts() {
        AtomicBoolean ran = new AtomicBoolean();
        tracker.cancel();

        assertThrows(CancellationException.class, () -> tracker.runUnit(() -> {
            ran.set(true);
            return 1;
        }));

        assertFalse(ran.get(), "a unit ran after the run was cancelled");
    }

    @Test
    void stopInterruptsAUnitThatHoldsAndReturnsOnlyOnceItHasLeft() throws Exception {
        AtomicBoolean unitEnded = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = inUnitOnAnotherThread(() -> {
            try {
                holdUntilInterrupted();
                return 0;
            } finally {
                unitEnded.set(true);
            }
        });
        entered.await();

        tracker.stop();

        assertTrue(unitEnded.get(), "stop returned while a unit was still inside");
        Throwable thrown = outcome.get();
        assertInstanceOf(CompletionException.class, thrown);
        assertInstanceOf(InterruptedException.class, thrown.getCause());
    }

    @Test
    void theFirstFailureIsTheRunsNotTheInterruptionsItCauses() throws Exception {
        CompletableFuture<Throwable> holder = inUnitOnAnotherThread(() -> {
            holdUntilInterrupted();
            return 0;
        });
        entered.await();
        IllegalStateException failure = new IllegalStateException("unit 1 failed");

        assertSame(failure, assertThrows(IllegalStateException.class, () -> tracker.runUnit(() -> {
            throw failure;
        })));

        assertInstanceOf(InterruptedException.class, holder.get().getCause(), "the holding unit should be interrupted");
        assertTrue(tracker.isCancelled());
        assertSame(failure, tracker.failureOr(new RuntimeException("observed later")));
    }

    @Test
    void aUnitThatOnlyComputesIsRefusedOnceTheRunIsCancelled() {
        long startedBefore = Probe.startedUnits();
        tracker.cancel();

        assertThrows(CancellationException.class, () -> tracker.compute(new Batch("probe", new Probe(-1, 0), 1), 0));

        assertEquals(startedBefore, Probe.startedUnits(), "a unit ran after the run was cancelled");
    }

    @Test
    void aUnitThatOnlyComputesAndFailsIsTheRunsFailureAndInterruptsTheUnitsThatWait() throws Exception {
        CompletableFuture<Throwable> holder = inUnitOnAnotherThread(() -> {
            holdUntilInterrupted();
            return 0;
        });
        entered.await();
        Batch failing = new Batch("probe", new Probe(0, 0), 1);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> tracker.compute(failing, 0));

        assertEquals(Probe.failureMessage(0), failure.getMessage());
        assertInstanceOf(InterruptedException.class, holder.get().getCause(), "the waiting unit should be interrupted");
        assertSame(failure, tracker.failureOr(new RuntimeException("observed later")));
    }

    @Test
    void withoutAFailedUnitTheObservedFailureIsReported() {
        RuntimeException observed = new RuntimeException("the pool refused work");

        assertSame(observed, tracker.failureOr(observed));
    }

    @Test
    void aThreadLeavesAUnitOfACancelledRunWithoutTheRunsInterrupt() throws Exception {
        CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
        Thread.ofPlatform().name("tracker-test-worker").start(() -> {
            // a unit that notices the interrupt but returns normally, leaving the flag set
            tracker.runUnit(() -> {
                entered.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                return 1;
            });
            interruptedAfterwards.complete(Thread.currentThread().isInterrupted());
        });
        entered.await();

        tracker.cancel();

        assertFalse(interruptedAfterwards.get(), "the pool thread would carry the interrupt into its next task");
    }

    @Test
    void cancellingARunLeavesAThreadThatHasMovedOnToAnotherRunsUnitAlone() throws Exception {
        RunTracker other = new RunTracker();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> interruptedInOtherUnit = new CompletableFuture<>();
        Thread.ofPlatform().name("tracker-test-worker").start(() -> {
            // the thread has been inside a unit of this run, and is now inside one of the other run
            tracker.runUnit(() -> 1);
            try {
                interruptedInOtherUnit.complete(other.runUnit(() -> {
                    entered.countDown();
                    release.await();
                    return Thread.currentThread().isInterrupted() ? 1 : 0;
                }));
            } catch (RuntimeException interrupted) {
                interruptedInOtherUnit.completeExceptionally(interrupted);
            }
        });
        entered.await();

        tracker.cancel();
        release.countDown();

        assertEquals(0, interruptedInOtherUnit.get(), "cancelling one run interrupted a unit of another");
    }

    @Test
    void cancellingRunsEachCancelActionOnce() {
        AtomicInteger ran = new AtomicInteger();
        tracker.onCancel(ran::incrementAndGet);

        tracker.cancel();
        tracker.cancel();
        tracker.stop();

        assertEquals(1, ran.get());
    }

    @Test
    void aCancelActionRegisteredAfterTheCancellationRunsAtOnce() {
        AtomicInteger ran = new AtomicInteger();
        tracker.cancel();

        tracker.onCancel(ran::incrementAndGet);

        assertEquals(1, ran.get());
    }

    @Test
    void theFirstFailingUnitRunsTheCancelActions() {
        AtomicInteger ran = new AtomicInteger();
        tracker.onCancel(ran::incrementAndGet);

        assertThrows(IllegalStateException.class, () -> tracker.runUnit(() -> {
            throw new IllegalStateException("unit failed");
        }));

        assertEquals(1, ran.get(), "a failed run should end the waits that no interrupt reaches");
    }

    @Test
    void aCancelActionMayCallBackIntoTheTracker() {
        AtomicBoolean refused = new AtomicBoolean();
        tracker.onCancel(() -> refused.set(assertThrows(CancellationException.class,
                () -> tracker.runUnit(() -> 1)) != null));

        tracker.cancel();

        assertTrue(refused.get());
    }

    private CompletableFuture<Throwable> inUnitOnAnotherThread(RunTracker.Unit unit) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofPlatform().name("tracker-test-worker").start(() -> {
            try {
                tracker.runUnit(() -> {
                    entered.countDown();
                    return unit.run();
                });
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        return outcome;
    }

    private static void holdUntilInterrupted() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
