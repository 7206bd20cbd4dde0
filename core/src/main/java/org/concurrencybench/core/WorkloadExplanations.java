package org.concurrencybench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each catalog workload asks, in plain sentences with the figures of its sizes: what one
 * operation does, what a model cannot do better than (the floor) and what its figure measures.
 * How each model runs the workload is the model's to say ({@link ModelDescription}); these
 * sentences name no model. Sizes arrive as text, as a report reads them back from a results
 * file; a size that is missing or not a number is shown as it is and its sums are left out.
 */
final class WorkloadExplanations {

    private WorkloadExplanations() {
    }

    static List<String> of(String workload, Map<String, String> sizes) {
        Sizes size = new Sizes(sizes);
        return switch (workload) {
            case "cpu" -> cpu(size);
            case "blocking" -> blocking(size);
            case "spawn" -> spawn(size);
            case "tree" -> tree(size);
            case "handoff" -> handoff(size);
            case "mixed" -> mixed(size);
            case "io" -> io(size);
            case "transfer" -> transfer(size);
            case "contention" -> contention(size);
            case "pinning" -> pinning(size);
            default -> List.of("A workload this version of the suite does not know; its figures are shown as JMH"
                    + " recorded them.");
        };
    }

    private static List<String> cpu(Sizes size) {
        return List.of("One operation counts the primes below " + size.text("limit") + " by trial division, in "
                + size.text("units") + " slices of one task each. Nothing waits, so at P cores a model can at best be"
                + " P times as fast as at P = 1: the speed-up table shows how close each comes. The floor is the"
                + " baseline's figure, the slices in a plain loop on one thread.");
    }

    private static List<String> blocking(Sizes size) {
        String serial = size.product("units", "delayMs");
        return List.of("One operation runs " + size.text("units") + " tasks that each sleep " + size.text("delayMs")
                + " ms; nothing computes, so the figure says how many sleeps a model overlaps, not how fast it"
                + " computes. One after another the sleeps take " + serial + "; a model that holds a thread through"
                + " each sleep and has P of them overlaps P (" + serial + " / P); the floor, every sleep at once, is"
                + " one sleep (" + size.text("delayMs") + " ms) plus the cost of the tasks. Between the two lies the"
                + " price of a cap, not of a thread.");
    }

    private static List<String> spawn(Sizes size) {
        return List.of("One operation starts " + size.text("units") + " tasks that only return their index and waits"
                + " for all of them: the figure divided by " + size.text("units") + " is the cost of one task, from"
                + " start to join.");
    }

    private static List<String> tree(Sizes size) {
        long width = size.number("width");
        long depth = size.number("depth");
        long leaves = 1;
        long nodes = 1;
        for (int level = 0; level < depth && width > 0; level++) {
            leaves *= width;
            nodes += leaves;
        }
        return List.of("One operation builds a tree of width " + size.text("width") + " and depth " + size.text("depth")
                + " (" + grouped(leaves) + " leaves, " + grouped(nodes) + " nodes): every inner node starts its"
                + " children and sums what they return, the \"skynet\" benchmark. A model that starts a task per node"
                + " starts " + grouped(nodes) + " per operation; models that cannot start this many honestly show n/a"
                + " with their reason.");
    }

    private static List<String> handoff(Sizes size) {
        return List.of("One operation passes a token " + size.text("hops") + " times round a ring of "
                + size.text("workers") + " workers. Only one worker holds the token at a time, so more cores cannot"
                + " make it faster and often make it slower (a wake-up may cross cores). The figure divided by "
                + size.text("hops") + " is the latency of one hand-off.");
    }

    private static List<String> mixed(Sizes size) {
        return List.of("One operation runs " + size.text("units") + " tasks that each count the primes among "
                + size.text("work") + " numbers by trial division (a slice of CPU), then sleep " + size.text("delayMs")
                + " ms: a request that computes a little and then calls something slow. The floor at P cores is one"
                + " wait (" + size.text("delayMs") + " ms) plus units × slice / P of CPU; a model that holds a thread"
                + " through each wait and has P of them waits P at a time (" + size.product("units", "delayMs")
                + " / P).");
    }

    private static List<String> io(Sizes size) {
        return List.of("One operation runs " + size.text("units") + " tasks that each open one TCP connection to the"
                        + " workload's own server on 127.0.0.1, send their request, and read the 8-byte answer, which"
                        + " the server sends after " + size.text("delayMs") + " ms and then closes the connection."
                        + " The server is a single platform thread with an NIO selector and a queue of answers by due"
                        + " time, started before the measurement and stopped after it: it holds no thread per request"
                        + " and costs every model the same.",
                "The ideal is the wait alone, " + size.text("delayMs") + " ms, as in blocking. But each connection"
                        + " costs tens of microseconds of CPU on both sides (connect, accept, request, answer, close),"
                        + " so on few cores the floor is that CPU, not the wait; the measured floor below is what the"
                        + " fastest model spent beyond the wait. A model that blocks one of P threads per read has P"
                        + " requests in flight (" + size.product("units", "delayMs") + " / P); a model that cannot hold"
                        + " this many sockets open at once within its descriptor limit says so as n/a.");
    }

    private static List<String> transfer(Sizes size) {
        long payload = size.number("payload");
        String bytes = payload < 0 ? "their payload" : payload == 0 ? "no bytes" : bytes(payload);
        return List.of("One operation runs " + size.text("units") + " tasks that each return " + bytes + " besides"
                + " their index; the caller adds the CRC-32C of the bytes that reached it to the answer, so lost or"
                + " garbled bytes fail the run. The cost of one unit is the figure divided by " + size.text("units")
                + ". In one JVM the bytes are handed over by reference, so making and checksumming them is the floor;"
                + " between processes they must be moved.");
    }

    private static List<String> contention(Sizes size) {
        long workers = size.number("workers");
        long updates = size.number("updates");
        String total = workers > 0 && updates > 0 ? grouped(workers * updates) : "workers × updates";
        boolean waits = size.number("holdMs") > 0;
        List<String> sentences = new ArrayList<>(List.of(
                "One operation has " + size.text("workers") + " workers each increment a counter they share "
                        + size.text("updates") + " times (" + total + " updates, the answer, so a lost update fails"
                        + " the run), " + stripes(size) + ", guarded by " + lockText(size.raw("lock"))
                        + (waits ? ", waiting " + size.text("holdMs") + " ms inside the critical section at every"
                                + " update" : "") + ".",
                "At P = 1 the workers take turns on one core and a lock is nearly free; from P = 2 they contend, and"
                        + " the figure is what handing the lock, or the cache line of an atomic, between cores costs."));
        return sentences;
    }

    private static List<String> pinning(Sizes size) {
        long workers = size.number("workers");
        long updates = size.number("updates");
        long hold = size.number("holdMs");
        long locks = size.number("locks");
        boolean known = workers > 0 && updates > 0 && hold >= 0 && locks > 0;
        String allAtOnce = known ? grouped(Contention.allWaitsAtOnceMillis(workers, updates, hold, locks)) + " ms"
                : "updates × holdMs";
        String pAtATime = known ? grouped(Contention.pWaitsAtATimeMillis(workers, updates, hold, locks, 1)) + " ms"
                : "workers × updates × holdMs";
        return List.of("One operation has " + size.text("workers") + " workers each wait " + size.text("holdMs")
                + " ms inside a lock of its own (" + lockText(size.raw("lock")) + "), " + size.text("updates")
                + " times. No two workers share a lock, so nobody contends: the figure says how many of the waits a"
                + " model overlaps. All of them: " + allAtOnce + ", the floor. P at a time: workers / P × updates ×"
                + " holdMs (" + pAtATime + " at P = 1). A virtual thread that waits inside synchronized kept its"
                + " carrier on JDK 21 to 23 (pinned: P at a time); JEP 491 ended that in JDK 24. A ReentrantLock"
                + " never pinned: that table is the control.");
    }

    private static String stripes(Sizes size) {
        return size.number("locks") == 1 ? "in one stripe"
                : "split into " + size.text("locks") + " stripes with a lock each";
    }

    private static String lockText(String lock) {
        return switch (lock) {
            case "synchronized" -> "a synchronized block";
            case "reentrant" -> "a ReentrantLock";
            case "atomic" -> "an atomic increment, with no lock";
            default -> "lock " + lock;
        };
    }

    static String bytes(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return grouped(bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return grouped(bytes >> 10) + " KiB";
        }
        return grouped(bytes) + " bytes";
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Sizes as a results file gives them: text that is usually, but not always, a number. */
    private record Sizes(Map<String, String> values) {

        /** The size as a number, or -1 when it is missing or not a whole number. */
        long number(String name) {
            return WorkloadSizes.number(values.get(name)).orElse(-1);
        }

        String raw(String name) {
            return values.getOrDefault(name, "?");
        }

        /** The size grouped in thousands, or as it was written when it is not a number. */
        String text(String name) {
            long value = number(name);
            return value < 0 ? raw(name) : grouped(value);
        }

        /** {@code a × b} in ms, or the formula when either is unknown. */
        String product(String a, String b) {
            long first = number(a);
            long second = number(b);
            return first >= 0 && second >= 0 ? grouped(first * second) + " ms" : a + " × " + b + " ms";
        }
    }
}
