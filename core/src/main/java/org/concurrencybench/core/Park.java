package org.concurrencybench.core;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit that stays alive: it waits {@code holdMs} and returns its index. Used to hold many
 * tasks alive at once and measure what each costs in memory ({@code bench footprint}).
 *
 * <p>Units count themselves while they wait, so a measurement in this JVM knows when all of
 * them are alive ({@link #alive()}). A model that waits without a thread calls {@link #enter()}
 * when a unit's wait begins and {@link #leave()} when it ends.
 */
public record Park(long holdMs) implements Kernel {

    private static final AtomicInteger ALIVE = new AtomicInteger();

    public Park {
        Checks.range("park", "holdMs", holdMs, 0, 3_600_000);
    }

    @Override
    public long run(int unit, int units) throws InterruptedException {
        enter();
        try {
            Thread.sleep(holdMs);
            return unit;
        } finally {
            leave();
        }
    }

    /** Units of any park that are waiting in this JVM now. */
    public static int alive() {
        return ALIVE.get();
    }

    public static void enter() {
        ALIVE.incrementAndGet();
    }

    public static void leave() {
        ALIVE.decrementAndGet();
    }

    @Override
    public long expected(int units) {
        return Identity.sumOfIndices(units);
    }

    @Override
    public boolean waits() {
        return holdMs > 0;
    }

    @Override
    public Map<String, Long> parameters() {
        return Map.of("holdMs", holdMs);
    }
}
