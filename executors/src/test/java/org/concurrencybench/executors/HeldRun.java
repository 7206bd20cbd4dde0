package org.concurrencybench.executors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.Workload;

/** A run on a caller thread of its own, so that a test can act while its units hold, then interrupt it or await it. */
final class HeldRun {

    private final Thread caller;
    private final CompletableFuture<Long> outcome;

    private HeldRun(Thread caller, CompletableFuture<Long> outcome) {
        this.caller = caller;
        this.outcome = outcome;
    }

    static HeldRun start(ConcurrencyModel model, Workload workload) {
        CompletableFuture<Long> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("held-run-caller").start(() -> {
            try {
                outcome.complete(model.run(workload));
            } catch (Throwable thrown) {
                outcome.completeExceptionally(thrown);
            }
        });
        return new HeldRun(caller, outcome);
    }

    /** Interrupts the caller and returns what its run threw, once the caller has ended. */
    Throwable interrupt() throws InterruptedException {
        caller.interrupt();
        return thrown();
    }

    /** Waits for the run to end; what it threw, or null if it answered. */
    Throwable thrown() throws InterruptedException {
        try {
            outcome.get();
            return null;
        } catch (ExecutionException ended) {
            return ended.getCause();
        } finally {
            caller.join();
        }
    }

    /** Waits for the run to end and returns its answer; a run that threw fails the test with its exception. */
    long answer() throws InterruptedException, ExecutionException {
        try {
            return outcome.get();
        } finally {
            caller.join();
        }
    }
}
