package org.concurrencybench.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalog of workloads: each id with its kind, its parameters and their defaults, and what it asks. */
public final class Workloads {

    private static final WorkloadSpec.Parameter PAYLOAD = new WorkloadSpec.Parameter("payload", 0,
            "bytes each unit returns besides its number; their checksum is part of the answer");

    private static final List<WorkloadSpec> CATALOG = List.of(
            new WorkloadSpec("cpu", "batch", "counts primes in its slice of [0, limit) by trial division",
                    List.of(new WorkloadSpec.Parameter("limit", 2_000_000, "primes are counted below this"),
                            new WorkloadSpec.Parameter("units", 64, "slices of [0, limit), one task each"),
                            PAYLOAD),
                    values -> batch("cpu", new Primes(values.get("limit")), values)),
            new WorkloadSpec("blocking", "batch", "sleeps delayMs, then returns its index",
                    List.of(new WorkloadSpec.Parameter("units", 1_000, "tasks, each one sleep"),
                            new WorkloadSpec.Parameter("delayMs", 10, "how long each task sleeps"),
                            PAYLOAD),
                    values -> batch("blocking", new Sleep(values.get("delayMs")), values)),
            new WorkloadSpec("spawn", "batch", "returns its index: the cost of starting and joining a task",
                    List.of(new WorkloadSpec.Parameter("units", 10_000, "tasks started and joined"), PAYLOAD),
                    values -> batch("spawn", new Identity(), values)),
            new WorkloadSpec("tree", "tree", "skynet: each node starts width children; each leaf returns its ordinal",
                    List.of(new WorkloadSpec.Parameter("width", 10, "children of every inner node"),
                            new WorkloadSpec.Parameter("depth", 6, "levels below the root")),
                    values -> new Tree("tree", narrow("tree", "width", values), narrow("tree", "depth", values))),
            new WorkloadSpec("handoff", "relay", "a token passed round a ring of workers",
                    List.of(new WorkloadSpec.Parameter("workers", 2, "workers in the ring (2: ping-pong)"),
                            new WorkloadSpec.Parameter("hops", 100_000, "hand-offs of the token")),
                    values -> new Relay("handoff", narrow("handoff", "workers", values),
                            narrow("handoff", "hops", values))),
            new WorkloadSpec("mixed", "batch", "counts the primes in its own work numbers, then sleeps delayMs",
                    List.of(new WorkloadSpec.Parameter("units", 1_000, "tasks, each a CPU slice and then one sleep"),
                            // a few microseconds of trial division per unit, measured on the reference machine
                            new WorkloadSpec.Parameter("work", 100, "numbers each unit tests for primality"),
                            new WorkloadSpec.Parameter("delayMs", 10, "how long each task sleeps after its slice"),
                            PAYLOAD),
                    values -> mixed(values)),
            new WorkloadSpec("io", "batch", "one request over loopback TCP to the workload's own server, "
                    + "which answers after delayMs",
                    List.of(new WorkloadSpec.Parameter("units", 1_000, "requests, one connection and one task each"),
                            new WorkloadSpec.Parameter("delayMs", 10, "how long the server waits before it answers"),
                            PAYLOAD),
                    true,
                    (values, port) -> batch("io", new Request(port, values.get("delayMs")), values)),
            new WorkloadSpec("transfer", "batch", "returns payload bytes: the cost of moving a unit's result",
                    List.of(new WorkloadSpec.Parameter("units", 100, "tasks, each returning payload bytes"),
                            new WorkloadSpec.Parameter("payload", 65_536, "bytes each unit returns")),
                    values -> batch("transfer", new Identity(), values)),
            new WorkloadSpec("contention", "contention", "workers each increment one shared counter updates times "
                    + "under lock",
                    List.of(new WorkloadSpec.Parameter("workers", 4, "workers sharing the counter, one task each"),
                            new WorkloadSpec.Parameter("updates", 100_000, "increments each worker makes"),
                            lock(),
                            new WorkloadSpec.Parameter("holdMs", 0, "a wait inside the critical section"),
                            new WorkloadSpec.Parameter("locks", 1, "stripes of the counter, each with its own lock")),
                    values -> contention("contention", values)),
            new WorkloadSpec("pinning", "contention", "each worker waits holdMs inside its own synchronized block, "
                    + "updates times",
                    List.of(new WorkloadSpec.Parameter("workers", 64, "workers, one task each"),
                            new WorkloadSpec.Parameter("updates", 2, "waits inside the lock each worker makes"),
                            lock(),
                            new WorkloadSpec.Parameter("holdMs", 5, "the wait inside the critical section"),
                            new WorkloadSpec.Parameter("locks", 64, "locks (one per worker: nobody contends)")),
                    values -> contention("pinning", values)));

    private Workloads() {
    }

    public static List<WorkloadSpec> all() {
        return CATALOG;
    }

    /**
     * What workload {@code id} asks and what its floor is, in sentences with the figures of
     * {@code sizes} (as text, the way a results file keeps them); for an id the catalog does not
     * know, a sentence that says so.
     */
    public static List<String> explain(String id, Map<String, String> sizes) {
        return WorkloadExplanations.of(id, sizes);
    }

    public static List<String> ids() {
        return CATALOG.stream().map(WorkloadSpec::id).toList();
    }

    /** The catalog entry {@code id}; an unknown id names the known ones. */
    public static WorkloadSpec spec(String id) {
        return CATALOG.stream().filter(spec -> spec.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + id + "'; known workloads: "
                        + CATALOG.stream().map(WorkloadSpec::id).collect(Collectors.joining(", "))));
    }

    /** Workload {@code id} at its default size. */
    public static Workload create(String id) {
        return spec(id).create();
    }

    /** Workload {@code id} with {@code overrides} applied over its defaults. */
    public static Workload create(String id, Map<String, String> overrides) {
        return spec(id).create(overrides);
    }

    /**
     * Workload {@code id} with {@code overrides}, ready to run: io's server is started, and
     * closing the result stops it.
     */
    public static OpenWorkload open(String id, Map<String, String> overrides) {
        return spec(id).open(overrides);
    }

    /** Checked here, not first when the answer is needed: units × work must stay within the sieve's bound. */
    private static Batch mixed(Map<String, Long> values) {
        Mixed kernel = new Mixed(values.get("work"), values.get("delayMs"));
        kernel.limit(units("mixed", values));
        return batch("mixed", kernel, values);
    }

    private static Batch batch(String name, Kernel kernel, Map<String, Long> values) {
        return new Batch(name, kernel, units(name, values), narrow(name, "payload", values));
    }

    private static WorkloadSpec.Parameter lock() {
        List<String> choices = java.util.Arrays.stream(LockKind.values()).map(LockKind::id).toList();
        return new WorkloadSpec.Parameter("lock", LockKind.SYNCHRONIZED.ordinal(),
                "what guards the counter: " + String.join(", ", choices), choices);
    }

    private static Contention contention(String name, Map<String, Long> values) {
        return new Contention(name, narrow(name, "workers", values), narrow(name, "updates", values),
                LockKind.values()[(int) (long) values.get("lock")], values.get("holdMs"), narrow(name, "locks", values));
    }

    private static int units(String workload, Map<String, Long> values) {
        return narrow(workload, "units", values);
    }

    private static int narrow(String workload, String name, Map<String, Long> values) {
        long value = values.get(name);
        return (int) Checks.range(workload, name, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
}
