package org.concurrencybench.core;

import java.util.OptionalInt;
import org.concurrencybench.core.serve.Serve;

/**
 * How many requests a model's server holds at once, each through its whole wait: what bounds the
 * rate it can sustain when every request waits {@code delayMs}, apart from the CPU. Stated by
 * the model in its {@link ModelDescription}, so that a load report names the bound without
 * knowing any model.
 */
public enum RequestsAtOnce {

    /** A fixed pool of {@link Serve#poolThreads()} handler threads, each held through a request's wait. */
    POOL_THREADS,

    /** A pool of P threads, each held through a request's wait. */
    PARALLELISM,

    /**
     * A pool of P threads that adds up to {@link #SPARES} spare threads while its workers block
     * (a ForkJoinPool's managed blocking, with the common pool's bound): P + 256 through the waits.
     */
    PARALLELISM_AND_SPARES,

    /** No thread is held through a wait, or a new one is made for each connection: no bound of the model's own. */
    UNBOUNDED;

    /** The spare threads a blocking pool may add, the common ForkJoinPool's default. */
    public static final int SPARES = 256;

    /** The bound for {@code serve} at {@code parallelism} cores; empty when there is none. */
    public OptionalInt of(Serve serve, int parallelism) {
        return switch (this) {
            case POOL_THREADS -> OptionalInt.of(serve.poolThreads());
            case PARALLELISM -> OptionalInt.of(parallelism);
            case PARALLELISM_AND_SPARES -> OptionalInt.of(parallelism + SPARES);
            case UNBOUNDED -> OptionalInt.empty();
        };
    }
}
