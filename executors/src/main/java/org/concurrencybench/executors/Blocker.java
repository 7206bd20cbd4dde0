package org.concurrencybench.executors;

import java.util.concurrent.ForkJoinPool;

/**
 * A blocking call as a fork/join pool's {@link ForkJoinPool.ManagedBlocker}: while it blocks,
 * the pool starts or wakes a spare thread so that its parallelism keeps running. Outside a
 * fork/join pool it simply blocks.
 */
final class Blocker implements ForkJoinPool.ManagedBlocker {

    private final RunTracker.Unit blocking;
    private boolean done;
    private long result;

    private Blocker(RunTracker.Unit blocking) {
        this.blocking = blocking;
    }

    /** Runs {@code blocking} inside {@link ForkJoinPool#managedBlock} and returns its result. */
    static long run(RunTracker.Unit blocking) throws InterruptedException {
        Blocker blocker = new Blocker(blocking);
        ForkJoinPool.managedBlock(blocker);
        return blocker.result;
    }

    @Override
    public boolean block() throws InterruptedException {
        result = blocking.run();
        done = true;
        return true;
    }

    @Override
    public boolean isReleasable() {
        return done;
    }
}
