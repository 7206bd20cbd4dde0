package org.concurrencybench.benchmarks.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How many platform threads a measuring JVM may start before it stops a model that would start
 * more. Every platform thread is an OS thread: it takes a pid (kernel.pid_max, shared by the
 * whole machine), counts against kernel.threads-max and {@code ulimit -u}, and may grow its
 * stack to {@code -Xss}. A footprint run that took the last of any of these would break every
 * other program on the machine, so it may take only half of what is left of each, memory
 * counted as if every stack grew to its full size.
 *
 * <p>Models declare their own limits ({@code threads} keeps at most 10,000 alive), which
 * normally come first; this is the guard for one that does not.
 *
 * @param threads how many platform threads may be alive in the measuring JVM
 * @param why     the figures it was worked out from, in words
 */
record PlatformThreadBudget(long threads, String why) {

    /** The budget on this machine now, for threads whose stacks are {@code stackKb} KB. */
    static PlatformThreadBudget ofThisMachine(long stackKb) {
        return of(read("/proc/sys/kernel/threads-max"), read("/proc/sys/kernel/pid_max"), read("/proc/self/limits"),
                read("/proc/loadavg"), read("/proc/meminfo"), stackKb);
    }

    /**
     * The budget from the texts of those files (null for one that cannot be read: that bound
     * is left out); unbounded where none can be read.
     */
    static PlatformThreadBudget of(String threadsMax, String pidMax, String limits, String loadavg, String meminfo,
                                   long stackKb) {
        long inUse = threadsInUse(loadavg);
        List<String> why = new ArrayList<>();
        long left = Long.MAX_VALUE;
        left = bound(left, why, "kernel.threads-max", number(threadsMax), inUse);
        left = bound(left, why, "kernel.pid_max", number(pidMax), inUse);
        left = bound(left, why, "ulimit -u", maxProcesses(limits), inUse);
        OptionalLong availableKb = memAvailableKb(meminfo);
        long stack = Math.max(stackKb, 1);
        if (availableKb.isPresent()) {
            long stacks = availableKb.getAsLong() / stack;
            left = Math.min(left, stacks);
            why.add(String.format("memory for %,d stacks of %,d KB", stacks, stack));
        }
        if (why.isEmpty()) {
            return new PlatformThreadBudget(Long.MAX_VALUE, "no OS limits could be read");
        }
        return new PlatformThreadBudget(Math.max(left / 2, 0), "half of what the machine has left: " + String.join(", ", why)
                + String.format(" (%,d threads running)", inUse));
    }

    private static long bound(long left, List<String> why, String name, OptionalLong limit, long inUse) {
        if (limit.isEmpty()) {
            return left;
        }
        why.add(String.format("%s %,d", name, limit.getAsLong()));
        return Math.min(left, Math.max(limit.getAsLong() - inUse, 0));
    }

    /** {@code 0.52 0.58 0.59 3/345 12345}: the fourth field counts every thread on the machine. */
    static long threadsInUse(String loadavg) {
        if (loadavg != null) {
            String[] fields = loadavg.strip().split("\\s+");
            if (fields.length >= 4 && fields[3].contains("/")) {
                OptionalLong total = number(fields[3].substring(fields[3].indexOf('/') + 1));
                if (total.isPresent()) {
                    return total.getAsLong();
                }
            }
        }
        return 0;
    }

    /** The soft limit of {@code Max processes} in /proc/self/limits; empty when unlimited or absent. */
    static OptionalLong maxProcesses(String limits) {
        if (limits == null) {
            return OptionalLong.empty();
        }
        return limits.lines().filter(line -> line.startsWith("Max processes")).findFirst()
                .map(line -> line.substring("Max processes".length()).strip().split("\\s+")[0])
                .map(PlatformThreadBudget::number).orElse(OptionalLong.empty());
    }

    private static OptionalLong memAvailableKb(String meminfo) {
        if (meminfo == null) {
            return OptionalLong.empty();
        }
        return meminfo.lines().filter(line -> line.startsWith("MemAvailable:")).findFirst()
                .map(line -> line.substring("MemAvailable:".length()).replace("kB", "").strip())
                .map(PlatformThreadBudget::number).orElse(OptionalLong.empty());
    }

    private static OptionalLong number(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    private static String read(String file) {
        // read to the end as a stream: Files.readString trusts the size, and /proc/sys files say 0
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
