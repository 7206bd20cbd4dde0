package org.concurrencybench.core;

import java.util.Map;

/**
 * A unit that computes a little, then waits: the shape of a request to a server that does some
 * work and then calls something slow. Unit {@code i} counts the primes in
 * {@code [i * work, (i + 1) * work)} by trial division, then sleeps {@code delayMs}, and returns
 * the count. Models that can wait without holding a thread run {@link #compute} as work and
 * wait {@link #delayMs()} their own way.
 */
public record Mixed(long work, long delayMs) implements Kernel {

    public Mixed {
        Checks.range("mixed", "work", work, 1, Primes.MAX_LIMIT);
        Checks.range("mixed", "delayMs", delayMs, 0, Sleep.MAX_DELAY_MS);
    }

    @Override
    public long run(int unit, int units) throws InterruptedException {
        long count = compute(unit);
        Thread.sleep(delayMs);
        return count;
    }

    /** The CPU part of unit {@code unit}: the primes in its slice, without the wait. */
    public long compute(int unit) {
        long from = unit * work;
        return Primes.countPrimes(from, from + work);
    }

    /**
     * The end of the numbers {@code units} units test, {@code units * work}; checked against the
     * sieve's bound, because the expected answer is pi of it.
     */
    public long limit(int units) {
        // units <= 1e8 and work <= 1e9: the product stays far below Long.MAX_VALUE
        return Checks.range("mixed", "units × work", (long) units * work, 1, Primes.MAX_LIMIT);
    }

    @Override
    public long expected(int units) {
        return new Primes(limit(units)).expected(1);
    }

    @Override
    public boolean waits() {
        return delayMs > 0;
    }

    @Override
    public Map<String, Long> parameters() {
        return Checks.ordered("work", work, "delayMs", delayMs);
    }
}
