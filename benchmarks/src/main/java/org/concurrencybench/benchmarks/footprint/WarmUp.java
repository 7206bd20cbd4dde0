package org.concurrencybench.benchmarks.footprint;

import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.bare.BareHold;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.WrongAnswerException;

/**
 * Runs the code of a footprint run before it is measured: batches of units that park for
 * {@value #PARK_MS} ms, P units first and twice as many each time, until a batch takes
 * {@link #ENOUGH_NANOS} or reaches {@link #MAX_UNITS} units.
 *
 * <p>A cold JVM runs its first tasks interpreted, and a parked virtual thread keeps its frames
 * on the heap as they were when it parked: measured on JDK 25, its stack chunk is 368 bytes
 * when the code is compiled and about 1,900 when it is not, so without a warm-up the first
 * hundred thousand tasks would cost twice what the rest do, by an amount that depends on how
 * fast the compiler kept up. The units really park (a 0 ms sleep returns without parking, and
 * would leave the parking code cold). The pools' and the carriers' threads, and a process
 * model's workers, are started too. Doubling keeps the warm-up short for every model: a hundred
 * thousand virtual threads take a fraction of a second, JVMs tens of milliseconds each. A bare
 * twin warms up the same way, with its own idiom in place of the model's.
 */
final class WarmUp {

    static final long PARK_MS = 1;

    static final long ENOUGH_NANOS = TimeUnit.SECONDS.toNanos(1);

    static final int MAX_UNITS = 100_000;

    private WarmUp() {
    }

    /** Runs the warm-up on {@code model}; returns how many units it ran. */
    static long run(ConcurrencyModel model) throws InterruptedException {
        return rounds(model.parallelism(), units -> {
            Batch batch = new Batch("footprint-warm-up", new Park(PARK_MS), units);
            if (model.limit(batch).isPresent()) {
                return false;
            }
            WrongAnswerException.check(model.id(), batch, model.run(batch));
            return true;
        });
    }

    /** Runs the warm-up on a bare twin's way of holding tasks, from {@code parallelism} units; returns how many it ran. */
    static long run(BareHold.Start twin, int parallelism) throws InterruptedException {
        return rounds(parallelism, units -> {
            try (BareHold hold = twin.start(new Park(PARK_MS), units)) {
                hold.awaitEnd();
            }
            return true;
        });
    }

    /** One round of the warm-up: runs {@code units} units, or returns false if it cannot. */
    @FunctionalInterface
    private interface Round {
        boolean run(int units) throws InterruptedException;
    }

    private static long rounds(int first, Round round) throws InterruptedException {
        long ran = 0;
        for (int units = first; units <= MAX_UNITS; units *= 2) {
            long start = System.nanoTime();
            if (!round.run(units)) {
                break;
            }
            ran += units;
            if (System.nanoTime() - start >= ENOUGH_NANOS) {
                break;
            }
        }
        return ran;
    }
}
