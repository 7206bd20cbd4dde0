package org.concurrencybench.processes;

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

    /** Waits up to {@code max} for {@code process} to exit; returns whether it has. */
    static boolean forExit(Process process, Duration max) {
        Deadline deadline = Deadline.after(max);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException interrupt) {
                    interrupted = true;
                }
            }
        } finally {
            restore(interrupted);
        }
    }

    /** Waits up to {@code max} for {@code thread} to end; returns whether it has. */
    static boolean forEnd(Thread thread, Duration max) {
        Deadline deadline = Deadline.after(max);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return thread.join(Duration.ofNanos(Math.max(1, deadline.remainingNanos())));
                } catch (InterruptedException interrupt) {
                    interrupted = true;
                }
            }
        } finally {
            restore(interrupted);
        }
    }

    private static void restore(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
