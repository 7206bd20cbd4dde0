package org.concurrencybench.processes.parent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounded waits that an interrupt does not cut short (the interrupt flag is restored after):
 * ending a worker must finish even when the thread ending it is being interrupted, or the
 * worker outlives the model.
 */
final class Waits {

    private Waits() {
    }

    /** One wait of at most the nanoseconds given; an interrupt makes it be waited again for what is left. */
    @FunctionalInterface
    interface BoundedWait<T> {
        T await(long nanos) throws InterruptedException;
    }

    /** Waits up to {@code max} for {@code process} to exit; returns whether it has. */
    static boolean forExit(Process process, Duration max) {
        return uninterruptibly(Deadline.after(max), nanos -> process.waitFor(nanos, TimeUnit.NANOSECONDS));
    }

    /** Waits up to {@code max} for {@code thread} to end; returns whether it has. */
    static boolean forEnd(Thread thread, Duration max) {
        return uninterruptibly(Deadline.after(max), nanos -> thread.join(Duration.ofNanos(Math.max(1, nanos))));
    }

    /** {@code wait} until {@code deadline}, through interrupts, which are restored once it returns or throws. */
    static <T> T uninterruptibly(Deadline deadline, BoundedWait<T> wait) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return wait.await(deadline.remainingNanos());
                } catch (InterruptedException interrupt) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
