package org.concurrencybench.core;

import java.util.Map;

/** The empty unit: returns its index, so a batch of them measures starting and joining tasks. */
public record Identity() implements Kernel {

    @Override
    public long run(int unit, int units) {
        return unit;
    }

    @Override
    public long expected(int units) {
        return sumOfIndices(units);
    }

    /** 0 + 1 + ... + (n - 1). */
    static long sumOfIndices(long n) {
        return n * (n - 1) / 2;
    }

    @Override
    public boolean waits() {
        return false;
    }

    @Override
    public Map<String, Long> parameters() {
        return Map.of();
    }
}
