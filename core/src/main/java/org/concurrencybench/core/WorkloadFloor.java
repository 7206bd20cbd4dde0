package org.concurrencybench.core;

import java.util.Map;
import java.util.Optional;

/**
 * The least time one operation of a workload can take whatever the model, where its sizes alone
 * fix it: the waits no model can avoid, all overlapped. A figure is read against it as "1.3x the
 * floor"; a figure below it is a measurement problem, never a win.
 *
 * @param millis the floor of one operation in milliseconds
 * @param what   what the floor is, in words: {@code one sleep of 10 ms}
 */
public record WorkloadFloor(double millis, String what) {

    /** The floor of workload {@code id} at {@code sizes} (as text, the way a results file keeps them); empty when its sizes fix none. */
    static Optional<WorkloadFloor> of(String id, Map<String, String> sizes) {
        long delayMs = number(sizes, "delayMs");
        return switch (id) {
            case "blocking" -> wait(delayMs, "one sleep of " + delayMs + " ms, every sleep at once");
            case "mixed" -> wait(delayMs, "one wait of " + delayMs + " ms, every wait at once (the slices' CPU comes on top)");
            case "io" -> wait(delayMs, "the server's wait of " + delayMs + " ms, every request at once (the connections'"
                    + " CPU comes on top)");
            case "pinning" -> {
                long workers = number(sizes, "workers");
                long updates = number(sizes, "updates");
                long hold = number(sizes, "holdMs");
                long locks = number(sizes, "locks");
                if (workers <= 0 || updates <= 0 || hold <= 0 || locks <= 0) {
                    yield Optional.empty();
                }
                long floor = Contention.allWaitsAtOnceMillis(workers, updates, hold, locks);
                yield Optional.of(new WorkloadFloor(floor, floor + " ms, every wait at once"));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<WorkloadFloor> wait(long delayMs, String what) {
        return delayMs > 0 ? Optional.of(new WorkloadFloor(delayMs, what)) : Optional.empty();
    }

    private static long number(Map<String, String> sizes, String name) {
        return WorkloadSizes.number(sizes.get(name)).orElse(-1);
    }
}
