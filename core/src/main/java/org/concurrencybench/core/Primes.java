package org.concurrencybench.core;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU-bound unit: counts the primes in its slice of {@code [0, limit)} by trial division.
 * The expected answer, pi(limit), comes from a sieve: another algorithm, computed once.
 */
public record Primes(long limit) implements Kernel {

    public static final long MAX_LIMIT = 1_000_000_000L;

    private static final Map<Long, Long> PRIME_COUNTS = new ConcurrentHashMap<>();

    public Primes {
        Checks.range("cpu", "limit", limit, 1, MAX_LIMIT);
    }

    @Override
    public long run(int unit, int units) {
        return countPrimes(sliceStart(unit, units), sliceStart(unit + 1, units));
    }

    /** Where unit {@code unit}'s slice starts; the last slice ends at {@code limit}. */
    public long sliceStart(int unit, int units) {
        // limit <= 1e9 and unit <= 1e8: the product stays far below Long.MAX_VALUE
        return limit * unit / units;
    }

    /** Primes in {@code [from, to)} by trial division by odd numbers up to the square root. */
    public static long countPrimes(long from, long to) {
        long count = 0;
        for (long n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long divisor = 3; divisor * divisor <= n; divisor += 2) {
            if (n % divisor == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long expected(int units) {
        return PRIME_COUNTS.computeIfAbsent(limit, Primes::sieveCount);
    }

    /** pi(limit - 1): the primes below limit, by the sieve of Eratosthenes. */
    static long sieveCount(long limit) {
        int size = Math.toIntExact(limit);
        // every number in [2, size) is a prime or one of the composites marked
        return size <= 2 ? 0 : size - 2 - composites(size).cardinality();
    }

    /**
     * The primes in each slice {@code [s * width, (s + 1) * width)} for {@code 0 <= s < slices},
     * by the sieve of Eratosthenes: what trial division over the same slices must count, known
     * without running it. Takes {@code slices * width / 8} bytes while it runs.
     */
    public static int[] sieveSliceCounts(long width, int slices) {
        Checks.range("primes", "width", width, 1, MAX_LIMIT);
        Checks.range("primes", "slices", slices, 1, Integer.MAX_VALUE);
        // width <= 1e9 and slices < 2^31: the product stays far below Long.MAX_VALUE
        int size = (int) Checks.range("primes", "slices × width", width * slices, 1, MAX_LIMIT);
        BitSet composite = composites(size);
        int[] counts = new int[slices];
        for (int n = composite.nextClearBit(2); n < size; n = composite.nextClearBit(n + 1)) {
            counts[(int) (n / width)]++;
        }
        return counts;
    }

    /** The composite numbers below {@code size}. */
    private static BitSet composites(int size) {
        BitSet composite = new BitSet(size);
        for (int n = 2; (long) n * n < size; n++) {
            if (!composite.get(n)) {
                for (long multiple = (long) n * n; multiple < size; multiple += n) {
                    composite.set((int) multiple);
                }
            }
        }
        return composite;
    }

    @Override
    public boolean waits() {
        return false;
    }

    @Override
    public Map<String, Long> parameters() {
        return Map.of("limit", limit);
    }
}
