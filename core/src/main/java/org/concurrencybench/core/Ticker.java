package org.concurrencybench.core;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The notebook's second demonstration: unit {@code i} is {@code Worker-(i+1)}; it prints
 * {@code Starting Worker-1}, then {@code ticks} time-stamped lines, one every
 * {@code (i + 1) * delayMs}, then {@code Exiting Worker-1}, and returns its index.
 */
public record Ticker(long delayMs, int ticks) implements Kernel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    public Ticker {
        Checks.range("ticker", "delayMs", delayMs, 0, Sleep.MAX_DELAY_MS);
        Checks.range("ticker", "ticks", ticks, 1, 1_000);
    }

    public static String workerName(int unit) {
        return "Worker-" + (unit + 1);
    }

    /** How long unit {@code unit} waits before each of its ticks. */
    public long delayOf(int unit) {
        return (unit + 1) * delayMs;
    }

    @Override
    public long run(int unit, int units) throws InterruptedException {
        String name = workerName(unit);
        System.out.println("Starting " + name);
        for (int tick = 0; tick < ticks; tick++) {
            Thread.sleep(delayOf(unit));
            System.out.println(tickLine(unit));
        }
        System.out.println("Exiting " + name);
        return unit;
    }

    /** {@code Worker-1: 08:42:40.123 on main (pid 4242)}. */
    public static String tickLine(int unit) {
        return workerName(unit) + ": " + LocalTime.now().format(CLOCK) + " on "
                + WhoRuns.describe(Thread.currentThread()) + " (pid " + ProcessHandle.current().pid() + ")";
    }

    @Override
    public long expected(int units) {
        return Identity.sumOfIndices(units);
    }

    @Override
    public boolean waits() {
        return delayMs > 0;
    }

    @Override
    public Map<String, Long> parameters() {
        return Checks.ordered("delayMs", delayMs, "ticks", ticks);
    }
}
