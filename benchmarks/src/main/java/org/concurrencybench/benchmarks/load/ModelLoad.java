package org.concurrencybench.benchmarks.load;

import java.util.List;

/**
 * One model at one P across its rates, and what bounds it.
 *
 * @param outcome          {@code measured}, {@code n/a} (the model cannot serve these sizes: {@code reason} says
 *                         why) or {@code failed} ({@code reason} says what happened)
 * @param headlineRate     the highest offered rate sustained within the objective; null when none was
 * @param cpuLimit         P divided by the server's CPU time per request at the lowest rate, in requests per
 *                         second: the rate at which its P cores would be busy all the time; null when unmeasured
 * @param requestsAtOnce   the requests its server holds at once through their waits, as the model states it;
 *                         null when unbounded
 * @param concurrencyLimit requestsAtOnce divided by the wait, in requests per second (Little's law); null when
 *                         unbounded
 */
public record ModelLoad(String model, int cores, String outcome, String reason, List<LoadPoint> points,
                        Double headlineRate, Double cpuLimit, Integer requestsAtOnce, Double concurrencyLimit) {

    public static final String MEASURED = "measured";
    public static final String NOT_APPLICABLE = "n/a";
    public static final String FAILED = "failed";

    public ModelLoad {
        points = List.copyOf(points);
    }

    /** Which limit is lower, in words; empty text when neither is known. */
    public String bindingLimit() {
        if (cpuLimit == null && concurrencyLimit == null) {
            return "";
        }
        if (concurrencyLimit == null || (cpuLimit != null && cpuLimit <= concurrencyLimit)) {
            return "CPU";
        }
        return "concurrency";
    }
}
