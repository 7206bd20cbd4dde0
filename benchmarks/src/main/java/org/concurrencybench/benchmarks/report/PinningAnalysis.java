package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.Workloads;

/**
 * What a contention table with a wait inside the lock (the pinning probe) shows about the
 * models that run on virtual threads ({@link ModelTrait#VIRTUAL_THREADS}), computed from its
 * figures rather than asserted: which JDK ran the forks, and whether such a model's figure is
 * near what all waits at once would take (its threads let their carriers go) or near what P at
 * a time would take (each kept its carrier: pinned), and whether that is what that JDK should do. JEP 491 (JDK 24) stopped a virtual thread that blocks inside
 * {@code synchronized} from keeping its carrier; a {@code ReentrantLock} never made it.
 */
final class PinningAnalysis {

    /** JEP 491's release: from it on, a virtual thread waiting inside synchronized releases its carrier. */
    static final int UNPINNED_FROM_JDK = 24;

    /** Estimates closer than this factor cannot tell the two cases apart. */
    private static final double DISTINCT = 2;

    private enum Case { RELEASED, PINNED, TOO_CLOSE }

    private PinningAnalysis() {
    }

    /** Whether {@code table} is a contention with a wait inside the lock, where carriers can be kept. */
    static boolean applies(WorkloadTable table) {
        return Workloads.ids().contains(table.workload()) && Workloads.spec(table.workload()).kind().equals("contention")
                && size(table.sizes(), "holdMs") > 0;
    }

    static List<String> of(WorkloadTable table, List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        if (!applies(table)) {
            return sentences;
        }
        for (Source source : sources) {
            String prefix = sources.size() > 1 ? source.label() + ": " : "";
            ForkJdk jdk = ForkJdk.of(table, source);
            sentences.add(prefix + jdk.sentence());
            table.rows().stream().filter(row -> row.source() == source && !row.measured().isEmpty()
                            && Models.has(row.model(), ModelTrait.VIRTUAL_THREADS))
                    .forEach(row -> sentences.add(prefix + whatVirtualShows(table, row, jdk)));
        }
        return sentences;
    }

    private static String whatVirtualShows(WorkloadTable table, WorkloadTable.Row row, ForkJdk jdk) {
        Map<String, String> sizes = table.sizes();
        long workers = size(sizes, "workers");
        long updates = size(sizes, "updates");
        long hold = size(sizes, "holdMs");
        long locks = size(sizes, "locks");
        String lock = sizes.getOrDefault("lock", "?");
        if (workers <= 0 || updates <= 0 || locks <= 0) {
            return "The sizes of this table are not all known, so " + row.model() + "'s figures cannot be set against"
                    + " the estimates.";
        }
        long released = Contention.allWaitsAtOnceMillis(workers, updates, hold, locks);
        List<String> figures = new ArrayList<>();
        List<String> pinnedEstimates = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        List<Integer> cores = new ArrayList<>();
        row.measured().forEach((p, measurement) -> {
            OptionalDouble millis = measurement.millisPerOperation();
            if (millis.isEmpty()) {
                return;
            }
            long pinned = Contention.pWaitsAtATimeMillis(workers, updates, hold, locks, p);
            figures.add(Figures.number(millis.getAsDouble()) + " ms at P = " + p);
            pinnedEstimates.add(Figures.grouped(pinned) + " ms at P = " + p);
            cases.add(classify(millis.getAsDouble(), released, pinned));
            cores.add(p);
        });
        if (figures.isEmpty()) {
            return row.model() + "'s figures are not times per operation, so they cannot be set against the estimates.";
        }
        String estimates = row.model() + " took " + String.join(", ", figures) + ". All waits at once would take about "
                + Figures.grouped(released) + " ms (" + (locks < workers ? "workers / locks × " : "")
                + "updates × holdMs); P at a time, as pinned carriers allow, " + String.join(", ", pinnedEstimates)
                + " (workers / P × updates × holdMs).";
        List<Case> decided = cases.stream().filter(found -> found != Case.TOO_CLOSE).distinct().toList();
        if (decided.isEmpty()) {
            return estimates + " At these P the two estimates are too close to tell apart (P is near the workers);"
                    + " measure at P = 1 to see the difference.";
        }
        if (decided.size() > 1) {
            return estimates + " The figures are near the all-at-once estimate at P = "
                    + coresWhere(cores, cases, Case.RELEASED) + " but near the pinned one at P = "
                    + coresWhere(cores, cases, Case.PINNED) + ": the data does not show one behaviour; rerun with more iterations (--full).";
        }
        boolean releasedCarriers = decided.getFirst() == Case.RELEASED;
        String thread = ModelTrait.VIRTUAL_THREADS.thread().orElseThrow();
        String shows = releasedCarriers
                ? " The figures are near the all-at-once estimate: " + thread + "s let their carriers go while they"
                        + " waited holding the lock"
                : " The figures are near the pinned estimate: each waiting " + thread + " kept its carrier, so only P"
                        + " waited at a time";
        return estimates + shows + verdict(lock, releasedCarriers, jdk);
    }

    /** Whether what the data shows is what the JDK that ran it should do. */
    private static String verdict(String lock, boolean releasedCarriers, ForkJdk jdk) {
        if (!lock.equals("synchronized")) {
            return releasedCarriers ? ", as a ReentrantLock lets them on every JDK: the control behaves."
                    : ", which a ReentrantLock never makes them do: something else pinned them, such as a native"
                            + " frame on the stack (-Djdk.tracePinnedThreads=full shows where).";
        }
        OptionalInt feature = jdk.feature();
        if (feature.isEmpty()) {
            return "; which JDK ran the forks is not known for certain, so whether this is JEP 491's doing cannot be said.";
        }
        String which = jdk.describe().orElseThrow();
        if (feature.getAsInt() >= UNPINNED_FROM_JDK) {
            return releasedCarriers ? ", as " + which + " does inside synchronized since JDK 24 (JEP 491)."
                    : ", which " + which + " should not do inside synchronized since JDK 24 (JEP 491): something else"
                            + " pinned them, such as a native frame on the stack"
                            + " (-Djdk.tracePinnedThreads=full shows where).";
        }
        return releasedCarriers ? ", which " + which + " does not do inside synchronized (only JDK 24 and later do,"
                + " JEP 491): check that the forks ran the JDK the run records."
                : ", as " + which + " does inside synchronized (JDK 21 to 23 pin; JEP 491 ended it in JDK 24).";
    }

    private static Case classify(double millis, long released, long pinned) {
        if (released <= 0 || pinned < released * DISTINCT) {
            return Case.TOO_CLOSE;
        }
        // nearer on a log scale: below the geometric mean of the two estimates is nearer the smaller
        return millis < Math.sqrt((double) released * pinned) ? Case.RELEASED : Case.PINNED;
    }

    private static String coresWhere(List<Integer> cores, List<Case> cases, Case wanted) {
        List<String> where = new ArrayList<>();
        for (int index = 0; index < cores.size(); index++) {
            if (cases.get(index) == wanted) {
                where.add(String.valueOf(cores.get(index)));
            }
        }
        return String.join(", ", where);
    }

    /** Size {@code name} as a whole number; -1 when it is missing or not a number. */
    private static long size(Map<String, String> sizes, String name) {
        return WorkloadSizes.number(sizes.get(name)).orElse(-1);
    }
}
