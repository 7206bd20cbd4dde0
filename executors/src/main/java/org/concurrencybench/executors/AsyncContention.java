package org.concurrencybench.executors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.concurrencybench.core.Contention;

/**
 * A contention run that waits inside its critical sections, as an async programmer writes it: a
 * lock owned by a thread would keep that thread for the whole wait, so each stripe of the counter
 * has an {@link AsyncMutex} instead. An update takes the stripe's mutex, increments on the pool,
 * waits {@code holdMs} on a timer and then releases, so a holder waits without a thread and the
 * workers queued behind it are continuations. The contention's lock kind has nothing to guard
 * here: the mutex's chain orders the updates of a stripe.
 *
 * <p>A worker's updates follow one another, each started by the completion of the one before,
 * so a worker is one future however many updates it makes. Cancelling the run cancels the wait
 * of every stripe's holder; the workers queued behind it then find the run cancelled, and the
 * answer settles once the last of them has.
 */
final class AsyncContention {

    private final Contention contention;
    private final Executor pool;
    private final RunTracker tracker;
    private final AsyncMutex[] mutexes;
    /** Each stripe's count, read and written only by the stripe's holder; the sum is read after every worker has ended. */
    private final long[] counts;
    /** Each stripe's current holder's wait, so that a cancellation can end it. */
    private final AtomicReferenceArray<CompletableFuture<Void>> waits;

    AsyncContention(Contention contention, Executor pool, RunTracker tracker) {
        if (contention.holdMs() == 0) {
            throw new IllegalArgumentException(contention.describe() + ": holdMs must be above 0 for an asynchronous"
                    + " mutex; without a wait inside, the updates are plain work on the pool");
        }
        this.contention = contention;
        this.pool = pool;
        this.tracker = tracker;
        this.mutexes = new AsyncMutex[contention.locks()];
        for (int stripe = 0; stripe < mutexes.length; stripe++) {
            mutexes[stripe] = new AsyncMutex();
        }
        this.counts = new long[contention.locks()];
        this.waits = new AtomicReferenceArray<>(contention.locks());
        tracker.onCancel(this::endTheWaits);
    }

    /** Starts every worker; the answer settles after the last one has ended. */
    CompletableFuture<Long> start() {
        CompletableFuture<?>[] workers = new CompletableFuture<?>[contention.workers()];
        for (int worker = 0; worker < workers.length; worker++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            // a worker that failed leaves its stripe's queue to the cancellation
            done.whenComplete((ignored, thrown) -> {
                if (thrown != null) {
                    tracker.cancel();
                }
            });
            update(contention.stripeOf(worker), contention.updates(), done);
            workers[worker] = done;
        }
        return CompletableFuture.allOf(workers).thenApply(allEnded -> total());
    }

    /** One update of {@code stripe}, then the worker's next, until {@code left} are made. */
    private void update(int stripe, int left, CompletableFuture<Void> done) {
        mutexes[stripe].withLock(() -> {
            tracker.runUnit(() -> ++counts[stripe]);
            return hold(stripe);
        }, pool).whenComplete((released, thrown) -> {
            if (thrown != null) {
                done.completeExceptionally(thrown);
            } else if (left == 1) {
                done.complete(null);
            } else {
                update(stripe, left - 1, done);
            }
        });
    }

    /** The wait inside the critical section: a timer, no thread. */
    private CompletableFuture<Void> hold(int stripe) {
        CompletableFuture<Void> wait = new CompletableFuture<Void>()
                .completeOnTimeout(null, contention.holdMs(), TimeUnit.MILLISECONDS);
        waits.set(stripe, wait);
        // a cancellation that looked at this stripe before the wait was set has not ended it
        if (tracker.isCancelled()) {
            wait.cancel(false);
        }
        return wait;
    }

    private void endTheWaits() {
        for (int stripe = 0; stripe < waits.length(); stripe++) {
            CompletableFuture<Void> wait = waits.get(stripe);
            if (wait != null) {
                wait.cancel(false);
            }
        }
    }

    private long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
