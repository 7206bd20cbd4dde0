package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The suite's speed goals for the newer workloads, each judged from the figures as met, missed
 * or not measured (with why), never assumed:
 * <ul>
 *   <li>mixed and io at 1,000 units: virtual and async within 1.5× of the ideal, the wait alone;</li>
 *   <li>a contention that waits inside its lock (the pinning probe), on JDK 24 and later: virtual
 *       no slower than thread-pool at the same P;</li>
 *   <li>transfer: process-pool-shm's cost per unit at least 2× lower than process-pool's (the
 *       pipe) for payloads of 64 KiB and more.</li>
 * </ul>
 */
final class Goals {

    static final int WAIT_GOAL_UNITS = 1_000;
    static final double WAIT_GOAL_FACTOR = 1.5;
    static final double SHARED_MEMORY_GOAL_FACTOR = 2;
    static final long SHARED_MEMORY_GOAL_FROM_BYTES = 64 * 1024;

    private static final String MET = "met";
    private static final String MISSED = "missed";
    private static final String NOT_MEASURED = "not measured";

    private Goals() {
    }

    /** The goals a workload table is judged by, one sentence per goal and run. */
    static List<String> of(WorkloadTable table, List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        for (Source source : sources) {
            String prefix = sources.size() > 1 ? source.label() + ": " : "";
            if (table.workload().equals("mixed") || table.workload().equals("io")) {
                sentences.add(prefix + waitGoal(table, source));
            }
            if (PinningAnalysis.applies(table)) {
                sentences.add(prefix + virtualNoSlowerGoal(table, source));
            }
        }
        return sentences;
    }

    private static String waitGoal(WorkloadTable table, Source source) {
        long units = SizeValues.number(table.sizes(), "units");
        long delay = SizeValues.number(table.sizes(), "delayMs");
        String goal = "Goal: at " + Figures.grouped(WAIT_GOAL_UNITS) + " units, virtual and async within "
                + Figures.times(WAIT_GOAL_FACTOR) + " of the ideal, the wait alone"
                + (delay > 0 ? " (" + delay + " ms)" : "");
        if (units != WAIT_GOAL_UNITS) {
            return goal + ": " + NOT_MEASURED + " (this table has " + (units < 0 ? "unknown" : Figures.grouped(units))
                    + " units; -p " + table.workload() + ".units=" + WAIT_GOAL_UNITS + " measures it).";
        }
        if (delay <= 0) {
            return goal + ": " + NOT_MEASURED + " (this table has no wait to compare with: delayMs=" + delay + ").";
        }
        List<String> details = new ArrayList<>();
        boolean met = true;
        for (String model : List.of("virtual", "async")) {
            Optional<WorkloadTable.Row> row = table.row(source, model);
            if (row.isEmpty()) {
                continue;
            }
            for (Map.Entry<Integer, Measurement> measured : row.get().measured().entrySet()) {
                OptionalDouble millis = measured.getValue().millisPerOperation();
                if (millis.isEmpty()) {
                    continue;
                }
                double ratio = millis.getAsDouble() / delay;
                met &= ratio <= WAIT_GOAL_FACTOR;
                details.add(model + " " + Figures.number(millis.getAsDouble()) + " ms, " + Figures.times(ratio) + ", at P = "
                        + measured.getKey());
            }
        }
        if (details.isEmpty()) {
            return goal + ": " + NOT_MEASURED + " (neither virtual nor async was measured here).";
        }
        return goal + ": " + (met ? MET : MISSED) + " (" + String.join("; ", details) + ").";
    }

    private static String virtualNoSlowerGoal(WorkloadTable table, Source source) {
        String goal = "Goal: on JDK " + PinningAnalysis.UNPINNED_FROM_JDK + " and later, virtual no slower than"
                + " thread-pool at the same P";
        ForkJdk jdk = ForkJdk.of(table, source);
        OptionalInt feature = jdk.feature();
        if (feature.isEmpty()) {
            return goal + ": " + NOT_MEASURED + " (" + jdk.describe().map(which -> "the forks ran " + which)
                    .orElse("which JDK ran the forks is not recorded") + ").";
        }
        if (feature.getAsInt() < PinningAnalysis.UNPINNED_FROM_JDK) {
            return goal + ": " + NOT_MEASURED + " (the forks ran " + jdk.describe().orElseThrow() + "; on JDK 21 to 23 a"
                    + " virtual thread waiting inside synchronized keeps its carrier, which the goal does not ask of).";
        }
        Optional<WorkloadTable.Row> virtual = table.row(source, "virtual");
        Optional<WorkloadTable.Row> pool = table.row(source, "thread-pool");
        List<String> details = new ArrayList<>();
        boolean met = true;
        for (int cores : table.cores()) {
            Measurement fast = virtual.map(row -> row.at(cores)).orElse(null);
            Measurement slow = pool.map(row -> row.at(cores)).orElse(null);
            if (fast == null || slow == null || fast.millisPerOperation().isEmpty() || slow.millisPerOperation().isEmpty()) {
                continue;
            }
            double virtualMillis = fast.millisPerOperation().getAsDouble();
            double poolMillis = slow.millisPerOperation().getAsDouble();
            // no slower: lower, or too close to tell from the error bars
            boolean slower = virtualMillis > poolMillis && (!fast.hasErrorEstimate() || !slow.hasErrorEstimate()
                    || virtualMillis - fast.errorMillis() > poolMillis + slow.errorMillis());
            met &= !slower;
            details.add("at P = " + cores + ", virtual " + Figures.scoreWithError(virtualMillis, fast.errorMillis())
                    + " against thread-pool " + Figures.scoreWithError(poolMillis, slow.errorMillis()) + " ms");
        }
        if (details.isEmpty()) {
            return goal + ": " + NOT_MEASURED + " (virtual and thread-pool were not both measured at any P).";
        }
        return goal + ": " + (met ? MET : MISSED) + " (" + String.join("; ", details) + ").";
    }

    /** The transfer goal for {@code source}, from its cost-per-unit tables. */
    static String sharedMemory(List<TransferCosts> costs, Source source) {
        String goal = "Goal: process-pool-shm's cost per unit at least " + Figures.times(SHARED_MEMORY_GOAL_FACTOR)
                + " lower than process-pool's (the pipe) for payloads of " + Figures.bytes(SHARED_MEMORY_GOAL_FROM_BYTES)
                + " and more";
        List<String> details = new ArrayList<>();
        boolean met = true;
        boolean anyShared = false;
        boolean anyLarge = false;
        for (TransferCosts table : costs) {
            if (table.source() != source) {
                continue;
            }
            Optional<TransferCosts.Row> pipe = table.row("process-pool");
            Optional<TransferCosts.Row> shared = table.row("process-pool-shm");
            anyShared |= shared.isPresent();
            for (long payload : table.payloads()) {
                if (payload < SHARED_MEMORY_GOAL_FROM_BYTES) {
                    continue;
                }
                anyLarge = true;
                TransferCosts.PerUnit piped = pipe.map(row -> row.byPayload().get(payload)).orElse(null);
                TransferCosts.PerUnit mapped = shared.map(row -> row.byPayload().get(payload)).orElse(null);
                if (piped == null || mapped == null) {
                    continue;
                }
                double ratio = piped.micros() / mapped.micros();
                met &= ratio >= SHARED_MEMORY_GOAL_FACTOR;
                details.add(Figures.bytes(payload) + " at P = " + table.cores() + ": " + Figures.number(piped.micros())
                        + " against " + Figures.number(mapped.micros()) + " µs, " + Figures.times(ratio) + " lower");
            }
        }
        if (details.isEmpty()) {
            String why = !anyShared ? "process-pool-shm was not measured" : !anyLarge
                    ? "no payload of " + Figures.bytes(SHARED_MEMORY_GOAL_FROM_BYTES) + " or more was measured"
                    : "process-pool was not measured beside it";
            return goal + ": " + NOT_MEASURED + " (" + why + ").";
        }
        return goal + ": " + (met ? MET : MISSED) + " (" + String.join("; ", details) + ").";
    }
}
