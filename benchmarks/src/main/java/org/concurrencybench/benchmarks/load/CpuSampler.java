package org.concurrencybench.benchmarks.load;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples a server JVM's CPU time every {@link #INTERVAL_MILLIS} ms on a thread of its own, stamped
 * with {@link System#nanoTime()}, so that the CPU it spent between two instants another JVM reports
 * (the generator's measured period) can be read afterwards, interpolated between samples. Linux
 * counts CPU time in clock ticks (10 ms), which bounds the figure's resolution.
 */
final class CpuSampler implements AutoCloseable {

    static final long INTERVAL_MILLIS = 20;
    /** Three hours of samples: beyond a run's warm-up, period (LoadSettings.MAX_PERIOD each) and drain. */
    private static final int MAX_SAMPLES = (int) (TimeUnit.HOURS.toMillis(3) / INTERVAL_MILLIS);

    private final Supplier<OptionalLong> cpuNanos;
    private long[] times = new long[1024];
    private long[] cpus = new long[1024];
    private final Thread thread;
    private volatile boolean stopped;
    private int count;

    CpuSampler(Supplier<OptionalLong> cpuNanos, String name) {
        this.cpuNanos = cpuNanos;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::sample);
    }

    private void sample() {
        while (!stopped) {
            OptionalLong cpu = cpuNanos.get();
            long now = System.nanoTime();
            if (cpu.isPresent()) {
                synchronized (this) {
                    if (count == times.length && count < MAX_SAMPLES) {
                        times = Arrays.copyOf(times, Math.min(MAX_SAMPLES, count * 2));
                        cpus = Arrays.copyOf(cpus, times.length);
                    }
                    if (count < times.length) {
                        times[count] = now;
                        cpus[count] = cpu.getAsLong();
                        count++;
                    }
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    /** CPU nanoseconds spent between the two instants; empty when the samples do not cover both. */
    synchronized OptionalDouble between(long fromNanoTime, long toNanoTime) {
        OptionalDouble from = at(fromNanoTime);
        OptionalDouble to = at(toNanoTime);
        return from.isPresent() && to.isPresent() ? OptionalDouble.of(to.getAsDouble() - from.getAsDouble())
                : OptionalDouble.empty();
    }

    private OptionalDouble at(long nanoTime) {
        for (int i = 1; i < count; i++) {
            if (times[i] - nanoTime >= 0 && nanoTime - times[i - 1] >= 0) {
                double share = times[i] == times[i - 1] ? 0 : (double) (nanoTime - times[i - 1]) / (times[i] - times[i - 1]);
                return OptionalDouble.of(cpus[i - 1] + share * (cpus[i] - cpus[i - 1]));
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
