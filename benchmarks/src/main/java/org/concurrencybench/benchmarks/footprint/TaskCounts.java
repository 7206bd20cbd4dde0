package org.concurrencybench.benchmarks.footprint;

import java.util.List;
import java.util.TreeSet;

/** The values of N for {@code bench footprint --tasks}: tasks held alive at once. */
public final class TaskCounts {

    /** Ten million parked tasks fill gigabytes in any model; beyond that is not a measurement of this machine. */
    public static final int MAX = 10_000_000;

    public static final List<Integer> DEFAULT = List.of(1_000, 10_000, 100_000);

    public static final List<Integer> FULL = List.of(1_000, 10_000, 100_000, 1_000_000);

    private TaskCounts() {
    }

    /**
     * The values in {@code csv} ({@code 1000,10000}, underscores allowed: {@code 1_000_000}), in
     * ascending order without repeats; {@link #FULL} or {@link #DEFAULT} when it is empty.
     */
    public static List<Integer> parse(String csv, boolean full) {
        if (csv == null || csv.isBlank()) {
            return full ? FULL : DEFAULT;
        }
        TreeSet<Integer> counts = new TreeSet<>();
        for (String item : csv.split(",", -1)) {
            String digits = item.strip().replace("_", "");
            if (!digits.matches("\\d{1,9}")) {
                throw problem("got '" + item.strip() + "'");
            }
            int count = Integer.parseInt(digits);
            if (count < 1 || count > MAX) {
                throw problem("got " + String.format("%,d", count));
            }
            counts.add(count);
        }
        return List.copyOf(counts);
    }

    private static IllegalArgumentException problem(String got) {
        return new IllegalArgumentException("--tasks takes whole numbers from 1 to " + String.format("%,d", MAX)
                + " separated by commas, such as 1000,10000,100000; " + got);
    }
}
