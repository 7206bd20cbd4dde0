package org.concurrencybench.benchmarks.report;

import java.util.Map;
import org.concurrencybench.core.WorkloadSizes;

/** A workload's sizes as a report reads them back: text, as JMH recorded them, read by the catalog's reader. */
final class SizeValues {

    private SizeValues() {
    }

    /** Size {@code name} as a whole number; -1 when it is missing or not a number. */
    static long number(Map<String, String> sizes, String name) {
        return WorkloadSizes.number(sizes.get(name)).orElse(-1);
    }
}
