package org.concurrencybench.executors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.Workload;

/** A run on a caller thread of its own, so that a test can interrupt it while its units hold. */
final class HeldRun {

    private final Thread caller;
    private final CompletableFuture<Throwable> outcome;

    private HeldRun(Thread caller, CompletableFuture<Throwable> outcome) {
        this.caller = caller;
        this.outcome = outcome;
    }

    static HeldRun start(ConcurrencyModel model, Workload workload) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("held-run-caller").start(() -> {
            try {
                model.run(workload);
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        return new HeldRun(caller, outcome);
    }

    /** Interrupts the caller and returns what its run threw, once the caller has ended. */
    Throwable interrupt() throws InterruptedException, ExecutionException {
        caller.interrupt();
        Throwable thrown = outcome.get();
        caller.join();
        return thrown;
    }
}
