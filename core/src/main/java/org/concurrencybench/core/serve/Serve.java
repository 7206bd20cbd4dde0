package org.concurrencybench.core.serve;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Sleep;

/**
 * The HTTP service every model serves: {@code GET /unit/<i>} for {@code 0 <= i < units} counts
 * the primes in {@code [i * work, (i + 1) * work)} by trial division (unit {@code i} of the
 * {@code mixed} workload), waits {@code delayMs} (the call to a database), then answers
 * {@link #body(int, long)}.
 *
 * @param work        numbers each request tests for primality
 * @param delayMs     the wait after the slice, which each model does its own way
 * @param units       how many units there are: the valid indexes are {@code 0 <= i < units}
 * @param poolThreads the handler threads of the models whose idiom is a fixed pool of them (a
 *                    servlet container's), {@value #DEFAULT_POOL_THREADS} by default; a model
 *                    whose threads are P, one per connection or none while a request waits
 *                    ignores it
 */
public record Serve(long work, long delayMs, int units, int poolThreads) {

    /** A servlet container's usual pool of handler threads: Tomcat's default maxThreads. */
    public static final int DEFAULT_POOL_THREADS = 200;
    /** As many platform threads as the threads model keeps alive at most: far beyond any container's pool. */
    public static final int MAX_POOL_THREADS = 10_000;

    public Serve {
        Checks.range("serve", "work", work, 1, Primes.MAX_LIMIT);
        Checks.range("serve", "delayMs", delayMs, 0, Sleep.MAX_DELAY_MS);
        Checks.range("serve", "units", units, 1, Batch.MAX_UNITS);
        // units <= 1e8 and work <= 1e9: the product stays far below Long.MAX_VALUE; the bound is
        // the sieve's, which makes the expected bodies
        Checks.range("serve", "units × work", units * work, 1, Primes.MAX_LIMIT);
        Checks.range("serve", "poolThreads", poolThreads, 1, MAX_POOL_THREADS);
    }

    /** The service with {@value #DEFAULT_POOL_THREADS} pool threads. */
    public Serve(long work, long delayMs, int units) {
        this(work, delayMs, units, DEFAULT_POOL_THREADS);
    }

    /** The {@code mixed} kernel whose unit {@code i} is this service's request for unit {@code i}. */
    public Mixed kernel() {
        return new Mixed(work, delayMs);
    }

    /** The CPU part of a request for unit {@code index}: the primes in its slice, by trial division. */
    public long compute(int index) {
        Checks.range("serve", "unit", index, 0, units - 1L);
        return kernel().compute(index);
    }

    /** The body of unit {@code index}'s response, computed here by trial division. */
    public byte[] body(int index) {
        return body(index, compute(index));
    }

    /** The body of a response for unit {@code index} whose slice holds {@code count} primes: ASCII {@code "<index> <count>\n"}. */
    public static byte[] body(int index, long count) {
        return (index + " " + count + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Every unit's expected body, from one sieve of Eratosthenes over {@code [0, units * work)}
     * rather than trial division, so that a load generator checks each response for the cost of a
     * lookup. Keeps 4 bytes per unit; the sieve takes {@code units * work / 8} bytes while it runs.
     */
    public IntFunction<byte[]> expectedBodies() {
        int[] counts = Primes.sieveSliceCounts(work, units);
        return index -> body(index, counts[(int) Checks.range("serve", "unit", index, 0, units - 1L)]);
    }
}
