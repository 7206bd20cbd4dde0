package org.concurrencybench.benchmarks.bare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.concurrencybench.core.Batch;

/**
 * {@link CompletableFuture} stages on {@code Executors.newFixedThreadPool(P)}: what the twins of
 * the completable-future and async models share. Their batch is the same, {@code supplyAsync}
 * per unit, {@code allOf(..).join()} and the sum of the joins, since the async model runs a unit
 * that does not wait exactly as completable-future does; their trees and relays are their own.
 */
abstract class BareFutures implements BareIdiom {

    protected final ExecutorService pool;

    BareFutures(int parallelism) {
        pool = Executors.newFixedThreadPool(parallelism);
    }

    @Override
    public final long batch(Batch batch) {
        List<CompletableFuture<Long>> futures = new ArrayList<>(batch.units());
        for (int unit = 0; unit < batch.units(); unit++) {
            int index = unit;
            futures.add(CompletableFuture.supplyAsync(() -> BareIdiom.unit(batch, index), pool));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        long sum = 0;
        for (CompletableFuture<Long> future : futures) {
            sum += future.join();
        }
        return sum;
    }

    @Override
    public final void close() {
        pool.close();
    }
}
