package org.concurrencybench.core;

import java.util.Map;

/**
 * Blocking unit: sleeps {@code delayMs}, then returns its index (the notebook's
 * {@code time.sleep}). Models that can wait without holding a thread read {@link #delayMs()}
 * and do so.
 */
public record Sleep(long delayMs) implements Kernel {

    public static final long MAX_DELAY_MS = 60_000;

    public Sleep {
        Checks.range("blocking", "delayMs", delayMs, 0, MAX_DELAY_MS);
    }

    @Override
    public long run(int unit, int units) throws InterruptedException {
        Thread.sleep(delayMs);
        return unit;
    }

    @Override
    public long expected(int units) {
        return Identity.sumOfIndices(units);
    }

    @Override
    public boolean waits() {
        return delayMs > 0;
    }

    @Override
    public Map<String, Long> parameters() {
        return Map.of("delayMs", delayMs);
    }
}
