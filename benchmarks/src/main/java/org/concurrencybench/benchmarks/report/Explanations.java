package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
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
            case "io" -> io(sizes);
            case "transfer" -> transfer(sizes);
            case "contention" -> contention(sizes);
            case "pinning" -> pinning(sizes);
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
                        + " them in chunks to P worker JVMs over pipes (process-pool-shm is the same pool, with any"
                        + " bytes a unit returns coming back through shared memory); process-per-task starts a JVM for"
                        + " every slice, P at a time, so its figure is mostly " + grouped(sizes, "units")
                        + " JVM start-ups.");
    }

    private static List<String> blocking(Map<String, String> sizes) {
        long units = SizeValues.number(sizes, "units");
        long delay = SizeValues.number(sizes, "delayMs");
        boolean known = units > 0 && delay >= 0;
        String serial = known ? grouped(units * delay) + " ms" : "units × delayMs";
        return List.of(
                "One operation runs " + grouped(sizes, "units") + " tasks that each sleep " + grouped(sizes, "delayMs")
                        + " ms; nothing computes, so the figure says how many sleeps a model overlaps, not how fast"
                        + " it computes. One after another the sleeps would take " + serial + ".",
                "thread-pool and completable-future run their tasks on P threads, and a sleeping task holds its"
                        + " thread: P sleeps overlap, so their floor is the serial time / P (" + serial + " at P = 1)."
                        + " process-pool's (and process-pool-shm's) figure is P worker processes, each sleeping"
                        + " through its chunks of units in turn: the same floor, plus the pipes. process-per-task starts"
                        + " a JVM per task, P at a time: units / P JVM start-ups on top of the sleeps.",
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
                        + " already exist, and fork-join halves the range down to a task per unit. process-pool and"
                        + " process-pool-shm send"
                        + " the units to its P workers in a few chunks, a round trip per chunk rather than per unit,"
                        + " so its figure is not the cost of a task; process-per-task would start a JVM per unit.");
    }

    private static List<String> tree(Map<String, String> sizes) {
        long width = SizeValues.number(sizes, "width");
        long depth = SizeValues.number(sizes, "depth");
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
                        + " (and process-pool-shm) cuts the tree into a few subtrees per worker and walks each"
                        + " sequentially, so its figure is not a task count; models that cannot start this many tasks"
                        + " honestly show n/a with their reason.");
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
                        + " (process-pool, process-pool-shm, process-per-task).");
    }

    private static List<String> mixed(Map<String, String> sizes) {
        long units = SizeValues.number(sizes, "units");
        long delay = SizeValues.number(sizes, "delayMs");
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
                        + " at P = 1) plus the CPU. process-pool's P workers (and process-pool-shm's) do the same, plus"
                        + " the pipes;"
                        + " process-per-task adds a JVM start-up per task, P at a time.",
                "fork-join computes each slice as plain work and sleeps in a ForkJoinPool.ManagedBlocker, so spare"
                        + " threads overlap the waits. threads and virtual start a thread per task, and async computes"
                        + " the slice on its P threads and then waits on a timer holding no thread: all waits"
                        + " overlap, and what is left above the ideal is what interleaving computing with waiting"
                        + " costs each model.");
    }

    private static List<String> io(Map<String, String> sizes) {
        long units = SizeValues.number(sizes, "units");
        long delay = SizeValues.number(sizes, "delayMs");
        String serial = units > 0 && delay >= 0 ? grouped(units * delay) + " ms" : "units × delayMs";
        return List.of(
                "One operation runs " + grouped(sizes, "units") + " tasks that each open one TCP connection to the"
                        + " workload's own server on 127.0.0.1, send their request, and read the 8-byte answer, which"
                        + " the server sends after " + grouped(sizes, "delayMs") + " ms and then closes the connection."
                        + " The server is a single platform thread with an NIO selector and a queue of answers by due"
                        + " time, started before the measurement and stopped after it: it holds no thread per request"
                        + " and costs every model the same.",
                "The ideal is the wait alone, " + grouped(sizes, "delayMs") + " ms, as in blocking. But each"
                        + " connection costs tens of microseconds of CPU on both sides (connect, accept, request,"
                        + " answer, close), so on few cores the floor is that CPU, not the wait; the measured floor"
                        + " below is what the fastest model spent beyond the wait.",
                "thread-pool and completable-future block one of their P threads in each read, so P requests are in"
                        + " flight at a time and their floor is the waits one after another divided by P (" + serial
                        + " at P = 1); the process models' P workers do the same in other JVMs, and process-per-task"
                        + " adds a JVM start-up per task. fork-join blocks in a ManagedBlocker and adds spare threads."
                        + " threads blocks a platform thread per task, and virtual a virtual thread per task, whose"
                        + " blocked read parks it and gives its carrier back. async connects, writes and reads through"
                        + " AsynchronousSocketChannel and holds no thread while a request waits. A model that cannot"
                        + " hold this many sockets open at once within its descriptor limit says so as n/a.");
    }

    private static List<String> transfer(Map<String, String> sizes) {
        return List.of(
                "One operation runs " + grouped(sizes, "units") + " tasks that each return " + payloadText(sizes)
                        + " besides their index; the caller adds the CRC-32C of the bytes that reached it to the"
                        + " answer, so lost or garbled bytes fail the run. The cost of one unit is the figure divided"
                        + " by " + grouped(sizes, "units") + ", drawn against the payload after the last of these tables.",
                "The models in one JVM hand the caller a reference to the bytes: what they pay is making and"
                        + " checksumming them, the ideal, nearly the same for every one of them. process-pool copies"
                        + " them out of its worker through the reply pipe, in frames; process-pool-shm has the worker"
                        + " write them into its region of a memory-mapped file and sends only where they are, and the"
                        + " parent checksums them in place: the two differ by what a pipe costs against shared"
                        + " memory. process-per-task starts a JVM per task, which no payload size hides.");
    }

    private static List<String> contention(Map<String, String> sizes) {
        long workers = SizeValues.number(sizes, "workers");
        long updates = SizeValues.number(sizes, "updates");
        String total = workers > 0 && updates > 0 ? grouped(workers * updates) : "workers × updates";
        String lock = sizes.getOrDefault("lock", "?");
        boolean waits = SizeValues.number(sizes, "holdMs") > 0;
        List<String> sentences = new ArrayList<>(List.of(
                "One operation has " + grouped(sizes, "workers") + " workers each increment a counter they share "
                        + grouped(sizes, "updates") + " times (" + total + " updates, the answer, so a lost update"
                        + " fails the run), " + stripes(sizes) + ", guarded by " + lockText(lock)
                        + (waits ? ", waiting " + grouped(sizes, "holdMs") + " ms inside the critical section at every"
                                + " update" : "") + ".",
                "At P = 1 the workers take turns on one core and a lock is nearly free; from P = 2 they contend, and"
                        + " the figure is what handing the lock, or the cache line of an atomic, between cores costs."
                        + " Every in-JVM model runs the workers on its own threads (a thread per worker for threads"
                        + " and virtual, a task per worker on P threads for the pools) over one shared counter."
                        + " process-pool and process-pool-shm spread the workers over their P processes, which run"
                        + " them one after another and share the counter through a memory-mapped file: a FileChannel"
                        + " lock on the stripe for synchronized and reentrant, a VarHandle atomic add on the mapping"
                        + " for atomic; process-per-task starts a JVM per worker."));
        if (waits) {
            sentences.add("With a wait inside the lock, async takes an asynchronous mutex per stripe that chains futures:"
                    + " the holder waits on a timer without a thread and the workers behind it are continuations;"
                    + " fork-join runs each worker as a ManagedBlocker, adding spare threads while workers wait.");
        }
        return sentences;
    }

    private static List<String> pinning(Map<String, String> sizes) {
        long workers = SizeValues.number(sizes, "workers");
        long updates = SizeValues.number(sizes, "updates");
        long hold = SizeValues.number(sizes, "holdMs");
        long locks = SizeValues.number(sizes, "locks");
        boolean known = workers > 0 && updates > 0 && hold >= 0 && locks > 0;
        String unpinned = known ? grouped(PinningAnalysis.unpinnedMillis(workers, updates, hold, locks)) + " ms"
                : "updates × holdMs";
        String pinnedAtOne = known ? grouped(PinningAnalysis.pinnedMillis(workers, updates, hold, locks, 1)) + " ms"
                : "workers × updates × holdMs";
        return List.of(
                "One operation has " + grouped(sizes, "workers") + " workers each wait " + grouped(sizes, "holdMs")
                        + " ms inside a lock of its own (" + lockText(sizes.getOrDefault("lock", "?")) + "), "
                        + grouped(sizes, "updates") + " times. No two workers share a lock, so nobody contends: the"
                        + " figure says how many of the waits a model overlaps. All of them: " + unpinned + ", the"
                        + " ideal. P at a time: workers / P × updates × holdMs (" + pinnedAtOne + " at P = 1).",
                "threads waits on a platform thread per worker and can reach the ideal; thread-pool and"
                        + " completable-future wait on their P threads, P at a time, and so do the process models'"
                        + " processes. async waits on timers behind an asynchronous mutex and holds no thread."
                        + " virtual is the probe (JEP 491): a virtual thread that waits while it holds a monitor kept"
                        + " its carrier on JDK 21 to 23, pinned, so P waited at a time like thread-pool; from JDK 24 it"
                        + " lets the carrier go and all wait at once. With lock=reentrant it never kept its carrier:"
                        + " that table is the control.");
    }

    private static String stripes(Map<String, String> sizes) {
        long locks = SizeValues.number(sizes, "locks");
        return locks == 1 ? "in one stripe" : "split into " + grouped(sizes, "locks") + " stripes with a lock each";
    }

    private static String payloadText(Map<String, String> sizes) {
        long payload = SizeValues.number(sizes, "payload");
        return payload < 0 ? "their payload" : Figures.bytes(payload) + (payload == 0 ? " (no bytes)" : "");
    }

    private static String lockText(String lock) {
        return switch (lock) {
            case "synchronized" -> "a synchronized block";
            case "reentrant" -> "a ReentrantLock";
            case "atomic" -> "an atomic increment, with no lock";
            default -> "lock " + lock;
        };
    }

    private static String grouped(Map<String, String> sizes, String name) {
        long value = SizeValues.number(sizes, name);
        return value < 0 ? sizes.getOrDefault(name, "?") : grouped(value);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
