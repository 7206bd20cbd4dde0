package org.concurrencybench.core;

import java.util.ArrayList;
import java.util.List;

/** Units {@code [from, to)} of a batch: what a pool worker or a worker process is handed. */
public record UnitRange(int from, int to) {

    public UnitRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("unit range must have 0 <= from <= to, got [" + from + ", " + to + ")");
        }
    }

    public int size() {
        return to - from;
    }

    /** {@code units} split into at most {@code parts} contiguous ranges whose sizes differ by at most one. */
    public static List<UnitRange> split(int units, int parts) {
        int count = Math.min(units, Math.max(1, parts));
        List<UnitRange> ranges = new ArrayList<>(count);
        for (int part = 0; part < count; part++) {
            int from = (int) ((long) units * part / count);
            int to = (int) ((long) units * (part + 1) / count);
            ranges.add(new UnitRange(from, to));
        }
        return ranges;
    }

    /** {@code units} in ranges of {@code chunk} units (the last may be shorter). */
    public static List<UnitRange> chunks(int units, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1, got " + chunk);
        }
        List<UnitRange> ranges = new ArrayList<>(units / chunk + 1);
        for (int from = 0; from < units; from += chunk) {
            ranges.add(new UnitRange(from, (int) Math.min(units, (long) from + chunk)));
        }
        return ranges;
    }
}
