package org.concurrencybench.benchmarks.report;

import java.util.Map;

/** A workload's sizes as a report reads them back: text, as JMH recorded them. */
final class SizeValues {

    private SizeValues() {
    }

    /** Size {@code name} as a whole number; -1 when it is missing or not a number. */
    static long number(Map<String, String> sizes, String name) {
        try {
            return Long.parseLong(sizes.getOrDefault(name, "").replace("_", "").strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
