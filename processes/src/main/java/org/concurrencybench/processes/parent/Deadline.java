package org.concurrencybench.processes.parent;

import java.time.Duration;

/** A point in {@link System#nanoTime()} time, with the timeout it came from for messages. */
public record Deadline(long atNanos, Duration timeout) {

    public static Deadline after(Duration timeout) {
        long nanos = saturatedNanos(timeout);
        long now = System.nanoTime();
        return new Deadline(nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos, timeout);
    }

    /** Nanoseconds left, at least zero. */
    public long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
