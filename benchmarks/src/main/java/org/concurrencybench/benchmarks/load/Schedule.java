package org.concurrencybench.benchmarks.load;

import java.util.Random;

/**
 * The intended start of each request, in nanoseconds from t0, one after another: request k at
 * k / rate, or (Poisson arrivals) after exponential gaps of mean 1 / rate drawn from a seeded
 * {@link Random}, so a run can be repeated exactly. The times never depend on when answers come:
 * that is what makes the load open-loop.
 */
abstract sealed class Schedule {

    private long next;

    static Schedule of(LoadSettings settings) {
        return settings.poisson() ? new Poisson(settings.rate(), settings.seed()) : new Constant(settings.rate());
    }

    /** The number of the request {@link #nextOffsetNanos()} gives next. */
    final long nextNumber() {
        return next;
    }

    /** The intended start of the next request, from t0. */
    final long nextOffsetNanos() {
        return offsetNanos(next++);
    }

    abstract long offsetNanos(long number);

    static final class Constant extends Schedule {
        private final double rate;

        Constant(double rate) {
            this.rate = rate;
        }

        @Override
        long offsetNanos(long number) {
            // from k, not by adding gaps, so rounding never accumulates
            return (long) (number * 1e9 / rate);
        }
    }

    static final class Poisson extends Schedule {
        private final double meanGapNanos;
        private final Random random;
        private double offset;

        Poisson(double rate, long seed) {
            meanGapNanos = 1e9 / rate;
            random = new Random(seed);
        }

        @Override
        long offsetNanos(long number) {
            if (number == 0) {
                return 0;
            }
            // 1 - U lies in (0, 1], so the logarithm is finite
            offset += -Math.log(1 - random.nextDouble()) * meanGapNanos;
            return (long) offset;
        }
    }
}
