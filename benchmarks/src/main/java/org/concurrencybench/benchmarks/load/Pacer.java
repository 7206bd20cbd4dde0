package org.concurrencybench.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the generator's selector when the next request comes due. A selector waits in whole
 * milliseconds, so a loop that slept in it until the next send would start requests up to a
 * millisecond late, and that lateness would be charged to the server in every corrected latency.
 * This thread parks until the time the loop sleeps toward (to within the OS's timer slack, some
 * tens of microseconds) and then calls {@link Selector#wakeup()}.
 *
 * <p>Each wake-up of a thread costs a few microseconds of CPU, so the pacer avoids them: it walks
 * its own copy of the schedule (the same times: the schedule is a function of the settings and
 * the seed), so after one due time it is already parked until the next one when the loop goes
 * back to sleep, and the loop has no need to wake it; and while the loop is busy (a generator
 * under load looks at the clock itself between sockets) the pacer parks until the loop sleeps
 * again rather than waking at every due time.
 */
final class Pacer implements AutoCloseable {

    private static final long UNTIMED = Long.MIN_VALUE;

    private final Selector selector;
    private final Schedule schedule;
    private final Thread thread;
    private volatile long t0;
    private volatile boolean started;
    private volatile boolean closed;
    /** Whether the loop sleeps in its selector until {@link #loopTarget}; {@link #loopSleeps} counts its sleeps. */
    private volatile boolean loopAsleep;
    private volatile long loopTarget;
    private volatile long loopSleeps;
    /** When the pacer wakes next by itself; {@link #UNTIMED} while it waits for the loop to go to sleep. */
    private volatile long pacerTarget = UNTIMED;
    private volatile long cpuNanos;

    Pacer(Selector selector, Schedule schedule, String name) {
        this.selector = selector;
        this.schedule = schedule;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::pace);
        thread.start();
    }

    /** Starts predicting the schedule's due times from {@code t0Nanos}. */
    void start(long t0Nanos) {
        t0 = t0Nanos;
        started = true;
        LockSupport.unpark(thread);
    }

    /** The loop is about to sleep in its selector until {@code nanoTime}, when the next request is due. */
    void loopSleepsUntil(long nanoTime) {
        loopTarget = nanoTime;
        loopSleeps = loopSleeps + 1; // only the loop writes it
        loopAsleep = true;
        long pacerWakes = pacerTarget;
        if (pacerWakes == UNTIMED || pacerWakes - nanoTime > 0) {
            LockSupport.unpark(thread);
        }
    }

    /** The loop is awake: it reads the clock itself. */
    void loopWakes() {
        loopAsleep = false;
    }

    /** CPU time this thread used; complete once {@link #close()} returned. */
    long cpuNanos() {
        return cpuNanos;
    }

    private void pace() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            while (!started && !closed) {
                LockSupport.park(this);
            }
            long predicted = t0 + schedule.nextOffsetNanos();
            long wokenSleep = -1;
            while (!closed) {
                long now = System.nanoTime();
                boolean asleep = loopAsleep;
                long sleep = loopSleeps;
                long target = loopTarget;
                // one wake-up per sleep: the loop may take a while to say it is awake
                if (asleep && target - now <= 0 && wokenSleep != sleep) {
                    selector.wakeup();
                    wokenSleep = sleep;
                }
                while (predicted - now <= 0) {
                    predicted = t0 + schedule.nextOffsetNanos();
                }
                long wake = asleep && target - now > 0 && target - predicted < 0 ? target : predicted;
                pacerTarget = asleep ? wake : UNTIMED;
                if (loopAsleep != asleep || loopSleeps != sleep) {
                    continue;
                }
                if (asleep) {
                    LockSupport.parkNanos(this, wake - now);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            cpuNanos = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
