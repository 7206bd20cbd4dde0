package org.concurrencybench.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each workload's table measures, in plain sentences, with the figures of its sizes: the
 * part of the report that keeps a reader from comparing a cap with a cost. What a sentence
 * says about a model is what that model's own documentation says it does.
 */
final class Explanations {

    private Explanations() {
    }

    static List<String> of(String workload, Map<String, String> sizes) {
        return switch (workload) {
            case "cpu" -> cpu(sizes);
            case "blocking" -> blocking(sizes);
            case "spawn" -> spawn(sizes);
            case "tree" -> tree(sizes);
            case "handoff" -> handoff(sizes);
            case "mixed" -> mixed(sizes);
            default -> List.of("A workload this version of the suite does not know; its figures are shown as JMH recorded them.");
        };
    }

    private static List<String> cpu(Map<String, String> sizes) {
        return List.of(
                "One operation counts the primes below " + grouped(sizes, "limit") + " by trial division, in "
                        + grouped(sizes, "units") + " slices of one task each. Nothing waits, so at P cores a model can"
                        + " at best be P times as fast as at P = 1: the speed-up table shows how close each comes.",
                "The baseline row is the same slices in a plain loop on one thread, with no model at all; thread-pool"
                        + " at P = 1 against it is what the harness and a pool cost (the suite's goal: within 3%).",
                "threads starts a platform thread per slice and virtual a virtual thread per slice; thread-pool,"
                        + " fork-join, completable-future and async run the slices on P threads. process-pool sends"
                        + " them in chunks to P worker JVMs over pipes; process-per-task starts a JVM for every slice,"
                        + " P at a time, so its figure is mostly " + grouped(sizes, "units") + " JVM start-ups.");
    }

    private static List<String> blocking(Map<String, String> sizes) {
        long units = number(sizes, "units");
        long delay = number(sizes, "delayMs");
        boolean known = units > 0 && delay >= 0;
        String serial = known ? grouped(units * delay) + " ms" : "units × delayMs";
        return List.of(
                "One operation runs " + grouped(sizes, "units") + " tasks that each sleep " + grouped(sizes, "delayMs")
                        + " ms; nothing computes, so the figure says how many sleeps a model overlaps, not how fast"
                        + " it computes. One after another the sleeps would take " + serial + ".",
                "thread-pool and completable-future run their tasks on P threads, and a sleeping task holds its"
                        + " thread: P sleeps overlap, so their floor is the serial time / P (" + serial + " at P = 1)."
                        + " process-pool's figure is P worker processes, each sleeping through its chunks of units in"
                        + " turn: the same floor, plus the pipes. process-per-task starts a JVM per task, P at a time:"
                        + " units / P JVM start-ups on top of the sleeps.",
                "fork-join runs each sleep as a ForkJoinPool.ManagedBlocker, so the pool starts spare threads"
                        + " while its workers sleep: it overlaps far more than P sleeps, and its figure measures that"
                        + " compensation, not P threads sleeping in turn.",
                "threads starts a platform thread per task, virtual a virtual thread per task (a sleeping virtual"
                        + " thread gives its carrier back), and async waits on a timer without holding any thread:"
                        + " all sleeps overlap, so their floor is one sleep (" + grouped(sizes, "delayMs") + " ms) plus"
                        + " the cost of the tasks. The gap between these and the P-thread pools is the price of a"
                        + " cap, not of a thread.");
    }

    private static List<String> spawn(Map<String, String> sizes) {
        return List.of(
                "One operation starts " + grouped(sizes, "units") + " tasks that only return their index and waits"
                        + " for all of them: the figure divided by " + grouped(sizes, "units")
                        + " is the cost of one task, from start to join.",
                "threads creates and starts a platform thread per task and virtual a virtual thread per task;"
                        + " thread-pool, completable-future and async submit a task per unit to P threads that"
                        + " already exist, and fork-join halves the range down to a task per unit. process-pool sends"
                        + " the units to its P workers in a few chunks, a round trip per chunk rather than per unit,"
                        + " so its figure is not the cost of a task; process-per-task would start a JVM per unit.");
    }

    private static List<String> tree(Map<String, String> sizes) {
        long width = number(sizes, "width");
        long depth = number(sizes, "depth");
        long leaves = 1;
        long nodes = 1;
        for (int level = 0; level < depth && width > 0; level++) {
            leaves *= width;
            nodes += leaves;
        }
        return List.of(
                "One operation builds a tree of width " + grouped(sizes, "width") + " and depth " + grouped(sizes, "depth")
                        + " (" + grouped(leaves) + " leaves, " + grouped(nodes) + " nodes): every inner node starts"
                        + " its children and sums what they return, the \"skynet\" benchmark.",
                "threads and virtual start a thread per node, fork-join a task per node that forks and joins its"
                        + " children, completable-future and async a future per node; thread-pool's nodes submit their"
                        + " children and report their sums upward, because a pool thread that waited for its children"
                        + " would deadlock the pool. That is " + grouped(nodes) + " tasks per operation. process-pool"
                        + " cuts the tree into a few subtrees per worker and walks each sequentially, so its figure is"
                        + " not a task count; models that cannot start this many tasks honestly show n/a with"
                        + " their reason.");
    }

    private static List<String> handoff(Map<String, String> sizes) {
        return List.of(
                "One operation passes a token " + grouped(sizes, "hops") + " times round a ring of "
                        + grouped(sizes, "workers") + " workers. Only one worker holds the token at a time, so more"
                        + " cores cannot make it faster and often make it slower (a wake-up may cross cores).",
                "The figure divided by " + grouped(sizes, "hops") + " is the latency of one hand-off: waking a"
                        + " parked platform thread (threads), resuming a virtual thread (virtual), running the next"
                        + " worker's step as a task or a stage on the pool (thread-pool, fork-join,"
                        + " completable-future, async), or a round trip through the parent over two pipes"
                        + " (process-pool, process-per-task).");
    }

    private static List<String> mixed(Map<String, String> sizes) {
        long units = number(sizes, "units");
        long delay = number(sizes, "delayMs");
        boolean known = units > 0 && delay >= 0;
        String serialWaits = known ? grouped(units * delay) + " ms" : "units × delayMs";
        return List.of(
                "One operation runs " + grouped(sizes, "units") + " tasks that each count the primes among "
                        + grouped(sizes, "work") + " numbers by trial division (a slice of CPU), then sleep "
                        + grouped(sizes, "delayMs") + " ms: a request that computes a little and then calls something"
                        + " slow. The ideal at P cores is one wait (" + grouped(sizes, "delayMs") + " ms) plus units ×"
                        + " slice / P of CPU.",
                "thread-pool and completable-future hold one of their P threads through each sleep, so at most P"
                        + " waits overlap: their floor is the waits one after another divided by P (" + serialWaits
                        + " at P = 1) plus the CPU. process-pool's P workers do the same, plus the pipes;"
                        + " process-per-task adds a JVM start-up per task, P at a time.",
                "fork-join computes each slice as plain work and sleeps in a ForkJoinPool.ManagedBlocker, so spare"
                        + " threads overlap the waits. threads and virtual start a thread per task, and async computes"
                        + " the slice on its P threads and then waits on a timer holding no thread: all waits"
                        + " overlap, and what is left above the ideal is what interleaving computing with waiting"
                        + " costs each model.");
    }

    private static String grouped(Map<String, String> sizes, String name) {
        long value = number(sizes, name);
        return value < 0 ? sizes.getOrDefault(name, "?") : grouped(value);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static long number(Map<String, String> sizes, String name) {
        try {
            return Long.parseLong(sizes.getOrDefault(name, "").replace("_", "").strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
