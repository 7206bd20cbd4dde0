package org.concurrencybench.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The catalog of workloads: each id with its kind, its parameters and their defaults, and what it asks. */
public final class Workloads {

    private static final WorkloadSpec.Parameter PAYLOAD = new WorkloadSpec.Parameter("payload", 0, 0, Payload.MAX_BYTES,
            "bytes each unit returns besides its number; their checksum is part of the answer");

    private static final List<WorkloadSpec> CATALOG = List.of(
            new WorkloadSpec("cpu", "batch", "counts primes in its slice of [0, limit) by trial division",
                    List.of(new WorkloadSpec.Parameter("limit", 2_000_000, 1, Primes.MAX_LIMIT, "primes are counted below this"),
                            units(64, "slices of [0, limit), one task each"),
                            PAYLOAD),
                    values -> batch("cpu", new Primes(values.get("limit")), values)),
            new WorkloadSpec("blocking", "batch", "sleeps delayMs, then returns its index",
                    List.of(units(1_000, "tasks, each one sleep"),
                            delayMs("how long each task sleeps"),
                            PAYLOAD),
                    values -> batch("blocking", new Sleep(values.get("delayMs")), values)),
            new WorkloadSpec("spawn", "batch", "returns its index: the cost of starting and joining a task",
                    List.of(units(10_000, "tasks started and joined"), PAYLOAD),
                    values -> batch("spawn", new Identity(), values)),
            new WorkloadSpec("tree", "tree", "skynet: each node starts width children; each leaf returns its ordinal",
                    List.of(new WorkloadSpec.Parameter("width", 10, Tree.MIN_WIDTH, Tree.MAX_WIDTH,
                                    "children of every inner node"),
                            new WorkloadSpec.Parameter("depth", 6, 1, Tree.MAX_DEPTH, "levels below the root")),
                    values -> new Tree("tree", integer(values, "width"), integer(values, "depth"))),
            new WorkloadSpec("handoff", "relay", "a token passed round a ring of workers",
                    List.of(new WorkloadSpec.Parameter("workers", 2, Relay.MIN_WORKERS, Relay.MAX_WORKERS,
                                    "workers in the ring (2: ping-pong)"),
                            new WorkloadSpec.Parameter("hops", 100_000, 1, Relay.MAX_HOPS, "hand-offs of the token")),
                    values -> new Relay("handoff", integer(values, "workers"), integer(values, "hops"))),
            new WorkloadSpec("mixed", "batch", "counts the primes in its own work numbers, then sleeps delayMs",
                    List.of(units(1_000, "tasks, each a CPU slice and then one sleep"),
                            // a few microseconds of trial division per unit, measured on the reference machine
                            new WorkloadSpec.Parameter("work", 100, 1, Primes.MAX_LIMIT,
                                    "numbers each unit tests for primality"),
                            delayMs("how long each task sleeps after its slice"),
                            PAYLOAD),
                    values -> mixed(values)),
            new WorkloadSpec("io", "batch", "one request over loopback TCP to the workload's own server, "
                    + "which answers after delayMs",
                    List.of(units(1_000, "requests, one connection and one task each"),
                            delayMs("how long the server waits before it answers"),
                            PAYLOAD),
                    true,
                    (values, port) -> batch("io", new Request(port, values.get("delayMs")), values)),
            new WorkloadSpec("transfer", "batch", "returns payload bytes: the cost of moving a unit's result",
                    List.of(units(100, "tasks, each returning payload bytes"),
                            new WorkloadSpec.Parameter("payload", 65_536, 0, Payload.MAX_BYTES, "bytes each unit returns")),
                    values -> batch("transfer", new Identity(), values)),
            new WorkloadSpec("contention", "contention", "workers each increment one shared counter updates times "
                    + "under lock",
                    List.of(workers(4, "workers sharing the counter, one task each"),
                            updates(100_000, "increments each worker makes"),
                            lock(),
                            holdMs(0, "a wait inside the critical section"),
                            locks(1, "stripes of the counter, each with its own lock")),
                    values -> contention("contention", values)),
            new WorkloadSpec("pinning", "contention", "each worker waits holdMs inside its own synchronized block, "
                    + "updates times",
                    List.of(workers(64, "workers, one task each"),
                            updates(2, "waits inside the lock each worker makes"),
                            lock(),
                            holdMs(5, "the wait inside the critical section"),
                            locks(64, "locks (one per worker: nobody contends)")),
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

    /**
     * The floor of one operation of workload {@code id} at {@code sizes}: the waits no model can
     * avoid, all overlapped; empty where the sizes fix none (a workload that computes has the
     * baseline's figure as its floor, a measured one).
     */
    public static Optional<WorkloadFloor> floor(String id, Map<String, String> sizes) {
        return WorkloadFloor.of(id, sizes);
    }

    /**
     * Whether more cores can make one operation of workload {@code id} faster, so that a
     * speed-up ranks models: true for work that only computes or starts tasks (cpu, spawn, tree,
     * transfer); false for work that waits (where a pool's cap grows with P, which is not
     * scaling), for a hand-off that only one worker holds at a time, and for contention, where
     * more cores only contend.
     */
    public static boolean scales(String id) {
        return SCALING.contains(id);
    }

    private static final Set<String> SCALING = Set.of("cpu", "spawn", "tree", "transfer");

    /**
     * Whether the floor of workload {@code id} at P cores is the baseline's figure divided by P:
     * work that only computes, which P cores can at best share evenly (cpu).
     */
    public static boolean floorIsBaselineOverP(String id) {
        return id.equals("cpu");
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
        kernel.limit(integer(values, "units"));
        return batch("mixed", kernel, values);
    }

    private static Batch batch(String name, Kernel kernel, Map<String, Long> values) {
        return new Batch(name, kernel, integer(values, "units"), integer(values, "payload"));
    }

    private static Contention contention(String name, Map<String, Long> values) {
        return new Contention(name, integer(values, "workers"), integer(values, "updates"),
                LockKind.values()[integer(values, "lock")], values.get("holdMs"), integer(values, "locks"));
    }

    private static WorkloadSpec.Parameter units(long defaultValue, String meaning) {
        return new WorkloadSpec.Parameter("units", defaultValue, 1, Batch.MAX_UNITS, meaning);
    }

    private static WorkloadSpec.Parameter delayMs(String meaning) {
        return new WorkloadSpec.Parameter("delayMs", 10, 0, Sleep.MAX_DELAY_MS, meaning);
    }

    private static WorkloadSpec.Parameter workers(long defaultValue, String meaning) {
        return new WorkloadSpec.Parameter("workers", defaultValue, 1, Contention.MAX_WORKERS, meaning);
    }

    private static WorkloadSpec.Parameter updates(long defaultValue, String meaning) {
        return new WorkloadSpec.Parameter("updates", defaultValue, 1, Contention.MAX_UPDATES, meaning);
    }

    private static WorkloadSpec.Parameter holdMs(long defaultValue, String meaning) {
        return new WorkloadSpec.Parameter("holdMs", defaultValue, 0, Sleep.MAX_DELAY_MS, meaning);
    }

    /** At most one per worker: the workload checks that against its own workers. */
    private static WorkloadSpec.Parameter locks(long defaultValue, String meaning) {
        return new WorkloadSpec.Parameter("locks", defaultValue, 1, Contention.MAX_WORKERS, meaning);
    }

    private static WorkloadSpec.Parameter lock() {
        List<String> choices = java.util.Arrays.stream(LockKind.values()).map(LockKind::id).toList();
        return WorkloadSpec.Parameter.choice("lock", LockKind.SYNCHRONIZED.id(),
                "what guards the counter: " + String.join(", ", choices), choices);
    }

    /** A value the parameter's own range keeps within an int. */
    private static int integer(Map<String, Long> values, String name) {
        return Math.toIntExact(values.get(name));
    }
}
