package org.concurrencybench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code workers} workers each make {@code updates} increments to a counter shared by all of
 * them, guarded by {@code lock}; the answer is the counter's final value, so a model that loses
 * an update gives a wrong answer.
 *
 * <p>{@code holdMs > 0} waits that long inside the critical section (a sleep while holding the
 * lock). {@code locks > 1} stripes the counter: worker {@code w} updates stripe
 * {@code w % locks}, each with its own lock, and the answer is the sum of the stripes. With one
 * lock per worker and a wait inside, nobody contends and the workload is the pinning probe: on
 * JDK 21 to 23 a virtual thread that blocks inside {@code synchronized} keeps its carrier, so
 * only P of them wait at once; from JDK 24 (JEP 491) it lets the carrier go.
 *
 * <p>In one JVM, {@link #newCounter()} is the shared state and its {@link SharedCounter#work}
 * is one worker.
 */
public record Contention(String name, int workers, int updates, LockKind lock, long holdMs, int locks)
        implements Workload {

    public static final int MAX_WORKERS = 1_000_000;
    public static final int MAX_UPDATES = 100_000_000;

    public Contention {
        Checks.notBlank("name", name);
        Checks.range(name, "workers", workers, 1, MAX_WORKERS);
        Checks.range(name, "updates", updates, 1, MAX_UPDATES);
        Checks.range(name, "workers × updates", (long) workers * updates, 1, Long.MAX_VALUE / 2);
        if (lock == null) {
            throw new IllegalArgumentException(name + ": lock must be one of " + LockKind.ids());
        }
        Checks.range(name, "holdMs", holdMs, 0, Sleep.MAX_DELAY_MS);
        Checks.range(name, "locks", locks, 1, workers);
        if (lock == LockKind.ATOMIC && holdMs > 0) {
            throw new IllegalArgumentException(name + ": holdMs must be 0 with lock=atomic, got " + holdMs
                    + " (an atomic update has no critical section to wait in; use synchronized or reentrant)");
        }
    }

    /**
     * The time if every wait overlaps: the workers sharing a lock wait one after another, the
     * locks at once; the floor of a contention that waits inside its locks.
     */
    public static long allWaitsAtOnceMillis(long workers, long updates, long holdMs, long locks) {
        return ceilDiv(workers, locks) * updates * holdMs;
    }

    /** The time if only P waits overlap, the locks permitting: each waiting worker keeps one of P threads. */
    public static long pWaitsAtATimeMillis(long workers, long updates, long holdMs, long locks, long cores) {
        return ceilDiv(workers, Math.min(cores, locks)) * updates * holdMs;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** The stripe worker {@code worker} updates. */
    public int stripeOf(int worker) {
        return worker % locks;
    }

    /** New shared state for one run in this JVM. */
    public SharedCounter newCounter() {
        return new SharedCounter(this);
    }

    @Override
    public long expected() {
        return (long) workers * updates;
    }

    @Override
    public Map<String, Long> parameters() {
        Map<String, Long> parameters = new LinkedHashMap<>();
        parameters.put("workers", (long) workers);
        parameters.put("updates", (long) updates);
        parameters.put("lock", (long) lock.ordinal());
        parameters.put("holdMs", holdMs);
        parameters.put("locks", (long) locks);
        return parameters;
    }

    @Override
    public String describe() {
        return name + "(workers=" + workers + ", updates=" + updates + ", lock=" + lock.id() + ", holdMs=" + holdMs
                + ", locks=" + locks + ")";
    }
}
